import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { answerDuration, MAX_ANSWER_MS, sessionTotals } from '../../../src/renderer/src/screens/study-session';

describe('time per card', () => {
  it('is measured from showing the front to answering', () => {
    expect(answerDuration(1_000, 8_500)).toBe(7_500);
  });

  it('is capped at 60 s for a learner who walked away', () => {
    expect(answerDuration(0, 10 * 60_000)).toBe(60_000);
    expect(answerDuration(0, 59_000)).toBeLessThan(MAX_ANSWER_MS);
  });
});

describe('session totals', () => {
  it('counts answers, time and agains', () => {
    const totals = sessionTotals([
      { rating: Rating.Again, durationMs: 4_000 },
      { rating: Rating.Good, durationMs: 6_000 },
      { rating: Rating.Again, durationMs: 2_000 },
    ]);
    expect(totals).toEqual({ studied: 3, timeMs: 12_000, againCount: 2 });
  });
});
