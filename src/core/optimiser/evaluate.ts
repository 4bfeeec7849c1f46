import { forgetting_curve, fsrs, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from './history';

/** How well parameters predict the learner's answers: lower is better for both. */
export interface Evaluation {
  /** Mean binary cross-entropy of the predicted recall against remembered (Hard/Good/Easy) or not (Again). */
  logLoss: number;
  /** fsrs-rs's RMSE(bins): predictions and outcomes averaged per bin of interval, review count and lapses. */
  rmseBins: number;
  /** Answers judged. */
  count: number;
}

/** Keeps log loss finite for a prediction of exactly 0 or 1. */
const EPSILON = 1e-7;

/** The bin fsrs-rs puts an answer in for RMSE(bins) (`FSRSItem::r_matrix_index`). */
function binOf(deltaT: number, longTermCount: number, lapses: number): string {
  const deltaBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(deltaT) / Math.log(3.62))) * 100);
  const length = longTermCount + 1;
  const lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
  const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
  return `${deltaBin}/${lengthBin}/${lapseBin}`;
}

/**
 * Log loss and RMSE(bins) of `parameters` on the answers given on a later day than the card's
 * previous answer (same-day answers test short-term memory, which FSRS does not predict as recall),
 * as fsrs-rs and the srs-benchmark measure them. With `from`, only answers given at or after it are
 * judged; the earlier ones still shape each card's memory state, as they did for the learner.
 */
export function evaluate(histories: readonly CardHistory[], parameters: readonly number[], from = -Infinity): Evaluation {
  return evaluateEach(histories, [parameters], from)[0]!;
}

/** `evaluate` for several parameter sets in one walk of the history: the bins are worked out once per answer, not once per set. */
export function evaluateEach(histories: readonly CardHistory[], parameterSets: readonly (readonly number[])[], from = -Infinity): Evaluation[] {
  const models = parameterSets.map((parameters) => fsrs({ w: [...parameters], enable_short_term: true }));
  const bins = new Map<string, { predicted: number[]; actual: number; count: number }>();
  const loss = parameterSets.map(() => 0);
  const states: (FSRSState | null)[] = parameterSets.map(() => null);
  let count = 0;
  for (const { reviews } of histories) {
    states.fill(null);
    let longTermCount = 0;
    let lapses = 0;
    for (const [i, review] of reviews.entries()) {
      if (i > 0 && review.deltaT > 0) {
        longTermCount++;
        if (review.time >= from && states[0]) {
          const remembered = review.rating > 1 ? 1 : 0;
          const key = binOf(review.deltaT, longTermCount, lapses);
          let bin = bins.get(key);
          if (!bin) bins.set(key, (bin = { predicted: parameterSets.map(() => 0), actual: 0, count: 0 }));
          parameterSets.forEach((parameters, set) => {
            const recall = Math.min(Math.max(forgetting_curve(parameters, review.deltaT, states[set]!.stability), EPSILON), 1 - EPSILON);
            loss[set]! -= remembered * Math.log(recall) + (1 - remembered) * Math.log(1 - recall);
            bin.predicted[set]! += recall;
          });
          bin.actual += remembered;
          bin.count++;
          count++;
        }
        if (review.rating === 1) lapses++;
      }
      models.forEach((model, set) => (states[set] = model.next_state(states[set] ?? null, review.deltaT, review.rating)));
    }
  }
  return parameterSets.map((_, set) => {
    if (count === 0) return { logLoss: NaN, rmseBins: NaN, count: 0 };
    let squares = 0;
    for (const bin of bins.values()) squares += Math.pow(bin.predicted[set]! / bin.count - bin.actual / bin.count, 2) * bin.count;
    return { logLoss: loss[set]! / count, rmseBins: Math.sqrt(squares / count), count };
  });
}
