import { CardState, Rating, type Review } from '../collection/model';

/** Every zone's offset and every day start is a whole number of quarter hours from UTC. */
export const QUARTER_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** A card counts as mature once its interval reaches three weeks, as in Anki. */
export const MATURE_INTERVAL_DAYS = 21;

/**
 * The answers of one quarter hour (UTC), summed. Any learner day — in any zone, with any day
 * start, even after the learner changes them — is a whole number of quarters, so every chart of
 * the review log can be drawn from these few rows instead of reading every review.
 */
export interface QuarterTotals {
  /** Quarter hours since the Unix epoch. */
  quarter: number;
  reviews: number;
  /** Time spent answering, ms. */
  timeMs: number;
  /** Answers to cards in review with an interval under three weeks, and those not Again. */
  youngReviews: number;
  youngPassed: number;
  matureReviews: number;
  maturePassed: number;
}

export const quarterOf = (time: number) => Math.floor(time / QUARTER_MS);

export function emptyQuarter(quarter: number): QuarterTotals {
  return { quarter, reviews: 0, timeMs: 0, youngReviews: 0, youngPassed: 0, matureReviews: 0, maturePassed: 0 };
}

/**
 * Whether an answer tested a young or a mature memory: only answers to cards in review count
 * (learning steps test minutes-old memories), and the interval is the gap from the card's
 * previous review to its due date, so an answer with no earlier review known is not classed.
 */
export function maturityOf(review: Pick<Review, 'stateBefore' | 'dueBefore'>, previousTime: number | undefined): 'young' | 'mature' | null {
  if (previousTime === undefined || review.stateBefore !== CardState.Review) return null;
  return Math.round((review.dueBefore - previousTime) / DAY_MS) >= MATURE_INTERVAL_DAYS ? 'mature' : 'young';
}

/**
 * Whether an answer can be tallied from its own fields: it says when its card was last
 * reviewed, or it was not a review-state answer and needs no interval.
 */
export function talliesAlone(review: Pick<Review, 'stateBefore' | 'lastReviewBefore'>): boolean {
  return review.lastReviewBefore !== undefined || review.stateBefore !== CardState.Review;
}

/** Adds (`sign` 1) or takes away (`sign` -1) one answer from its quarter's totals. */
export function tally(totals: QuarterTotals, review: Pick<Review, 'rating' | 'durationMs' | 'stateBefore' | 'dueBefore'>, previousTime: number | undefined, sign: 1 | -1): void {
  totals.reviews += sign;
  totals.timeMs += sign * (review.durationMs > 0 ? review.durationMs : 0);
  const maturity = maturityOf(review, previousTime);
  const passed = review.rating !== Rating.Again ? sign : 0;
  if (maturity === 'young') {
    totals.youngReviews += sign;
    totals.youngPassed += passed;
  } else if (maturity === 'mature') {
    totals.matureReviews += sign;
    totals.maturePassed += passed;
  }
}

/** The quarter totals of a whole review log, oldest first. */
export function quartersOf(reviews: readonly Review[]): QuarterTotals[] {
  const byQuarter = new Map<number, QuarterTotals>();
  const previousReview = new Map<string, number>();
  const byTime = [...reviews].sort((a, b) => a.time - b.time);
  for (const review of byTime) {
    const quarter = quarterOf(review.time);
    let totals = byQuarter.get(quarter);
    if (!totals) byQuarter.set(quarter, (totals = emptyQuarter(quarter)));
    tally(totals, review, review.lastReviewBefore ?? previousReview.get(review.cardId), 1);
    previousReview.set(review.cardId, review.time);
  }
  return [...byQuarter.values()].sort((a, b) => a.quarter - b.quarter);
}
