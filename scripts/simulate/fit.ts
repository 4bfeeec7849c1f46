import { reviewHistory, type HistoryReview } from '../../src/core/optimiser/history';
import { optimiseSuggestion } from '../../src/core/optimiser/decision';
import { optimise, type Trainer } from '../../src/core/optimiser/optimise';
import type { DayRules } from '../../src/core/scheduling/day';
import { stableHash } from '../../src/core/scheduling/hash';
import type { FsrsFitted } from '../../src/core/scheduling/options';

/** The parameters a learner studies with, and their last fit (none while on the defaults). */
export interface LearnerParameters {
  parameters: readonly number[];
  fitted?: FsrsFitted;
}

/** The learner's parameters after a visit to Options' Optimise, or null when the app suggests no fit today. */
export type Fit = (log: readonly HistoryReview[], now: number, current: LearnerParameters) => LearnerParameters | null;

/**
 * What the learner does when the app suggests optimising (`optimiseSuggestion`: 400 answers, then
 * 1,000 more or a month): fit with the app's own optimiser (`optimise`, fsrs-rs through
 * fsrs-browser) and apply the fit when the app judges it better. A fit judged not better keeps
 * the current parameters, and the learner waits for the next suggestion as if it had been
 * applied (the app would keep suggesting it every day). Runs of one learner and seed share their
 * log until the exam date is set, so equal logs are fitted once.
 */
export function learnerFit(trainer: Trainer, rules: DayRules): Fit {
  const known = new Map<string, readonly number[]>();
  return (log, now, current) => {
    if (optimiseSuggestion(current.fitted, log.length, now) === null) return null;
    const key = `${current.parameters.join()}|${log.length}:${stableHash(log.map((review) => `${review.cardId}@${review.time}=${review.rating}`).join(','))}`;
    let parameters = known.get(key);
    if (!parameters) {
      const result = optimise(reviewHistory(log, rules, now), current.parameters, quietly(trainer));
      parameters = result.kind === 'fitted' && result.verdict === 'better' ? result.parameters : current.parameters;
      known.set(key, parameters);
    }
    return { parameters, fitted: { time: now, reviews: log.length } };
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
