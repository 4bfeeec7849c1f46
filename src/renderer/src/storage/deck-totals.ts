import type { Table } from 'dexie';
import type { CardRow, DeckRow, DeckTotalRow, KiokuDb } from './db';

/**
 * Every card of each deck itself (subdecks not included), suspended and buried ones too, as
 * kept in `deckTotals`: one small read however large the collection.
 */
export async function readDeckTotals(db: KiokuDb, decks: readonly DeckRow[]): Promise<Map<string, number>> {
  const rows = await db.deckTotals.bulkGet(decks.map((deck) => deck.id));
  return new Map(decks.map((deck, i) => [deck.id, rows[i]?.cards ?? 0]));
}

/**
 * Adds (or, with -1, takes away) the given cards to their decks' totals. For the small writes
 * (a note added, deleted or brought back); runs inside the caller's transaction, which must
 * include `deckTotals`.
 */
export async function addToDeckTotals(db: KiokuDb, cards: readonly { deckId: string }[], sign: 1 | -1): Promise<void> {
  const change = new Map<string, number>();
  for (const card of cards) change.set(card.deckId, (change.get(card.deckId) ?? 0) + sign);
  if (change.size === 0) return;
  const deckIds = [...change.keys()];
  const rows = await db.deckTotals.bulkGet(deckIds);
  await db.deckTotals.bulkPut(deckIds.map((deckId, i) => ({ deckId, cards: Math.max(0, (rows[i]?.cards ?? 0) + change.get(deckId)!) })));
}

/**
 * Counts the decks' cards again on the index. For the bulk writes (imports, installs) and the
 * schema upgrade that introduced the totals; inside the caller's transaction, so it sees the
 * rows that transaction wrote.
 */
export async function recountDeckTotals(
  db: { cards: Table<CardRow, string>; deckTotals: Table<DeckTotalRow, string> },
  deckIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(deckIds)];
  const counts = await Promise.all(ids.map((deckId) => db.cards.where('deckId').equals(deckId).count()));
  await db.deckTotals.bulkPut(ids.map((deckId, i) => ({ deckId, cards: counts[i] ?? 0 })));
}

/** The totals of a collection written whole (a restored backup), counted from its cards in memory. */
export function deckTotalsOf(decks: readonly { id: string }[], cards: readonly { deckId: string }[]): DeckTotalRow[] {
  const totals = new Map(decks.map((deck) => [deck.id, 0]));
  for (const card of cards) totals.set(card.deckId, (totals.get(card.deckId) ?? 0) + 1);
  return [...totals].map(([deckId, count]) => ({ deckId, cards: count }));
}
