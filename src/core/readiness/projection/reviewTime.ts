import { DEFAULT_SECONDS_PER_REVIEW } from './simulate';

/**
 * A single answer counts at most this long: a card left open while the learner
 * walked away would otherwise inflate every time estimate (Anki caps answers the same way).
 */
const LONGEST_ANSWER_MS = 60_000;

/**
 * The learner's own mean seconds per answer from the durations in the review log; the default
 * when there is none. It takes durations alone so a caller can stream them out of a large log.
 */
export function secondsPerReview(durationsMs: Iterable<number>): number {
  let sum = 0;
  let count = 0;
  for (const durationMs of durationsMs) {
    if (!(durationMs > 0)) continue;
    sum += Math.min(durationMs, LONGEST_ANSWER_MS);
    count++;
  }
  return count === 0 ? DEFAULT_SECONDS_PER_REVIEW : sum / count / 1000;
}
