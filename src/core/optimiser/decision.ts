import type { FsrsFitted } from '../scheduling/options';
import type { Evaluation } from './evaluate';

/**
 * Answers on a later day than the card's previous one that a fit needs. Below this the fitted
 * parameters follow the noise of a few cards; Anki asked for the same 400 when it began fitting
 * from small collections (23.12), and Kioku says how many more are needed instead of fitting.
 */
export const MIN_REVIEWS_TO_OPTIMISE = 400;

/** A new fit is suggested after this many more answers… */
export const SUGGEST_AFTER_REVIEWS = 1000;
/** …or after this long, when at least SUGGEST_AFTER_REVIEWS_MONTHLY answers are new. */
export const SUGGEST_AFTER_MS = 30 * 86_400_000;
export const SUGGEST_AFTER_REVIEWS_MONTHLY = 100;

/** How many more qualifying answers the deck needs before it can be optimised (0 when it can). */
export function reviewsStillNeeded(longTermReviews: number): number {
  return Math.max(0, MIN_REVIEWS_TO_OPTIMISE - longTermReviews);
}

export type FitVerdict = 'better' | 'not-better';

/**
 * The fitted parameters are applied only when they predict the learner's answers better on both
 * measures; a fit that loses on either keeps the current parameters.
 */
export function fitVerdict(current: Evaluation, fitted: Evaluation): FitVerdict {
  const better = fitted.logLoss < current.logLoss && fitted.rmseBins <= current.rmseBins;
  return better ? 'better' : 'not-better';
}

/**
 * Whether to suggest optimising now, and on how many answers given since the last fit. Never
 * when the deck has too few answers; on a deck never fitted, as soon as it has enough.
 */
export function optimiseSuggestion(fitted: FsrsFitted | undefined, reviews: number, now: number): { newReviews: number } | null {
  if (reviews < MIN_REVIEWS_TO_OPTIMISE) return null;
  if (!fitted) return { newReviews: reviews };
  const newReviews = Math.max(0, reviews - fitted.reviews);
  if (newReviews >= SUGGEST_AFTER_REVIEWS) return { newReviews };
  if (now - fitted.time >= SUGGEST_AFTER_MS && newReviews >= SUGGEST_AFTER_REVIEWS_MONTHLY) return { newReviews };
  return null;
}
