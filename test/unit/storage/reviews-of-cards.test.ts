import { describe, expect, it } from 'vitest';
import { CardState, type Review } from '../../../src/core/collection/model';
import { reviewsOfCards } from '../../../src/renderer/src/storage/reviews-of-cards';
import { DAY, T0, collectionsClosedAfterEach } from './helpers';

const start = collectionsClosedAfterEach();

function review(id: string, cardId: string, time: number): Review {
  return { id, cardId, time, rating: 3, stateBefore: CardState.Review, stateAfter: CardState.Review, dueBefore: time, dueAfter: time + DAY, stabilityAfter: 1, difficultyAfter: 5, durationMs: 1000 };
}

describe('reading the reviews the optimiser learns from', () => {
  it('finds every review of the chosen cards, those on the slices’ edges too, and none of other cards', async () => {
    const { db } = start();
    // Nine days of reviews on two cards: the eight slices' edges fall on review times.
    const rows = Array.from({ length: 9 }, (_, day) => [review(`a${day}`, 'a', T0 + day * DAY), review(`b${day}`, 'b', T0 + day * DAY)]).flat();
    await db.reviews.bulkPut(rows);
    await db.cards.bulkPut(['a', 'b'].map((id) => ({ id }) as never));
    const ids = (reviews: Review[]) => reviews.map((r) => r.id).sort();
    expect(ids(await reviewsOfCards(db, ['a'], (r) => r))).toEqual(rows.filter((r) => r.cardId === 'a').map((r) => r.id).sort());
    expect(ids(await reviewsOfCards(db, null, (r) => r))).toEqual(rows.map((r) => r.id).sort());
  });

  it('still finds a review whose time is not a number, for the optimiser to count as skipped', async () => {
    const { db } = start();
    await db.reviews.bulkPut([review('1', 'a', T0), review('2', 'a', Number.NaN), review('3', 'a', T0 + DAY)]);
    expect((await reviewsOfCards(db, null, (r) => r.id)).sort()).toEqual(['1', '2', '3']);
  });
});
