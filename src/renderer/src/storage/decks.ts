import {
  ancestorNames,
  cleanDeckName,
  isInSubtree,
  movedName,
  renamedInSubtree,
  sameDeckName,
  type DeckNameProblem,
} from '../../../core/decks/deck-names';
import type { DeckRow, KiokuDb } from './db';
import { subtreeIds } from './deck-tree';
import { newId } from './ids';

/** A deck name the collection cannot take, with what the learner is told. */
export class DeckNameError extends Error {
  constructor(
    readonly problem: DeckNameProblem | 'taken' | 'into-itself',
    readonly typed: string,
  ) {
    super(`Deck name "${typed}": ${problem}`);
    this.name = 'DeckNameError';
  }
}

const TABLES = (db: KiokuDb) => [db.decks, db.cards, db.notes, db.deckTotals];

function cleaned(typed: string): string {
  const result = cleanDeckName(typed);
  if ('problem' in result) throw new DeckNameError(result.problem, typed);
  return result.name;
}

/**
 * Adds a deck, and any parent deck its `::` path names that does not exist yet, as Anki does.
 * A name already taken (whatever its case) gives the existing deck's id: "Create" never makes two.
 */
export function createDeck(db: KiokuDb, typed: string, now: number): Promise<string> {
  const name = cleaned(typed);
  return db.transaction('rw', TABLES(db), async () => {
    const decks = await db.decks.toArray();
    let id = '';
    for (const path of [...ancestorNames(name), name]) {
      const existing = decks.find((deck) => sameDeckName(deck.name, path));
      if (existing) {
        id = existing.id;
        continue;
      }
      id = newId(now);
      const row: DeckRow = { id, name: path, options: {} };
      decks.push(row);
      await db.decks.add(row);
      await db.deckTotals.put({ deckId: id, cards: 0 });
    }
    return id;
  });
}

/**
 * Gives a deck a new whole name; its subdecks move with it. Refused when another deck has the
 * name, or when the deck would go under itself. Missing parents of the new name are created.
 */
export function renameDeck(db: KiokuDb, deckId: string, typed: string, now: number): Promise<void> {
  const name = cleaned(typed);
  return db.transaction('rw', TABLES(db), async () => {
    const decks = await db.decks.toArray();
    const deck = decks.find((candidate) => candidate.id === deckId);
    if (!deck) throw new Error(`Renaming: no deck with id ${deckId}`);
    if (deck.name === name) return;
    if (isInSubtree(name, deck.name) && !sameDeckName(name, deck.name)) throw new DeckNameError('into-itself', name);
    const moving = decks.filter((candidate) => isInSubtree(candidate.name, deck.name));
    const movingIds = new Set(moving.map((row) => row.id));
    const renamed = moving.map((row) => ({ ...row, name: renamedInSubtree(row.name, deck.name, name) }));
    for (const row of renamed) {
      if (decks.some((other) => !movingIds.has(other.id) && sameDeckName(other.name, row.name))) throw new DeckNameError('taken', row.name);
    }
    // Two steps, as the name index is unique: a subdeck may take the name its parent is leaving.
    await db.decks.bulkDelete([...movingIds]);
    await db.decks.bulkAdd(renamed);
    const others = decks.filter((other) => !movingIds.has(other.id));
    for (const path of ancestorNames(name)) {
      if (others.some((other) => sameDeckName(other.name, path))) continue;
      const id = newId(now);
      others.push({ id, name: path, options: {} });
      await db.decks.add({ id, name: path, options: {} });
      await db.deckTotals.put({ deckId: id, cards: 0 });
    }
  });
}

/** Moves a deck (with its subdecks) under another deck, or to the top level with ''. */
export async function moveDeck(db: KiokuDb, deckId: string, parentId: string, now: number): Promise<void> {
  const [deck, parent] = await Promise.all([db.decks.get(deckId), parentId === '' ? undefined : db.decks.get(parentId)]);
  if (!deck) throw new Error(`Moving: no deck with id ${deckId}`);
  if (parentId !== '' && !parent) throw new Error(`Moving: no deck with id ${parentId}`);
  if (parent && isInSubtree(parent.name, deck.name)) throw new DeckNameError('into-itself', parent.name);
  await renameDeck(db, deckId, movedName(deck.name, parent?.name ?? ''), now);
}

export async function setDeckDescription(db: KiokuDb, deckId: string, description: string): Promise<void> {
  const deck = await db.decks.get(deckId);
  if (!deck) throw new Error(`Description: no deck with id ${deckId}`);
  const text = description.trim();
  const row: DeckRow = { ...deck, description: text };
  if (text === '') delete row.description;
  await db.decks.put(row);
}

/** What deleting a deck takes away: the deck, its subdecks and every card in them. */
export interface DeckDeletion {
  decks: number;
  cards: number;
}

/** Counted on the kept totals, without reading a card, so the question can be asked at once. */
export async function deletionOf(db: KiokuDb, deckId: string): Promise<DeckDeletion> {
  const ids = subtreeIds(await db.decks.toArray(), deckId);
  const totals = await db.deckTotals.bulkGet(ids);
  return { decks: ids.length, cards: totals.reduce((sum, row) => sum + (row?.cards ?? 0), 0) };
}

/**
 * Deletes a deck with its subdecks and their cards; a note left without cards goes too. The
 * review log keeps its answers (it is never rewritten), as after deleting notes.
 */
export function deleteDeck(db: KiokuDb, deckId: string): Promise<DeckDeletion> {
  return db.transaction('rw', TABLES(db), async () => {
    const ids = subtreeIds(await db.decks.toArray(), deckId);
    const cards = await db.cards.where('deckId').anyOf(ids).toArray();
    const noteIds = [...new Set(cards.map((card) => card.noteId))];
    await db.cards.bulkDelete(cards.map((card) => card.id));
    const deckOfKept = new Map((await db.cards.where('noteId').anyOf(noteIds).toArray()).map((card) => [card.noteId, card.deckId]));
    await db.notes.bulkDelete(noteIds.filter((id) => !deckOfKept.has(id)));
    // A note kept for its cards elsewhere takes one of their decks, so it never names a deck that is gone.
    const kept = (await db.notes.bulkGet([...deckOfKept.keys()])).filter((note) => note !== undefined && ids.includes(note.deckId));
    await db.notes.bulkPut(kept.map((note) => ({ ...note!, deckId: deckOfKept.get(note!.id)! })));
    await db.decks.bulkDelete(ids);
    await db.deckTotals.bulkDelete(ids);
    return { decks: ids.length, cards: cards.length };
  });
}
