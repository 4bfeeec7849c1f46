import { cardId, cardTemplatesFor } from '../../../../core/cards';
import type { CollectionData, Note } from '../../../../core/collection/model';
import type { ProgressOptions } from '../../../../core/formats';
import { throwIfAborted } from '../../../../core/formats/errors';
import type { Table } from 'dexie';
import { withDeckOfCard, type CardRow, type KiokuDb } from '../db';
import { recountDeckTotals } from '../deck-totals';
import { reportingStorageFull } from '../storage-full';
import { planDecks } from './import-decks';
import { planNoteTypes } from './import-note-types';
import { newReviews, noteIdsInCollection, placeCard, planCards, planNotes } from './import-notes';
import { batch, writeRows } from './write-rows';

export interface ImportOptions extends ProgressOptions {
  /** The file the data came from, named in every error. */
  fileName: string;
  /** Import time: new cards are due from now, updated notes are modified now. */
  now: number;
  /** Take the file's card schedules and review history when it has them; otherwise every card arrives new. */
  withScheduling: boolean;
}

export interface ImportReport {
  decksAdded: number;
  notesAdded: number;
  notesUpdated: number;
  notesUnchanged: number;
  cardsWritten: number;
  reviewsAdded: number;
  mediaWritten: number;
}

/**
 * The rows of `ids` that exist. Reading all primary keys is one fast key-only request; looking up
 * 20,000 ids one by one, most of them new, costs far more, so only the ids present are fetched,
 * and when they are a good part of the table, the whole table is read in one request instead.
 */
async function existing<T>(table: Table<T, string>, ids: readonly string[], keyOf: (row: T) => string): Promise<T[]> {
  if (ids.length === 0) return [];
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = ids.filter((id) => present.has(id));
  if (wanted.length === 0) return [];
  if (wanted.length < present.size / 4) return (await table.bulkGet(wanted)).filter((row) => row !== undefined);
  const asked = new Set(wanted);
  return (await table.toArray()).filter((row) => asked.has(keyOf(row)));
}

function byKey<T>(rows: readonly (T | undefined)[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.flatMap((row) => (row === undefined ? [] : [[key(row), row] as [string, T]])));
}

/**
 * Stored notes sharing an Anki guid with the given ones. The guid index is read as keys only,
 * in one pass: a query for thousands of guids one by one is far slower.
 */
async function notesByGuid(db: KiokuDb, notes: readonly Note[]): Promise<Map<string, Note>> {
  const wanted = new Set(notes.flatMap((note) => (note.guid === undefined ? [] : [note.guid])));
  if (wanted.size === 0) return new Map();
  const index = db.notes.orderBy('guid');
  const [guids, ids] = await Promise.all([index.keys(), index.primaryKeys()]);
  const matching = ids.filter((_, i) => wanted.has(String(guids[i])));
  return byKey(await db.notes.bulkGet(matching), (note) => note.guid ?? '');
}

/**
 * Writes validated data (as a core reader returns it) into the collection: notes already there,
 * by id or Anki guid, are updated in place and keep their cards and reviews; decks are matched by
 * id, then by name. Everything is read and checked first, then written in ONE transaction over
 * every table touched, so a failure, a full disk or a cancel leaves the collection unchanged.
 */
export async function importCollection(db: KiokuDb, data: CollectionData, options: ImportOptions): Promise<ImportReport> {
  const { fileName, now } = options;
  throwIfAborted(options.signal, fileName);
  const scheduled = options.withScheduling ? (data.cards ?? []) : [];
  const reviews = options.withScheduling ? (data.reviews ?? []) : [];
  const tables = [db.decks, db.noteTypes, db.notes, db.cards, db.reviews, db.media, db.deckTotals];
  return reportingStorageFull({ kind: 'import', fileName }, () =>
    db.transaction('rw', tables, async () => {
      const decks = planDecks(data.decks, await db.decks.toArray(), fileName);
      const types = planNoteTypes(data.noteTypes, await db.noteTypes.toArray(), fileName);
      const noteTypes = types.byId;

      const byId = byKey(await existing(db.notes, data.notes.map((note) => note.id), (note) => note.id), (note) => note.id);
      const byGuid = await notesByGuid(db, data.notes.filter((note) => !byId.has(note.id)));
      const noteIdOf = noteIdsInCollection(data.notes, byId, byGuid, fileName);
      const storedNotes = new Map<string, Note>([...byId, ...[...byGuid.values()].map((note) => [note.id, note] as const)]);
      const notes = planNotes(data.notes, { noteIdOf, deckIdOf: decks.idOf, noteTypeIdOf: types.idOf }, storedNotes, now);

      const placedCards = scheduled.map((card) => placeCard(card, noteIdOf, decks.idOf));
      const wantedCardIds = [
        ...placedCards.map((card) => card.id),
        ...notes.notes.flatMap((note) => {
          const type = noteTypes.get(note.noteTypeId);
          return type ? cardTemplatesFor(type, note).map((template) => cardId(note.id, template)) : [];
        }),
      ];
      const storedCards = byKey<CardRow>(await existing(db.cards, wantedCardIds, (card) => card.id), (card) => card.id);
      const cards = planCards(notes.notes, noteTypes, placedCards, storedCards, now);

      const cardIdOf = new Map(scheduled.map((card, i) => [card.id, placedCards[i]!.id]));
      const storedReviews = await existing(db.reviews, reviews.map((review) => review.id), (review) => review.id);
      const storedReviewIds = new Set(storedReviews.map((review) => review.id));
      const addedReviews = withDeckOfCard(newReviews(reviews, cardIdOf, storedReviewIds), [...storedCards.values(), ...cards], false);
      const media = data.media ?? [];

      await writeRows(
        [
          batch(db.decks, decks.rows),
          batch(db.noteTypes, types.rows),
          batch(db.notes, notes.notes),
          batch(db.cards, cards),
          batch(db.reviews, addedReviews),
          batch(db.media, media),
        ],
        options,
        fileName,
      );
      // A re-imported card may have moved to another deck: both decks are counted again.
      await recountDeckTotals(db, [...cards.map((card) => card.deckId), ...[...storedCards.values()].map((card) => card.deckId)]);
      return {
        decksAdded: decks.added,
        notesAdded: notes.added,
        notesUpdated: notes.updated,
        notesUnchanged: notes.unchanged,
        cardsWritten: cards.length,
        reviewsAdded: addedReviews.length,
        mediaWritten: media.length,
      };
    }),
  );
}
