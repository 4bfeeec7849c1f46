import { beforeAll, describe, expect, it } from 'vitest';
import { CardState, type Card } from '../../../src/core/collection/model';
import { evaluate } from '../../../src/core/optimiser/evaluate';
import { reviewHistory } from '../../../src/core/optimiser/history';
import { optimise, type Trainer } from '../../../src/core/optimiser/optimise';
import { rescheduled } from '../../../src/core/optimiser/reschedule';
import { examRecall } from '../../../src/core/readiness/examRecall';
import { DAY } from '../../../src/core/scheduling/day';
import { resolveDeckOptions } from '../../../src/core/scheduling/options';
import { decayOf, DEFAULT_FSRS_PARAMETERS } from '../../../src/core/scheduling/parameters';
import { nodeTrainer } from './fsrs-browser-node';
import { simulateLearner, TOKYO_RULES, type SimulatedLog } from './simulated-learner';

/**
 * A learner who forgets faster than FSRS-6's average one: first stabilities a fifth of the
 * defaults', slower growth after a recall (w8), a harsher lapse (w11) and a steeper curve (w20).
 */
const WEAK_LEARNER = [
  0.05, 0.15, 0.5, 1.5, 6.4133, 0.8334, 3.0194, 0.001, 1.0, 0.1666, 0.796, 1.0, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912,
  0.0658, 0.2,
];
/** The fit sees the first 3,000 answers; everything after them is the held-out later part. */
const FITTED_ANSWERS = 3000;

let trainer: Trainer;
let log: SimulatedLog;
const START = Date.UTC(2026, 3, 1, 0, 0);
const LEARNER_RUN = { trueParameters: WEAK_LEARNER, days: 110, newPerDay: 5, start: START };

beforeAll(async () => {
  trainer = await nodeTrainer();
  log = simulateLearner({ ...LEARNER_RUN, seed: 7 });
}, 60_000);

describe('optimising FSRS parameters on a simulated learner', () => {
  it('fits on the earlier part and predicts the later part better than the defaults', { timeout: 60_000 }, () => {
    expect(log.reviews.length).toBeGreaterThan(2 * FITTED_ANSWERS);
    const cut = log.reviews[FITTED_ANSWERS]!.time;
    const earlier = reviewHistory(
      log.reviews.filter((review) => review.time < cut),
      TOKYO_RULES,
      log.end,
    );
    const result = optimise(earlier, DEFAULT_FSRS_PARAMETERS, trainer);
    if (result.kind !== 'fitted') throw new Error(`not fitted: ${result.needed} more reviews needed`);
    const whole = reviewHistory(log.reviews, TOKYO_RULES, log.end);
    const defaults = evaluate(whole.histories, DEFAULT_FSRS_PARAMETERS, cut);
    const fitted = evaluate(whole.histories, result.parameters, cut);
    expect(defaults.count).toBeGreaterThan(1000);
    expect(fitted.rmseBins).toBeLessThanOrEqual(0.6 * defaults.rmseBins);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    expect(result.verdict).toBe('better');
  });

  it('puts readiness within one point of the learners’ true recall on average, where the defaults miss by more', { timeout: 180_000 }, () => {
    const errors = [7, 11, 13].map((seed) => readinessErrors(seed === 7 ? log : simulateLearner({ ...LEARNER_RUN, seed })));
    const mean = (pick: (e: { fitted: number; defaults: number }) => number) => errors.reduce((sum, e) => sum + pick(e), 0) / errors.length;
    expect(Math.abs(mean((e) => e.fitted))).toBeLessThan(1);
    expect(Math.abs(mean((e) => e.defaults))).toBeGreaterThan(1);
  });
});

/**
 * Predicted minus true exam score, in points, ten days after the learner's last session: with
 * parameters fitted on the whole log (cards rescheduled on change) and with the defaults.
 */
