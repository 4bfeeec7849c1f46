import { describe, expect, it } from 'vitest';
import { CardState, Rating, newSchedule, type Schedule } from '../../../src/core/collection/model';
import { learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { preview, scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { resolveDeckOptions } from '../../../src/core/scheduling/options';

const options = resolveDeckOptions([]);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A new card answered Good twice, `gap` apart: the second answer graduates it. */
function twoSteps(first: number, rules: DayRules, gap = 10 * MINUTE): Schedule {
  const fresh = newSchedule(first);
  const learning = scheduleAfter('c1', fresh, Rating.Good, first, options, rules);
  return scheduleAfter('c1', learning, Rating.Good, first + gap, options, rules);
}

describe('FSRS counts learner days, not UTC dates', () => {
  it('in Tokyo, two steps 10 minutes apart across 09:00 (00:00 UTC) graduate as two steps of one day', () => {
    const tokyo: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
    const across = twoSteps(Date.UTC(2026, 11, 1, 23, 55), tokyo);
    const midday = twoSteps(Date.UTC(2026, 11, 2, 3, 0), tokyo);
    expect(across.elapsedDays).toBe(0);
    expect(across.stability).toBe(midday.stability);
    expect(across.stability).toBeLessThan(3);
  });

  it('in New York, two steps across 19:00 EST (00:00 UTC) graduate the same way as at noon', () => {
    const newYork: DayRules = { zone: 'America/New_York', dayStartHour: 4 };
    const across = twoSteps(Date.UTC(2026, 11, 2, 23, 55), newYork);
    const noon = twoSteps(Date.UTC(2026, 11, 2, 17, 0), newYork);
    expect(across.stability).toBe(noon.stability);
  });

  it('a review before the day starts still belongs to yesterday, also on the night clocks spring forward', () => {
    const newYork: DayRules = { zone: 'America/New_York', dayStartHour: 4 };
    // 2026-03-07 04:30 EST, and 2026-03-08 03:45 EDT (DST began at 02:00): the same learner day, two UTC dates.
    const last = Date.UTC(2026, 2, 7, 9, 30);
    const now = Date.UTC(2026, 2, 8, 7, 45);
    expect(learnerDay(now, newYork)).toBe(learnerDay(last, newYork));
    const card: Schedule = { ...newSchedule(last), state: CardState.Review, stability: 5, difficulty: 5, reps: 3, lastReview: last, scheduledDays: 3, due: last + 3 * DAY };
    const again = scheduleAfter('c1', card, Rating.Good, now, options, newYork);
    expect(again.elapsedDays).toBe(0);
  });

  it('across the autumn change a card due in N days comes back on learner day today + N at the same time of day', () => {
    const newYork: DayRules = { zone: 'America/New_York', dayStartHour: 4 };
    // 2026-10-30 20:00 EDT; clocks fall back on 1 November.
    const now = Date.UTC(2026, 9, 31, 0, 0);
    const card: Schedule = { ...newSchedule(now), state: CardState.Review, stability: 6, difficulty: 5, reps: 3, lastReview: now - 6 * DAY, scheduledDays: 6, due: now };
    for (const outcome of preview({ id: 'c1', ...card }, now, { ...options, fuzz: false }, newYork).slice(1)) {
      const days = outcome.schedule.scheduledDays;
      expect(learnerDay(outcome.schedule.due, newYork)).toBe(learnerDay(now, newYork) + days);
      const localHour = new Date(outcome.schedule.due).toLocaleString('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' });
      expect(localHour).toBe('20');
    }
  });
});

describe('the answer buttons show what is stored', () => {
  const now = Date.UTC(2026, 11, 1, 1, 0);
  const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };

  it('an answer given seconds after the buttons were drawn stores the day the button showed', () => {
    for (let i = 0; i < 200; i++) {
      const card = { id: `card-${i}`, ...newSchedule(now), state: CardState.Review, stability: 10 + (i % 40), difficulty: 5, reps: 4, lastReview: now - 12 * DAY, scheduledDays: 12 } satisfies Schedule & { id: string };
      const shown = preview(card, now, options, rules);
      const answeredAt = now + 4_321 + i;
      for (const rating of [Rating.Hard, Rating.Good, Rating.Easy]) {
        const stored = scheduleAfter(card.id, card, rating, answeredAt, options, rules);
        expect(stored.scheduledDays).toBe(shown[rating - 1]!.schedule.scheduledDays);
      }
    }
  });

  it('never stores more than the maximum interval, fuzz and the Hard < Good < Easy order included', () => {
    const capped = { ...options, maximumIntervalDays: 20 };
    for (let i = 0; i < 50; i++) {
      const card: Schedule = { ...newSchedule(now), state: CardState.Review, stability: 200, difficulty: 3, reps: 8, lastReview: now - 19 * DAY, scheduledDays: 19 };
      for (const rating of [Rating.Hard, Rating.Good, Rating.Easy]) {
        const stored = scheduleAfter(`c${i}`, card, rating, now, capped, rules);
        expect(stored.scheduledDays).toBeLessThanOrEqual(20);
        expect(learnerDay(stored.due, rules) - learnerDay(now, rules)).toBeLessThanOrEqual(20);
      }
    }
  });
});
