import type { Review } from '../collection/model';
import { learnerDay, type DayRules } from '../scheduling/day';
import { checkClock, dayLabel } from './studyDay';

/** One day of a daily chart: `value` is a count or a sum, depending on the chart. */
export interface DayValue {
  /** `YYYY-MM-DD` in the learner's days. */
  date: string;
  value: number;
}

/**
 * `days` consecutive days ending with today, oldest first, every day present (0 when idle),
 * with `weigh(review)` summed over each day's reviews.
 */
function sumPerDay(
  reviews: readonly Review[],
  now: number,
  clock: DayRules,
  days: number,
  weigh: (review: Review) => number,
): DayValue[] {
  checkClock(clock);
  if (!Number.isInteger(days) || days < 1) throw new Error(`stats: days must be a whole number of at least 1, got ${days}`);
  const today = learnerDay(now, clock);
  const first = today - days + 1;
  const totals = new Float64Array(days);
  for (const review of reviews) {
    const day = learnerDay(review.time, clock);
    if (day >= first && day <= today) totals[day - first]! += weigh(review);
  }
  return Array.from(totals, (value, i) => ({ date: dayLabel(first + i), value }));
}

/** Answers per day over the past `days` (a year by default), for the calendar heatmap. */
export function reviewsPerDay(reviews: readonly Review[], now: number, clock: DayRules, days = 365): DayValue[] {
  return sumPerDay(reviews, now, clock, days, () => 1);
}

/** Time spent answering per day, in ms (sum of `durationMs`), over the past `days`. */
export function timePerDay(reviews: readonly Review[], now: number, clock: DayRules, days = 30): DayValue[] {
  return sumPerDay(reviews, now, clock, days, (review) => (review.durationMs > 0 ? review.durationMs : 0));
}