function readinessErrors(run: SimulatedLog): { fitted: number; defaults: number } {
  const history = reviewHistory(run.reviews, TOKYO_RULES, run.end);
  const result = optimise(history, DEFAULT_FSRS_PARAMETERS, trainer);
  if (result.kind !== 'fitted') throw new Error('not fitted');
  const historyOf = new Map(history.histories.map((h) => [h.cardId, h]));
  const exam = run.end + 10 * DAY;
  const score = (parameters: readonly number[] | undefined): number => {
    const options = resolveDeckOptions([parameters ? { fsrsParameters: [...parameters] } : {}]);
    const cards: Card[] = [...run.schedules].map(([id, schedule]) => ({
      ...rescheduled(schedule, historyOf.get(id), options),
      id,
      noteId: id,
      template: 0,
      deckId: 'd',
      suspended: false,
      buriedUntil: null,
    }));
    const recall = examRecall(cards, exam, decayOf(parameters));
    return (100 * recall.reduce((sum, r) => sum + r, 0)) / cards.length;
  };
  let truth = 0;
  for (const id of run.schedules.keys()) {
    const known = run.truth.get(id);
    if (known) truth += forgettingAt(known.state.stability, (exam - known.lastReview) / DAY);
  }
  truth = (100 * truth) / run.schedules.size;
  return { fitted: score(result.parameters) - truth, defaults: score(undefined) - truth };
}

function forgettingAt(stability: number, days: number): number {
  const decay = WEAK_LEARNER[20]!;
  const factor = Math.pow(0.9, -1 / decay) - 1;
  return Math.pow(1 + (factor * days) / stability, -decay);
}

describe('bad input', () => {
  it('says how many more answers a short history needs and fits nothing', () => {
    const short = simulateLearner({ trueParameters: WEAK_LEARNER, days: 10, newPerDay: 5, start: START, seed: 3 });
    const history = reviewHistory(short.reviews, TOKYO_RULES, short.end);
    let trained = false;
    const result = optimise(history, DEFAULT_FSRS_PARAMETERS, () => {
      trained = true;
      return [];
    });
    expect(result.kind).toBe('too-few');
    if (result.kind === 'too-few') expect(result.needed).toBe(400 - history.longTermReviews);
    expect(trained).toBe(false);
  });

  it('skips answers with impossible ratings or times and cards whose first answer is missing, and counts them', () => {
    const base = { stateAfter: CardState.Review, dueBefore: 0, dueAfter: 0, stabilityAfter: 1, difficultyAfter: 5, durationMs: 1 };
    const t = START + 5 * DAY;
    const reviews = [
      { ...base, id: '1', cardId: 'a', time: t, rating: 3, stateBefore: CardState.New },
      { ...base, id: '2', cardId: 'a', time: t + 2 * DAY, rating: 3, stateBefore: CardState.Review },
      { ...base, id: '3', cardId: 'a', time: t + 3 * DAY, rating: 7, stateBefore: CardState.Review },
      { ...base, id: '4', cardId: 'a', time: Number.NaN, rating: 3, stateBefore: CardState.Review },
      { ...base, id: '5', cardId: 'a', time: t + 900 * DAY, rating: 3, stateBefore: CardState.Review },
      { ...base, id: '6', cardId: 'b', time: t, rating: 3, stateBefore: CardState.Review },
    ];
    const history = reviewHistory(reviews as never, TOKYO_RULES, t + 10 * DAY);
    expect(history.skipped).toEqual({ rating: 1, time: 2, incomplete: 1 });
    expect(history.histories).toEqual([
      {
        cardId: 'a',
        reviews: [
          { rating: 3, deltaT: 0, time: t },
          { rating: 3, deltaT: 2, time: t + 2 * DAY },
        ],
      },
    ]);
  });

  it('refuses parameters the optimiser should never give, keeping the current ones', () => {
    const history = reviewHistory(log.reviews, TOKYO_RULES, log.end);
    expect(() => optimise(history, DEFAULT_FSRS_PARAMETERS, () => new Array(21).fill(Number.NaN))).toThrow(/unusable parameters/);
    expect(() => optimise(history, DEFAULT_FSRS_PARAMETERS, () => [1, 2, 3])).toThrow(/21 numbers/);
  });
});
