import { reviewHistory, type HistoryReview } from '../../src/core/optimiser/history';
import { optimiseSuggestion } from '../../src/core/optimiser/decision';
import { optimise, type Trainer } from '../../src/core/optimiser/optimise';
import type { DayRules } from '../../src/core/scheduling/day';
import { stableHash } from '../../src/core/scheduling/hash';
import { DEFAULT_FSRS_PARAMETERS } from '../../src/core/scheduling/parameters';

/** The parameters a learner applies from Options' Optimise on their review log, or null when they keep the defaults. */
export type Fit = (log: readonly HistoryReview[], now: number) => number[] | null;

/**
 * What the learner does in Options when the app suggests optimising: fit with the app's own
 * optimiser (`optimise`, fsrs-rs through fsrs-browser) and apply the fit when the app judges it
 * better. No fit before the app suggests one (too few answers). The runs of one learner and seed
 * share their log until the exam date is set, so equal logs are fitted once.
 */
export function learnerFit(trainer: Trainer, rules: DayRules): Fit {
  const known = new Map<string, number[] | null>();
  return (log, now) => {
    const key = `${log.length}:${stableHash(log.map((review) => `${review.cardId}@${review.time}=${review.rating}`).join(','))}`;
    if (known.has(key)) return known.get(key)!;
    const history = reviewHistory(log, rules, now);
    let parameters: number[] | null = null;
    if (optimiseSuggestion(undefined, history.longTermReviews, now) !== null) {
      const result = optimise(history, DEFAULT_FSRS_PARAMETERS, quietly(trainer));
      if (result.kind === 'fitted' && result.verdict === 'better') parameters = result.parameters;
    }
    known.set(key, parameters);
    return parameters;
  };
}

/** fsrs-rs reports every epoch on the console; the simulation's output is its tables. */
function quietly(trainer: Trainer): Trainer {
  return (training) => {
    const { log, info } = console;
    console.log = console.info = () => {};
    try {
      return trainer(training);
    } finally {
      console.log = log;
      console.info = info;
    }
  };
}
