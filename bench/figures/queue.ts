import Dexie from 'dexie';
import { CardState } from '../../src/core/collection/model';
import { nextDayStart, type DayRules } from '../../src/core/scheduling/day';
import type { Collection } from '../../src/renderer/src/storage/collection';
import { subtreeIds } from '../../src/renderer/src/storage/deck-tree';
import { timedPair } from '../repeat';

export interface PairSamples {
  figure: number[];
  floor: number[];
  note: string;
}

/**
 * The floor reads exactly the rows today's queue reads, straight off the `[deckId+queue+due]`
 * index, every range at once: learning, relearning and reviews due before the day ends, and
 * the first new cards.
 */
async function rawQueueRows(collection: Collection, deckIds: string[], dayEnd: number, newLimit: number): Promise<number> {
  const range = (deckId: string, queue: number, upTo: number | typeof Dexie.maxKey) =>
    collection.db.cards.where('[deckId+queue+due]').between([deckId, queue, Dexie.minKey], [deckId, queue, upTo], true, upTo === Dexie.maxKey);
  const perDeck = await Promise.all(
    deckIds.flatMap((id) => [
      range(id, CardState.Learning, dayEnd).toArray(),
      range(id, CardState.Relearning, dayEnd).toArray(),
      range(id, CardState.Review, dayEnd).toArray(),
      range(id, CardState.New, Dexie.maxKey).limit(newLimit).toArray(),
    ]),
  );
  return perDeck.reduce((sum, rows) => sum + rows.length, 0);
}

export async function measureQueue(collection: Collection, deckId: string, now: number, rules: DayRules, times: number): Promise<PairSamples> {
  const deckIds = subtreeIds(await collection.db.decks.toArray(), deckId);
  const { newPerDay } = await collection.deckOptions(deckId);
  const dayEnd = nextDayStart(now, rules);
  let shown = 0;
  let read = 0;
  const samples = await timedPair(
    async () => {
      shown = (await collection.todayQueue(deckId, now)).cards.length;
    },
    async () => {
      read = await rawQueueRows(collection, deckIds, dayEnd, newPerDay);
    },
    times,
  );
  return { ...samples, note: `${read} rows read from ${deckIds.length} decks, ${shown} cards queued after limits` };
}
