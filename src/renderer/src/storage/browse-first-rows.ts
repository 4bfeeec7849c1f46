import Dexie from 'dexie';
import { sortRows, type BrowseRow } from '../../../core/browse/columns';
import { CardState } from '../../../core/collection/model';
import { toCard } from './card-row';
import { SUSPENDED_QUEUE, type CardRow, type KiokuDb } from './db';
import { readDeckTotals } from './deck-totals';

/** Every value `queueOf` gives: a card is in exactly one of these ranges of its deck. */
const QUEUES = [SUSPENDED_QUEUE, CardState.New, CardState.Learning, CardState.Review, CardState.Relearning];

/** How many rows Browse draws before the whole list is read: a screenful and more. */
export const FIRST_ROWS = 60;

export interface FirstRows {
  /** The first `limit` cards of the whole collection by due, as `sortRows` orders them. */
  rows: BrowseRow[];
  /** Every card of the collection, from the deck totals. */
  total: number;
}

/**
 * Browse's first screenful in its default order (every card by due), read off the
 * `[deckId+queue+due]` index: each deck's queue is a range ordered by due, so the first rows of the
 * whole collection are among the first `limit` of each range. Reading every card and note first
 * (the whole list, needed to count, sort by other columns and search) took a second at 50,000
 * cards before a row was drawn; this reads a few hundred. Ties in due are ordered by card id as
 * `sortRows` orders them, so the rows are the whole list's first rows, not an approximation.
 */
export async function firstRowsByDue(db: KiokuDb, descending: boolean, limit: number): Promise<FirstRows> {
  return db.transaction('r', [db.cards, db.notes, db.noteTypes, db.decks, db.deckTotals], async () => {
    const decks = await db.decks.toArray();
    const ranges = decks.flatMap((deck) => QUEUES.map((queue) => firstOfRange(db, deck.id, queue, descending, limit)));
    const [cards, noteTypes, totals] = await Promise.all([Promise.all(ranges), db.noteTypes.toArray(), readDeckTotals(db, decks)]);
    // Only the winners' notes are read: the candidates are a few thousand cards at 50,000, and
    // their notes, the larger rows, were most of this read's time.
    const direction = descending ? -1 : 1;
    const candidates = cards
      .flat()
      .sort((a, b) => direction * (a.due - b.due) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
    const notes = await db.notes.bulkGet([...new Set(candidates.map((card) => card.noteId))]);
    const notesById = new Map(notes.filter((note) => note !== undefined).map((note) => [note.id, note]));
    const typesById = new Map(noteTypes.map((type) => [type.id, type]));
    const deckNames = new Map(decks.map((deck) => [deck.id, deck.name]));
    const rows: BrowseRow[] = [];
    for (const card of candidates) {
      const note = notesById.get(card.noteId);
      if (note) rows.push({ card: toCard(card), note, noteType: typesById.get(note.noteTypeId), deckName: deckNames.get(card.deckId) ?? '' });
    }
    const total = [...totals.values()].reduce((sum, count) => sum + count, 0);
    return { rows: sortRows(rows, 'due', descending, { now: 0, examAt: null }).slice(0, limit), total };
  });
}

/**
 * The first `limit` cards of one deck's queue by due, and every card sharing the last one's due:
 * the index orders equal dues by card id ascending, so read backwards it would cut ties at the
 * wrong end for `sortRows`, which breaks them by ascending card id in both directions.
 */
async function firstOfRange(db: KiokuDb, deckId: string, queue: number, descending: boolean, limit: number): Promise<CardRow[]> {
  const range = (from: unknown, to: unknown) => db.cards.where('[deckId+queue+due]').between([deckId, queue, from], [deckId, queue, to], true, true);
  const ordered = range(Dexie.minKey, Dexie.maxKey);
  const first = await (descending ? ordered.reverse() : ordered).limit(limit).toArray();
  const last = first.at(-1);
  if (!descending || first.length < limit || !last) return first;
  const ties = await range(last.due, last.due).toArray();
  const taken = new Set(first.map((card) => card.id));
  return [...first, ...ties.filter((card) => !taken.has(card.id))];
}
