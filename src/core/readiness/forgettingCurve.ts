import { FSRS6_DEFAULT_DECAY } from 'ts-fsrs';

export const DAY_MS = 86_400_000;

/** FSRS-6's default decay (w[20]); a learner's own optimized parameters may carry another. */
export const DEFAULT_DECAY: number = FSRS6_DEFAULT_DECAY;

/**
 * The constants of FSRS-6's power forgetting curve R(t, S) = (1 + factor·t/S)^(−decay).
 * `factor` is chosen so that R(S, S) = 0.9: stability is the number of days until recall falls to 90 %.
 */
export interface ForgettingCurve {
  decay: number;
  factor: number;
}

export function forgettingCurve(decay: number = DEFAULT_DECAY): ForgettingCurve {
  if (!(decay > 0)) throw new Error(`forgetting curve: decay must be a positive number, got ${decay}`);
  return { decay, factor: Math.pow(0.9, -1 / decay) - 1 };
}

/** Probability of recalling a card `elapsedDays` after its last review, given its stability in days. */
export function recallAfter(curve: ForgettingCurve, elapsedDays: number, stability: number): number {
  if (!(stability > 0)) return 0;
  const t = elapsedDays > 0 ? elapsedDays : 0;
  return Math.pow(1 + (curve.factor * t) / stability, -curve.decay);
}

/** Days after a review at which recall drops to `retention`: the curve solved for t. */
export function daysUntilRecall(curve: ForgettingCurve, retention: number, stability: number): number {
  return ((Math.pow(retention, -1 / curve.decay) - 1) / curve.factor) * stability;
}
