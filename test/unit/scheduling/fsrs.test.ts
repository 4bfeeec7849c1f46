import { describe, expect, it } from 'vitest';
import { CardState, Rating, newSchedule, type Schedule } from '../../../src/core/collection/model';
import type { DayRules } from '../../../src/core/scheduling/day';
import { fromFsrsCard, preview, retrievability, scheduleAfter, toFsrsCard } from '../../../src/core/scheduling/fsrs';
import { DEFAULT_DECK_OPTIONS, checkDeckOptions, resolveDeckOptions, type Step } from '../../../src/core/scheduling/options';

const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const options = resolveDeckOptions([]);
const now = Date.UTC(2026, 11, 1, 1, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('FSRS answers', () => {
  it('walks a new card through the 1m and 10m learning steps into review', () => {
    const fresh = { id: 'c1', ...newSchedule(now) };
    const again = scheduleAfter('c1', fresh, Rating.Again, now, options, rules);
    expect(again.state).toBe(CardState.Learning);
    expect(again.due - now).toBe(1 * MINUTE);

    const good = scheduleAfter('c1', fresh, Rating.Good, now, options, rules);
    expect(good.state).toBe(CardState.Learning);
    expect(good.due - now).toBe(10 * MINUTE);

    const later = now + 10 * MINUTE;
    const graduated = scheduleAfter('c1', good, Rating.Good, later, options, rules);
    expect(graduated.state).toBe(CardState.Review);
    expect(graduated.due - later).toBeGreaterThanOrEqual(DAY);
    expect(graduated.reps).toBe(2);
  });

  it('sends a forgotten review card to the 10m relearning step and counts the lapse', () => {
    const review: Schedule = { ...newSchedule(now), state: CardState.Review, stability: 20, difficulty: 5, reps: 5, lastReview: now - 20 * DAY, scheduledDays: 20 };
    const lapsed = scheduleAfter('c1', review, Rating.Again, now, options, rules);
    expect(lapsed.state).toBe(CardState.Relearning);
    expect(lapsed.due - now).toBe(10 * MINUTE);
    expect(lapsed.lapses).toBe(1);
  });

  it('previews the four buttons with the same schedule an answer stores, shortest to longest', () => {
    const card = { id: 'c1', ...newSchedule(now) };
    const outcomes = preview(card, now, options, rules);
    expect(outcomes.map((o) => o.rating)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
    for (const outcome of outcomes) {
      expect(outcome.schedule).toEqual(scheduleAfter('c1', card, outcome.rating, now, options, rules));
      expect(outcome.intervalMs).toBe(outcome.schedule.due - now);
    }
    const waits = outcomes.map((o) => o.intervalMs);
    expect([...waits].sort((a, b) => a - b)).toEqual(waits);
  });

  it('respects the maximum interval and a higher desired retention gives shorter intervals', () => {
    const strong: Schedule = { ...newSchedule(now), state: CardState.Review, stability: 5000, difficulty: 3, reps: 20, lastReview: now - 3000 * DAY, scheduledDays: 3000 };
    const capped = scheduleAfter('c1', strong, Rating.Easy, now, { ...options, maximumIntervalDays: 100 }, rules);
    expect(capped.scheduledDays).toBeLessThanOrEqual(100);

    const mid: Schedule = { ...strong, stability: 30, lastReview: now - 30 * DAY, scheduledDays: 30 };
    const noFuzz = { ...options, fuzz: false };
    const relaxed = scheduleAfter('c1', mid, Rating.Good, now, { ...noFuzz, desiredRetention: 0.8 }, rules);
    const strict = scheduleAfter('c1', mid, Rating.Good, now, { ...noFuzz, desiredRetention: 0.97 }, rules);
    expect(strict.scheduledDays).toBeLessThan(relaxed.scheduledDays);
  });

  it('rejects a rating outside 1–4', () => {
    const card = { id: 'c1', ...newSchedule(now) };
    expect(() => scheduleAfter('c1', card, 5 as Rating, now, options, rules)).toThrow(/Rating must be 1 \(Again\) to 4 \(Easy\), got 5/);
    expect(() => scheduleAfter('c1', card, 0 as Rating, now, options, rules)).toThrow(/got 0/);
  });

  it('converts between the stored schedule and ts-fsrs cards without losing anything', () => {
    const stored: Schedule = { due: now, stability: 12.5, difficulty: 6.1, elapsedDays: 3, scheduledDays: 12, reps: 4, lapses: 1, learningSteps: 0, state: CardState.Review, lastReview: now - 3 * DAY };
    expect(fromFsrsCard(toFsrsCard(stored))).toEqual(stored);
    const fresh = newSchedule(now);
    expect(fromFsrsCard(toFsrsCard(fresh))).toEqual(fresh);
  });

  it('estimates lower retrievability the longer a card waits', () => {
    const review: Schedule = { ...newSchedule(now), state: CardState.Review, stability: 10, difficulty: 5, reps: 3, lastReview: now };
    expect(retrievability(review, now + 30 * DAY, options)).toBeLessThan(retrievability(review, now + 5 * DAY, options));
  });
});

describe('deck options', () => {
  it('inherit from the collection and parent decks, the nearest deck winning', () => {
    const resolved = resolveDeckOptions([{ newPerDay: 10, examDate: '2027-01-15' }, { reviewsPerDay: 50 }, { newPerDay: 5 }]);
    expect(resolved).toMatchObject({ newPerDay: 5, reviewsPerDay: 50, examDate: '2027-01-15', desiredRetention: 0.9 });
    expect(resolveDeckOptions([])).toEqual(DEFAULT_DECK_OPTIONS);
  });

  it('name each bad option', () => {
    expect(checkDeckOptions({ desiredRetention: 1.5, newPerDay: -1, learningSteps: ['1m', 'ten' as Step], examDate: '2027-13-01' })).toEqual([
      'desiredRetention must be between 0.7 and 0.99, got 1.5',
      'newPerDay must be a whole number ≥ 0, got -1',
      'learningSteps must look like 1m, 10m, 1h or 1d, got 1m ten',
      'examDate must be a date as YYYY-MM-DD, got 2027-13-01',
    ]);
  });
});
