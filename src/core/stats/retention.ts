import type { Review } from '../collection/model';
import { learnerDay, type DayRules } from '../scheduling/day';
import { fieldIndex, forEachQuarter, quarterDaysOf, rowsAround, type QuarterDay } from './quarterDays';
import { QUARTER_MS, quartersOf } from './quarters';
import { checkClock, dayLabel } from './studyDay';

export { MATURE_INTERVAL_DAYS } from './quarters';

const YOUNG_REVIEWS = fieldIndex('youngReviews');
const YOUNG_PASSED = fieldIndex('youngPassed');
const MATURE_REVIEWS = fieldIndex('matureReviews');
const MATURE_PASSED = fieldIndex('maturePassed');

export interface RetentionTally {
  reviews: number;
  /** Answered Hard, Good or Easy. */
  passed: number;
  /** passed / reviews, or null for a week without such reviews (a gap in the line, not a 0). */
  retention: number | null;
}

export interface RetentionWeek {
  /** First day of the week, `YYYY-MM-DD`; weeks are the seven-day runs ending today. */
  weekStart: string;
  young: RetentionTally;
  mature: RetentionTally;
  /** Drawn alongside as the line the learner aimed for. */
  desiredRetention: number;
}

/**
 * True retention per week over the past `weeks`, oldest first: the share of answers to cards
 * in review that were not Again, split by young and mature interval (see `maturityOf`).
 */
export function trueRetentionByWeekFromQuarterDays(
  rows: readonly QuarterDay[],
  now: number,
  clock: DayRules,
  weeks: number,
  desiredRetention: number,
): RetentionWeek[] {
  checkClock(clock);
  if (!Number.isInteger(weeks) || weeks < 1) throw new Error(`stats: weeks must be a whole number of at least 1, got ${weeks}`);
  if (!(desiredRetention > 0 && desiredRetention < 1)) {
    throw new Error(`stats: desiredRetention must be between 0 and 1, got ${desiredRetention}`);
  }
  const today = learnerDay(now, clock);
  const firstDay = today - weeks * 7 + 1;
  const result: RetentionWeek[] = Array.from({ length: weeks }, (_, i) => ({
    weekStart: dayLabel(firstDay + i * 7),
    young: { reviews: 0, passed: 0, retention: null },
    mature: { reviews: 0, passed: 0, retention: null },
    desiredRetention,
  }));
  forEachQuarter(rowsAround(rows, firstDay, today), (quarter, totals, base) => {
    const day = learnerDay(quarter * QUARTER_MS, clock);
    if (day < firstDay || day > today) return;
    const week = result[Math.floor((day - firstDay) / 7)]!;
    week.young.reviews += totals[base + YOUNG_REVIEWS]!;
    week.young.passed += totals[base + YOUNG_PASSED]!;
    week.mature.reviews += totals[base + MATURE_REVIEWS]!;
    week.mature.passed += totals[base + MATURE_PASSED]!;
  });
  for (const week of result) {
    for (const tally of [week.young, week.mature]) tally.retention = tally.reviews === 0 ? null : tally.passed / tally.reviews;
  }
  return result;
}

export function trueRetentionByWeek(reviews: readonly Review[], now: number, clock: DayRules, weeks: number, desiredRetention: number): RetentionWeek[] {
  return trueRetentionByWeekFromQuarterDays(quarterDaysOf(quartersOf(reviews)), now, clock, weeks, desiredRetention);
}
