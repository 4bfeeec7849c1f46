import { describe, expect, it } from 'vitest';
import { learnerModel, type LearnerKind } from '../../../scripts/simulate/learner';
import { simulate } from '../../../scripts/simulate/run';

/** The built-in decks (109 cards) studied in one sitting, exam in 30 days, as `npm run simulate` runs them. */
const LEARNERS: LearnerKind[] = ['average', 'weaker', 'stronger'];
const SEEDS = [1, 2];

describe('exam mode on the built-in decks studied in one sitting', () => {
  for (const target of [0.8, 0.95]) {
    it(`keeps the busiest day of the 30 before the exam within 1.5 times the mean day, target ${target * 100} %`, () => {
      const outcomes = LEARNERS.flatMap((kind) =>
        SEEDS.map((seed) =>
          simulate({ cards: 109, daysBefore: 0, daysToExam: 30, newPerDay: 20, reviewsPerDay: 200, target, model: learnerModel(kind), seed, policy: 'exam mode' }),
        ),
      );
      const busiest = outcomes.reduce((sum, o) => sum + o.busiestDay, 0) / outcomes.length;
      const meanDay = outcomes.reduce((sum, o) => sum + o.meanDay, 0) / outcomes.length;
      // Before, the first reviews all fell in the first week and the pulled-in reviews on the last days: 22 against 10.1.
      expect(busiest).toBeLessThanOrEqual(1.5 * meanDay);
    });
  }
});
