import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { quarterOf, quartersOf } from '../../../src/core/stats/quarters';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { QUARTERS_STATE_KEY, readReviewDays } from '../../../src/renderer/src/storage/review-quarters';
import { quartersOfDays } from '../stats/quarter-rows';
import { DAY, MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const start = collectionsClosedAfterEach();

async function answerSome(collection: Collection, count: number, from: number, ratings: Rating[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const next = await collection.nextCard('deck-aws', from + i * MINUTE);
    if (!next) return;
    await collection.answer(next.card.id, ratings[i % ratings.length]!, from + i * MINUTE, 4000 + i);
  }
}

/** The totals as the whole log gives them: what Statistics showed before the totals were kept. */
async function fromWholeLog(collection: Collection) {
  return quartersOf(await collection.db.reviews.toArray()).filter((totals) => totals.reviews !== 0);
}

async function kept(collection: Collection) {
  return quartersOfDays(await readReviewDays(collection.db)).filter((totals) => totals.reviews !== 0);
}

async function upToDate(collection: Collection): Promise<boolean | undefined> {
  const state = await collection.db.reviewDays.get(QUARTERS_STATE_KEY);
  return state && 'upToDate' in state ? state.upToDate : undefined;
}

describe('review totals kept per quarter hour', () => {
  it('are built from the whole log on first read, then follow every answer without a rebuild', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(40), T0);
    await answerSome(collection, 20, T0, [Rating.Good, Rating.Again, Rating.Easy]);
    expect(await upToDate(collection)).toBeUndefined();
    expect(await kept(collection)).toEqual(await fromWholeLog(collection));
    expect(await upToDate(collection)).toBe(true);

    // Reviews of cards in review, days later: these are the answers true retention counts.
    for (const day of [3, 9, 30]) await answerSome(collection, 25, T0 + day * DAY, [Rating.Good, Rating.Again, Rating.Hard]);
    expect(await upToDate(collection)).toBe(true);
    const totals = await kept(collection);
    expect(totals).toEqual(await fromWholeLog(collection));
    expect(totals.reduce((sum, quarter) => sum + quarter.youngReviews, 0)).toBeGreaterThan(0);
  });

  it('take an undone answer away again', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(10), T0);
    await answerSome(collection, 5, T0, [Rating.Good]);
    await kept(collection);
    await answerSome(collection, 3, T0 + 3 * DAY, [Rating.Again]);
    await collection.undo();
    expect(await upToDate(collection)).toBe(true);
    expect(await kept(collection)).toEqual(await fromWholeLog(collection));
  });

  it('are rebuilt after a write they cannot follow, such as a restored backup', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(10), T0);
    await answerSome(collection, 6, T0, [Rating.Good]);
    const backup = await collection.createBackup(T0 + DAY);
    await answerSome(collection, 4, T0 + 2 * DAY, [Rating.Good]);
    await kept(collection);
    await collection.restoreBackup(backup, { fileName: 'b.kioku-backup', now: T0 + 3 * DAY });
    expect(await upToDate(collection)).toBe(false);
    expect(await kept(collection)).toEqual(await fromWholeLog(collection));
    expect((await kept(collection)).reduce((sum, quarter) => sum + quarter.reviews, 0)).toBe(6);
  });

  it('give Statistics only the quarters from the moment it asks for, rebuilt or kept', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(40), T0);
    await answerSome(collection, 10, T0, [Rating.Good]);
    await answerSome(collection, 10, T0 + 3 * DAY, [Rating.Good, Rating.Again]);
    const since = T0 + 2 * DAY;
    const recent = (await fromWholeLog(collection)).filter((totals) => totals.quarter * 15 * MINUTE >= since);
    expect(recent.length).toBeGreaterThan(0);
    // The first row read is the whole UTC day holding `since`: its earlier quarters come along.
    const read = async () => quartersOfDays(await readReviewDays(collection.db, since)).filter((totals) => totals.reviews !== 0 && totals.quarter >= quarterOf(since));
    expect(await read()).toEqual(recent);
    expect(await upToDate(collection)).toBe(true);
    expect(await read()).toEqual(recent);
  });
});
