import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import { learnerDay } from '../../../src/core/scheduling/day';
import { DAY, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

const rules = { zone: 'Asia/Tokyo', dayStartHour: 4 };

describe('the collection balances review load', () => {
  it('stores the day the button showed, and spreads cards answered alike over the quieter days', { timeout: 60_000 }, async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(120), T0);
    const cards = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
    // Every card a review of 20 days' stability, due today.
    await collection.db.cards.bulkPut(
      cards.map((card) => ({ ...card, state: CardState.Review, queue: CardState.Review, stability: 20, difficulty: 5, reps: 4, lastReview: T0 - 20 * DAY, scheduledDays: 20, due: T0 })),
    );
    const perDay = new Map<number, number>();
    for (const [i, card] of cards.entries()) {
      const now = T0 + i * 1_000;
      const shown = (await collection.preview(card.id, now))[Rating.Good - 1]!;
      const answered = await collection.answer(card.id, Rating.Good, now + 2_500, 2_500);
      expect(answered.card.scheduledDays).toBe(shown.schedule.scheduledDays);
      const day = learnerDay(answered.card.due, rules);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const counts = [...perDay.values()];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(Math.max(...counts)).toBeLessThanOrEqual(Math.ceil(mean * 1.35));
  });
});
