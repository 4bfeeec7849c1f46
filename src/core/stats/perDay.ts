import type { Review } from '../collection/model';
import { learnerDay, type DayRules } from '../scheduling/day';
import { QUARTER_MS, quartersOf, type QuarterTotals } from './quarters';
import { checkClock, dayLabel } from './studyDay';

/** One day of a daily chart: `value` is a count or a sum, depending on the chart. */
export interface DayValue {
  /** `YYYY-MM-DD` in the learner's days. */
  date: string;
  value: number;
}

/**
 * `days` consecutive days ending with today, oldest first, every day present (0 when idle),
 * with `weigh(quarter)` summed over each day's quarter hours. A quarter's day is the learner's
 * day of its first moment, with that moment's own offset from UTC.
 */
function sumPerDay(quarters: readonly QuarterTotals[], now: number, clock: DayRules, days: number, weigh: (totals: QuarterTotals) => number): DayValue[] {
  checkClock(clock);
  if (!Number.isInteger(days) || days < 1) throw new Error(`stats: days must be a whole number of at least 1, got ${days}`);
  const today = learnerDay(now, clock);
  const first = today - days + 1;
  const totals = new Float64Array(days);
  for (const quarter of quarters) {
    const day = learnerDay(quarter.quarter * QUARTER_MS, clock);
    if (day >= first && day <= today) totals[day - first]! += weigh(quarter);
  }
  return Array.from(totals, (value, i) => ({ date: dayLabel(first + i), value }));
}

/** Answers per day over the past `days` (a year by default), for the calendar heatmap. */
export function reviewsPerDayFromQuarters(quarters: readonly QuarterTotals[], now: number, clock: DayRules, days = 365): DayValue[] {
  return sumPerDay(quarters, now, clock, days, (totals) => totals.reviews);
}

/** Time spent answering per day, in ms, over the past `days`. */
export function timePerDayFromQuarters(quarters: readonly QuarterTotals[], now: number, clock: DayRules, days = 30): DayValue[] {
  return sumPerDay(quarters, now, clock, days, (totals) => totals.timeMs);
}

export function reviewsPerDay(reviews: readonly Review[], now: number, clock: DayRules, days = 365): DayValue[] {
  return reviewsPerDayFromQuarters(quartersOf(reviews), now, clock, days);
}

export function timePerDay(reviews: readonly Review[], now: number, clock: DayRules, days = 30): DayValue[] {
  return timePerDayFromQuarters(quartersOf(reviews), now, clock, days);
}
