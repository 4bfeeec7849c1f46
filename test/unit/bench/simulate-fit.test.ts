import { beforeAll, describe, expect, it } from 'vitest';
import { learnerFit, type Fit } from '../../../scripts/simulate/fit';
import { learnerModel } from '../../../scripts/simulate/learner';
import { RULES, simulate, type Scenario } from '../../../scripts/simulate/run';
import { nodeTrainer } from '../optimiser/fsrs-browser-node';

let fit: Fit;
beforeAll(async () => {
  fit = learnerFit(await nodeTrainer(), RULES);
}, 60_000);

/** A weaker learner with 40 days of answers when the exam date is set, 20 days before the exam. */
const weaker: Omit<Scenario, 'seed'> = {
  cards: 600,
  daysBefore: 40,
  daysToExam: 20,
  newPerDay: 15,
  reviewsPerDay: 200,
  target: 0.9,
  model: learnerModel('weaker'),
  policy: 'exam mode',
};
const SEEDS = [1, 2, 3];

describe('npm run simulate: the learner optimises as the app suggests', () => {
  it('fits nothing while the log is too short for the app to suggest optimising', () => {
    const short = { ...weaker, daysBefore: 3, daysToExam: 2, seed: 1 };
    const neverTrains = learnerFit(() => expect.unreachable('trained on five days of answers'), RULES);
    expect(simulate({ ...short, fit: neverTrains })).toEqual(simulate(short));
  });

  it("plans a weaker learner's exam with the parameters fitted on their log, within a point of their true recall and closer than the defaults", { timeout: 180_000 }, () => {
    const gap = (withFit: boolean) =>
      SEEDS.map((seed) => simulate({ ...weaker, seed, ...(withFit ? { fit } : {}) })).reduce((sum, o) => sum + (o.plannedRecall - o.trueRecall), 0) / SEEDS.length;
    const fitted = gap(true);
    const defaults = gap(false);
    // The defaults miss by about a point since exam reviews are spread over the window, the fit by half as much.
    expect(Math.abs(defaults)).toBeGreaterThan(0.008);
    expect(Math.abs(fitted)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fitted)).toBeLessThan(Math.abs(defaults));
  });
});
