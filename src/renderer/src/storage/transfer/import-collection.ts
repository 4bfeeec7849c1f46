import { cardId, cardTemplatesFor } from '../../../../core/cards';
import { KEEP_MINE, type CollisionChoices, type Collisions } from '../../../../core/collection/collisions';
import type { CollectionData, Note } from '../../../../core/collection/model';
import { ImportError, type ProgressOptions } from '../../../../core/formats';
import { throwIfAborted } from '../../../../core/formats/errors';
import type { Table } from 'dexie';
import { withDeckOfCard, type CardRow, type KiokuDb } from '../db';
import { recountDeckTotals } from '../deck-totals';
import { newId } from '../ids';
import { reportingStorageFull } from '../storage-full';
import { planDecks } from './import-decks';
import { planMedia } from './import-media';
import { planNoteTypes } from './import-note-types';
import { newReviews, noteCollisions, noteIdsInCollection, placeCard, planCards, planNotes } from './import-notes';
import { batch, writeRows } from './write-rows';
import { presetsForImportedDecks } from '../presets';

export interface ImportOptions extends ProgressOptions {
  /** The file the data came from, named in every error. */
  fileName: string;
  /** Import time: new cards are due from now, updated notes are modified now. */
  now: number;
  /** Take the file's card schedules and review history when it has them; otherwise every card arrives new. */
  withScheduling: boolean;
  /** What becomes of each kind of item the file shares with the collection with other content (default: the learner's are kept). */
  collisions?: CollisionChoices;
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

/** Everything an import would write, worked out from the file and the collection before writing anything. */
interface ImportPlan {
  decks: ReturnType<typeof planDecks>;
  noteTypes: ReturnType<typeof planNoteTypes>;
  notes: ReturnType<typeof planNotes>;
  cards: CardRow[];
  storedCards: Map<string, CardRow>;
  reviews: ReturnType<typeof newReviews>;
  media: Awaited<ReturnType<typeof planMedia>>;
  collisions: Collisions;
}

/** The import's reads and decisions; runs inside the caller's transaction over IMPORT_TABLES. */
async function planImport(db: KiokuDb, data: CollectionData, options: Omit<ImportOptions, keyof ProgressOptions>): Promise<ImportPlan> {
  const { fileName, now, collisions: choices = KEEP_MINE } = options;
  const makeId = () => newId(now);
  const scheduled = options.withScheduling ? (data.cards ?? []) : [];
  const reviews = options.withScheduling ? (data.reviews ?? []) : [];

  // A filtered deck holds cards with their schedules; without them every card stays in its home deck, so the filtered deck is left out.
  const decks = planDecks(options.withScheduling ? data.decks : data.decks.filter((deck) => !deck.filtered), await db.decks.toArray(), fileName, choices.decks, makeId);
  const types = planNoteTypes(data.noteTypes, await db.noteTypes.toArray(), choices.noteTypes, makeId);
  const noteTypes = types.byId;

  const byId = byKey(await existing(db.notes, data.notes.map((note) => note.id), (note) => note.id), (note) => note.id);
  const byGuid = await notesByGuid(db, data.notes.filter((note) => !byId.has(note.id)));
  const storedIdOf = noteIdsInCollection(data.notes, byId, byGuid, fileName);
  const storedNotes = new Map<string, Note>([...byId, ...[...byGuid.values()].map((note) => [note.id, note] as const)]);
  const storedIds = { noteIdOf: storedIdOf, deckIdOf: decks.idOf, noteTypeIdOf: types.idOf };

  const wantedCardIds = [
    ...scheduled.map((card) => placeCard(card, storedIdOf, decks.idOf).id),
    ...data.notes.flatMap((note) => {
      const type = noteTypes.get(types.idOf.get(note.noteTypeId) ?? note.noteTypeId);
      const id = storedIdOf.get(note.id) ?? note.id;
      return type ? cardTemplatesFor(type, note).map((template) => cardId(id, template)) : [];
    }),
  ];
  const storedCards = byKey<CardRow>(await existing(db.cards, wantedCardIds, (card) => card.id), (card) => card.id);
  const clashes = noteCollisions(data.notes, storedIds, storedNotes, scheduled.map((card) => placeCard(card, storedIdOf, decks.idOf)), storedCards);

  // The learner's choice for clashing notes: skip them with their cards and history, take them, or give them ids of their own.
  const skipped = new Set(choices.notes === 'keep-mine' ? clashes.keys() : []);
  const noteIdOf = new Map(storedIdOf);
  if (choices.notes === 'keep-both') for (const id of clashes.keys()) noteIdOf.set(id, makeId());
  const copied = choices.notes === 'keep-both' ? new Set(clashes.keys()) : new Set<string>();
  const kept = data.notes.filter((note) => !skipped.has(note.id)).map((note) => (copied.has(note.id) ? withoutGuid(note) : note));
  const notes = planNotes(kept, { ...storedIds, noteIdOf }, storedNotes, now);

  const keptCards = scheduled.filter((card) => !skipped.has(card.noteId));
  const placedCards = keptCards.map((card) => placeCard(card, noteIdOf, decks.idOf));
  const cardIdOf = new Map(keptCards.map((card, i) => [card.id, placedCards[i]!.id]));
  const sameCard = new Map<string, string>();
  for (const [i, card] of placedCards.entries()) {
    const other = sameCard.get(card.id);
    if (other !== undefined) throw new ImportError(fileName, `card ${keptCards[i]!.id}`, `is the same card of note ${keptCards[i]!.noteId} as card ${other}`);
    sameCard.set(card.id, keptCards[i]!.id);
  }
  const cards = planCards(notes.notes, noteTypes, placedCards, storedCards, now);

  const keptReviews = reviews.filter((review) => cardIdOf.has(review.cardId));
  const storedReviews = await existing(db.reviews, keptReviews.map((review) => review.id), (review) => review.id);
  const storedReviewIds = new Set(storedReviews.map((review) => review.id));
  const addedReviews = withDeckOfCard(newReviews(keptReviews, cardIdOf, storedReviewIds), [...storedCards.values(), ...cards], false);

  const media = await planMedia(db, data.media ?? [], choices.media, notes.notes, types.rows);
  return {
    decks,
    noteTypes: { ...types, rows: media.noteTypes },
    notes: { ...notes, notes: media.notes },
    cards,
    storedCards,
    reviews: addedReviews,
    media,
    collisions: { noteTypes: types.collisions, notes: [...clashes.values()], decks: decks.collisions, media: media.collisions },
  };
}

const withoutGuid = ({ guid: _guid, ...note }: Note): Note => note;

const importTables = (db: KiokuDb) => [db.decks, db.noteTypes, db.notes, db.cards, db.reviews, db.media, db.deckTotals, db.settings];

/**
 * What the file would change of the learner's, for the preview: read in one read-only
 * transaction, the same reads and decisions the import makes, nothing written.
 */
export function importCollisions(db: KiokuDb, data: CollectionData, options: Pick<ImportOptions, 'fileName' | 'now' | 'withScheduling'>): Promise<Collisions> {
  return db.transaction('r', importTables(db), async () => (await planImport(db, data, options)).collisions);
}

/**
 * Writes validated data (as a core reader returns it) into the collection. A note, note type,
 * deck or media file that is the learner's (same id, Anki guid or name) with other content is
 * kept, taken or copied as the learner chose; notes already there with the same content keep
 * their cards and reviews; decks are matched by id, then by name. Everything is read and
 * checked first, then written in ONE transaction over every table touched, so a failure, a full
 * disk or a cancel leaves the collection unchanged.
 */
export async function importCollection(db: KiokuDb, data: CollectionData, options: ImportOptions): Promise<ImportReport> {
  const { fileName } = options;
  throwIfAborted(options.signal, fileName);
  return reportingStorageFull({ kind: 'import', fileName }, () =>
    db.transaction('rw', importTables(db), async () => {
      const plan = await planImport(db, data, options);
      await writeRows(
        [
          batch(db.decks, plan.decks.rows),
          batch(db.noteTypes, plan.noteTypes.rows),
          batch(db.notes, plan.notes.notes),
          batch(db.cards, plan.cards),
          batch(db.reviews, plan.reviews),
          batch(db.media, plan.media.rows),
        ],
        options,
        fileName,
      );
      await presetsForImportedDecks(db, plan.decks.rows);
      // A re-imported card may have moved to another deck: both decks are counted again.
      await recountDeckTotals(db, [...plan.cards.map((card) => card.deckId), ...[...plan.storedCards.values()].map((card) => card.deckId)]);
      return {
        decksAdded: plan.decks.added,
        notesAdded: plan.notes.added,
        notesUpdated: plan.notes.updated,
        notesUnchanged: plan.notes.unchanged,
        cardsWritten: plan.cards.length,
        reviewsAdded: plan.reviews.length,
        mediaWritten: plan.media.rows.length,
      };
    }),
  );
}
