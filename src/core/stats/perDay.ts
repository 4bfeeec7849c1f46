import type { Review } from '../collection/model';
import { learnerDay, type DayRules } from '../scheduling/day';
import { fieldIndex, forEachQuarter, quarterDaysOf, rowsAround, type QuarterDay, type QuarterField } from './quarterDays';
import { QUARTER_MS, quartersOf } from './quarters';
import { checkClock, dayLabel } from './studyDay';

/** One day of a daily chart: `value` is a count or a sum, depending on the chart. */
export interface DayValue {
  /** `YYYY-MM-DD` in the learner's days. */
  date: string;
  value: number;
}

/**
 * `days` consecutive days ending with today, oldest first, every day present (0 when idle),
 * with one field of the quarter totals summed over each day's quarter hours. A quarter's day is
 * the learner's day of its first moment, with that moment's own offset from UTC.
 */
function sumPerDay(rows: readonly QuarterDay[], now: number, clock: DayRules, days: number, field: QuarterField): DayValue[] {
  checkClock(clock);
  if (!Number.isInteger(days) || days < 1) throw new Error(`stats: days must be a whole number of at least 1, got ${days}`);
  const today = learnerDay(now, clock);
  const first = today - days + 1;
  const sums = new Float64Array(days);
  const at = fieldIndex(field);
  forEachQuarter(rowsAround(rows, first, today), (quarter, totals, base) => {
    const day = learnerDay(quarter * QUARTER_MS, clock);
    if (day >= first && day <= today) sums[day - first]! += totals[base + at]!;
  });
  return Array.from(sums, (value, i) => ({ date: dayLabel(first + i), value }));
}

/** Answers per day over the past `days` (a year by default), for the calendar heatmap. */
export function reviewsPerDayFromQuarterDays(rows: readonly QuarterDay[], now: number, clock: DayRules, days = 365): DayValue[] {
  return sumPerDay(rows, now, clock, days, 'reviews');
}

/** Time spent answering per day, in ms, over the past `days`. */
export function timePerDayFromQuarterDays(rows: readonly QuarterDay[], now: number, clock: DayRules, days = 30): DayValue[] {
  return sumPerDay(rows, now, clock, days, 'timeMs');
}

export function reviewsPerDay(reviews: readonly Review[], now: number, clock: DayRules, days = 365): DayValue[] {
  return reviewsPerDayFromQuarterDays(quarterDaysOf(quartersOf(reviews)), now, clock, days);
}

export function timePerDay(reviews: readonly Review[], now: number, clock: DayRules, days = 30): DayValue[] {
  return timePerDayFromQuarterDays(quarterDaysOf(quartersOf(reviews)), now, clock, days);
}
