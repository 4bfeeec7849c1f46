import { CardState, Rating, type Review } from '../collection/model';
import { learnerDay, type DayRules } from '../scheduling/day';
import { checkClock, dayLabel } from './studyDay';

const DAY_MS = 86_400_000;

/** A card counts as mature once its interval reaches three weeks, as in Anki. */
export const MATURE_INTERVAL_DAYS = 21;

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
 * in review that were not Again, split by young and mature interval. Learning and relearning
 * steps are left out — they test minutes-old memories, not retention. The interval is the gap
 * from the card's previous review to its due date, so an answer whose card has no earlier
 * review in the log cannot be classed and is left out too.
 */
export function trueRetentionByWeek(
  reviews: readonly Review[],
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

  const previousReview = new Map<string, number>();
  const byTime = [...reviews].sort((a, b) => a.time - b.time);
  for (const review of byTime) {
    const previous = previousReview.get(review.cardId);
    previousReview.set(review.cardId, review.time);
    if (previous === undefined || review.stateBefore !== CardState.Review) continue;
    const day = learnerDay(review.time, clock);
    if (day < firstDay || day > today) continue;
    const week = result[Math.floor((day - firstDay) / 7)]!;
    const intervalDays = Math.round((review.dueBefore - previous) / DAY_MS);
    const tally = intervalDays >= MATURE_INTERVAL_DAYS ? week.mature : week.young;
    tally.reviews++;
    if (review.rating !== Rating.Again) tally.passed++;
  }
  for (const week of result) {
    for (const tally of [week.young, week.mature]) tally.retention = tally.reviews === 0 ? null : tally.passed / tally.reviews;
  }
  return result;
}
