import { checkFsrsParameters } from '../scheduling/parameters';
import { fitVerdict, reviewsStillNeeded, type FitVerdict } from './decision';
import { evaluateEach, type Evaluation } from './evaluate';
import type { ReviewHistory, SkipReason } from './history';
import { trainingArrays, type TrainingArrays } from './training-set';

/** The FSRS optimiser itself (fsrs-rs through fsrs-browser), handed the flat training set. */
export type Trainer = (training: TrainingArrays) => ArrayLike<number>;

interface Counts {
  longTermReviews: number;
  skipped: Record<SkipReason, number>;
}

export type OptimiseResult =
  | ({ kind: 'too-few'; needed: number } & Counts)
  | ({ kind: 'fitted'; parameters: number[]; current: Evaluation; fitted: Evaluation; verdict: FitVerdict } & Counts);

/** Anki keeps four decimals of a fitted parameter; more is noise of the fit. */
function rounded(values: ArrayLike<number>): number[] {
  return Array.from(values, (value) => Math.round(value * 10_000) / 10_000);
}

/**
 * Fits FSRS-6's parameters to a review history with `trainer` and judges them against the
 * current ones on the same history, as Anki's Optimize does. Too short a history is not fitted.
 */
export function optimise(history: ReviewHistory, current: readonly number[], trainer: Trainer): OptimiseResult {
  const counts: Counts = { longTermReviews: history.longTermReviews, skipped: history.skipped };
  const needed = reviewsStillNeeded(history.longTermReviews);
  if (needed > 0) return { kind: 'too-few', needed, ...counts };
  const parameters = rounded(trainer(trainingArrays(history.histories)));
  const problem = checkFsrsParameters(parameters);
  if (problem) throw new Error(`The optimiser returned unusable parameters: ${problem}`);
  const [before, after] = evaluateEach(history.histories, [current, parameters]) as [Evaluation, Evaluation];
  return { kind: 'fitted', parameters, current: before, fitted: after, verdict: fitVerdict(before, after), ...counts };
}
