import { docId } from '../../../../core/sync/records';
import type { KiokuDb } from '../db';
import { markChanged } from './change-marks';

/**
 * Moves this device's cards and notes from deck `from` into deck `to` and removes `from`, as a
 * deck of the same name from another device takes its place. Inside the merge's transaction;
 * the moved notes and cards are marked, so they go out with the next sync as any change made here.
 */
export async function rehomeDeck(db: KiokuDb, from: string, to: string): Promise<void> {
  const cards = await db.cards.where('deckId').equals(from).toArray();
  await db.cards.bulkPut(cards.map((card) => ({ ...card, deckId: to })));
  // A card studied in a filtered deck goes back to the deck that now holds its home's cards.
  const away = await db.cards.filter((card) => card.homeDeckId === from).toArray();
  await db.cards.bulkPut(away.map((card) => ({ ...card, homeDeckId: to })));
  const notes = await db.notes.where('deckId').equals(from).toArray();
  await db.notes.bulkPut(notes.map((note) => ({ ...note, deckId: to })));
  await db.decks.delete(from);
  await db.deckTotals.delete(from);
  await markChanged(db, [...[...cards, ...away].map((card) => docId('card', card.id)), ...notes.map((note) => docId('note', note.id)), docId('deck', from)]);
}

/**
 * Mock exams taken on a deck given up for its namesake become the kept deck's history. Inside
 * the merge's transaction; an attempt changed here goes out with the next sync.
 */
export async function rescopeAttempts(db: KiokuDb, from: string, to: string): Promise<void> {
  const attempts = await db.attempts.filter((attempt) => attempt.scope === from).toArray();
  await db.attempts.bulkPut(attempts.map((attempt) => ({ ...attempt, scope: to })));
  await markChanged(db, attempts.map((attempt) => docId('attempt', attempt.id)));
}

/**
 * Decks given up for a namesake here, by id, with the deck kept: a note or card that another
 * device sent into the deck given up, before it learnt of the merge, lands in the kept one.
 * Kept in `settings`, which never syncs this row.
 */
const MERGED_DECKS_KEY = 'syncMergedDecks';

export async function readMergedDecks(db: KiokuDb): Promise<Map<string, string>> {
  const row = await db.settings.get(MERGED_DECKS_KEY);
  return new Map(Object.entries((row?.value as Record<string, string> | undefined) ?? {}));
}

export async function saveMergedDecks(db: KiokuDb, merged: ReadonlyMap<string, string>): Promise<void> {
  await db.settings.put({ key: MERGED_DECKS_KEY, value: Object.fromEntries(merged) });
}
