import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { CardState, Rating, newSchedule, type Schedule } from '../../../src/core/collection/model';
import { learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { preview, scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { fuzzedInterval } from '../../../src/core/scheduling/load-balance';
import { resolveDeckOptions } from '../../../src/core/scheduling/options';

const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const options = resolveDeckOptions([]);
const now = Date.UTC(2026, 11, 1, 1, 0);
const DAY = 86_400_000;
const today = learnerDay(now, rules);

function reviewCard(stability: number): Schedule {
  return { ...newSchedule(now), state: CardState.Review, stability, difficulty: 5, reps: 5, lastReview: now - stability * DAY, scheduledDays: Math.round(stability) };
}

describe('load balancing', () => {
  it('spreads cards answered together so no day of the range carries much more than the others', () => {
    const perDay = new Map<number, number>();
    const load = (day: number) => perDay.get(day) ?? 0;
    const card = reviewCard(20);
    for (let i = 0; i < 600; i++) {
      const next = scheduleAfter(`card-${i}`, card, Rating.Good, now, options, rules, load);
      const day = learnerDay(next.due, rules);
      perDay.set(day, load(day) + 1);
    }
    const counts = [...perDay.values()];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    // Anki's weights favour nearer days a little (1 / days³), so the spread is even within a quarter.
    expect(Math.max(...counts)).toBeLessThanOrEqual(mean * 1.25);
    expect(counts.length).toBeGreaterThan(3);
  });

  it('spreads them too when the quiet day of the Hard range sits just below the Good range, instead of stacking Good on the day after it', () => {
    // A card learnt two days ago and remembered, as after a deck studied in one sitting: Hard waits about 7 days, Good about 10.
    const card: Schedule = { ...reviewCard(2.307), difficulty: 2.111, reps: 2, lastReview: now - 2 * DAY, scheduledDays: 2 };
    const hard = scheduleAfter('card-0', card, Rating.Hard, now, options, rules).scheduledDays;
    const good = scheduleAfter('card-0', card, Rating.Good, now, options, rules).scheduledDays;
    const quiet = get_fuzz_range(hard, 2, 36500).max_ivl;
    expect(quiet).toBeGreaterThanOrEqual(get_fuzz_range(good, 2, 36500).min_ivl);
    // Every day already carries five reviews but the last one Hard could take.
    const answered = new Map<number, number>();
    const load = (day: number) => (day === today + quiet ? 0 : 5) + (answered.get(day) ?? 0);
    for (let i = 0; i < 60; i++) {
      const day = learnerDay(scheduleAfter(`card-${i}`, card, Rating.Good, now, options, rules, load).due, rules);
      answered.set(day, (answered.get(day) ?? 0) + 1);
    }
    const counts = [...answered.values()];
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts)).toBeLessThanOrEqual((1.5 * 60) / counts.length);
  });

  it('almost always picks the quiet day of the fuzz range, and never a day outside it', () => {
    for (const interval of [3, 8, 25, 60]) {
      const { min_ivl, max_ivl } = get_fuzz_range(interval, interval, 36500);
      const quiet = min_ivl + Math.floor((max_ivl - min_ivl) / 2);
      const load = (day: number) => (day === today + quiet ? 0 : 50);
      let onQuiet = 0;
      for (let s = 0; s < 100; s++) {
        const days = fuzzedInterval({ interval, elapsedDays: interval, maximumInterval: 36500, seed: (s + 0.5) / 100, today, load });
        expect(days).toBeGreaterThanOrEqual(min_ivl);
        expect(days).toBeLessThanOrEqual(max_ivl);
        if (days === quiet) onQuiet++;
      }
      expect(onQuiet).toBeGreaterThanOrEqual(98);
    }
  });

  it('shows on the button the day the answer stores, with the same load', () => {
    const load = (day: number) => (day - today) % 3;
    const card = { id: 'c1', ...reviewCard(15) };
    const shown = preview(card, now, options, rules, load);
    for (const rating of [Rating.Hard, Rating.Good, Rating.Easy]) {
      expect(scheduleAfter('c1', card, rating, now + 3_000, options, rules, load)).toEqual({ ...shown[rating - 1]!.schedule, lastReview: now + 3_000, due: shown[rating - 1]!.schedule.due + 3_000 });
    }
  });

  it('never goes past the maximum interval', () => {
    const capped = { ...options, maximumIntervalDays: 10 };
    const load = (day: number) => (day > today + 10 ? 0 : 100);
    for (let i = 0; i < 50; i++) {
      const next = scheduleAfter(`c${i}`, reviewCard(30), Rating.Easy, now, capped, rules, load);
      expect(next.scheduledDays).toBeLessThanOrEqual(10);
    }
  });
});
