import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDeckFile, serializeDeckFile } from '../../../src/core/deck-format';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { Collection as StoredCollection } from '../../../src/renderer/src/storage/collection';
import { importFile } from '../../../src/renderer/src/transfer/service';

/** 2026-11-30 21:00 in Tokyo. */
export const NOW = Date.UTC(2026, 10, 30, 12);

/** A file under test/fixtures/, e.g. `faults/deck.json`. */
export function fixture(path: string): Uint8Array {
  // A plain copy: a Buffer's slice() shares memory, and the mutations must never touch the seed.
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))));
}

let databases = 0;

export function emptyCollection(): Collection {
  return new StoredCollection({ name: `kioku-faults-${++databases}-${Math.random().toString(36).slice(2)}`, zone: 'Asia/Tokyo' });
}

/** A collection with decks, cards in every state, reviews, media, settings and a deck option. */
export async function studiedCollection(): Promise<Collection> {
  const collection = emptyCollection();
  await importFile(collection, { name: 'deck.json', bytes: fixture('faults/deck.json') }, { now: NOW });
  await collection.setSettings({ language: 'ja', dayStartHour: 5 });
  await collection.setDeckOptions('d_faults', { newPerDay: 7 });
  return collection;
}

/** Every row of every table: a failed write must leave all of them exactly as they were. */
export async function everyRow(collection: Collection): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of collection.db.tables) rows[table.name] = await table.toArray();
  return rows;
}

/**
 * Rows that point at something missing, or schedules no scheduler could have made: what a
 * half-written or wrongly accepted import leaves behind.
 */
export async function brokenRows(collection: Collection): Promise<string[]> {
  const { db } = collection;
  const [decks, noteTypes, notes, cards, reviews] = await Promise.all([
    db.decks.toArray(),
    db.noteTypes.toArray(),
    db.notes.toArray(),
    db.cards.toArray(),
    db.reviews.toArray(),
  ]);
  const deckIds = new Set(decks.map((deck) => deck.id));
  const typeIds = new Set(noteTypes.map((type) => type.id));
  const noteIds = new Set(notes.map((note) => note.id));
  const cardIds = new Set(cards.map((card) => card.id));
  return [
    ...notes.filter((note) => !deckIds.has(note.deckId)).map((note) => `note ${note.id} is in missing deck ${note.deckId}`),
    ...notes.filter((note) => !typeIds.has(note.noteTypeId)).map((note) => `note ${note.id} has missing note type ${note.noteTypeId}`),
    ...cards.filter((card) => !noteIds.has(card.noteId)).map((card) => `card ${card.id} belongs to missing note ${card.noteId}`),
    ...cards.filter((card) => !deckIds.has(card.deckId)).map((card) => `card ${card.id} is in missing deck ${card.deckId}`),
    ...reviews.filter((review) => !cardIds.has(review.cardId)).map((review) => `review ${review.id} is of missing card ${review.cardId}`),
    ...(await reexportProblem(collection)),
  ];
}

/**
 * What the learner's own export would find wrong: the whole collection, written as a Kioku deck
 * file and read back, must pass the deck format's schema (card states, counts, ratings, times).
 */
async function reexportProblem(collection: Collection): Promise<string[]> {
  const data = await collection.exportData({ withScheduling: true, withMedia: true });
  try {
    parseDeckFile(serializeDeckFile(data), 'export.json');
    return [];
  } catch (error) {
    return [`its export cannot be read back: ${error instanceof Error ? error.message : String(error)}`];
  }
}
