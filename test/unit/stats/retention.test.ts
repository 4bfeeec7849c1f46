import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import { trueRetentionByWeek } from '../../../src/core/stats/retention';
import { DAY, NOW, TOKYO, review, tokyo } from './fixtures';

describe('true retention per week', () => {
  // Card "young": reviewed on 11-20, due again 5 days later; answered twice this week.
  // Card "mature": reviewed on 10-20, due 30 days later; answered this week and two weeks ago.
  const youngStart = tokyo(11, 20, 10);
  const matureStart = tokyo(10, 20, 10);
  const reviews = [
    review(youngStart, { cardId: 'young', dueAfter: youngStart + 5 * DAY }),
    review(tokyo(11, 25, 10), { cardId: 'young', dueBefore: youngStart + 5 * DAY, rating: Rating.Again }),
    review(tokyo(11, 25, 10, 10), {
      cardId: 'young',
      dueBefore: tokyo(11, 25, 10, 10),
      stateBefore: CardState.Relearning,
    }),
    review(tokyo(11, 28, 10), { cardId: 'young', dueBefore: tokyo(11, 26, 10), rating: Rating.Hard }),
    review(matureStart, { cardId: 'mature', dueAfter: matureStart + 30 * DAY }),
    review(tokyo(11, 19, 10), { cardId: 'mature', dueBefore: matureStart + 30 * DAY, rating: Rating.Easy }),
    review(tokyo(11, 29, 10), { cardId: 'mature', dueBefore: tokyo(11, 19, 10) + 40 * DAY, rating: Rating.Again }),
    review(tokyo(11, 30, 9), { cardId: 'unknown', dueBefore: tokyo(11, 30, 9) }),
  ];

  const weeks = trueRetentionByWeek(reviews, NOW, TOKYO, 3, 0.9);

  it('lists seven-day weeks ending today, oldest first', () => {
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-10', '2026-11-17', '2026-11-24']);
    expect(weeks.every((w) => w.desiredRetention === 0.9)).toBe(true);
  });

  it('splits answers of cards in review by young and mature interval, leaving out relearning steps', () => {
    const thisWeek = weeks[2]!;
    expect(thisWeek.young).toEqual({ reviews: 2, passed: 1, retention: 0.5 });
    expect(thisWeek.mature).toEqual({ reviews: 1, passed: 0, retention: 0 });
    expect(weeks[1]!.mature).toEqual({ reviews: 1, passed: 1, retention: 1 });
  });

  it('leaves a week without reviews as a gap, not as zero', () => {
    expect(weeks[0]!.young.retention).toBeNull();
    expect(weeks[1]!.young).toEqual({ reviews: 0, passed: 0, retention: null });
  });
});
