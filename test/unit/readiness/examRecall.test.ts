import { describe, expect, it } from 'vitest';
import { forgetting_curve, fsrs } from 'ts-fsrs';
import { CardState } from '../../../src/core/collection/model';
import { examRecall } from '../../../src/core/readiness/examRecall';
import { DEFAULT_DECAY } from '../../../src/core/readiness/forgettingCurve';
import { DAY, NOW, newCard, studiedCard } from './fixtures';

/** The FSRS-6 curve written out by hand, independent of the code under test. */
function handCurve(t: number, s: number): number {
  const decay = 0.1542;
  const factor = Math.pow(0.9, -1 / decay) - 1;
  return Math.pow(1 + (factor * t) / s, -decay);
}

describe('predicted recall on the exam day', () => {
  it('uses FSRS-6 default decay', () => {
    expect(DEFAULT_DECAY).toBe(0.1542);
  });

  it('is 90 % when the exam is exactly one stability after the last review', () => {
    const card = studiedCard('a', 12, 0);
    const [r] = examRecall([card], NOW + 12 * DAY);
    expect(r).toBeCloseTo(0.9, 12);
  });

  it('follows the forgetting curve for other gaps', () => {
    const cards = [studiedCard('a', 5, 10), studiedCard('b', 30, 2), studiedCard('c', 0.5, 1)];
    const exam = NOW + 20 * DAY;
    const recall = examRecall(cards, exam);
    expect(recall[0]).toBeCloseTo(handCurve(30, 5), 12);
    expect(recall[1]).toBeCloseTo(handCurve(22, 30), 12);
    expect(recall[2]).toBeCloseTo(handCurve(21, 0.5), 12);
    // ts-fsrs rounds to 8 decimals; agreement to that precision shows it is the same curve.
    expect(recall[0]).toBeCloseTo(forgetting_curve(0.1542, 30, 5), 7);
  });

  it('agrees with ts-fsrs get_retrievability for whole days', () => {
    const card = studiedCard('a', 7.3, 4);
    const exam = NOW + 9 * DAY;
    const tsCard = {
      due: new Date(card.due),
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: 0,
      scheduled_days: 7,
      learning_steps: 0,
      reps: 3,
      lapses: 0,
      state: card.state,
      last_review: new Date(card.lastReview ?? 0),
    };
    expect(examRecall([card], exam)[0]).toBeCloseTo(fsrs().get_retrievability(tsCard, new Date(exam), false), 7);
  });

  it('counts never-studied cards as forgotten', () => {
    const recall = examRecall([newCard('n'), studiedCard('odd', 10, 1, { state: CardState.New })], NOW + DAY);
    expect([...recall]).toEqual([0, 0]);
  });

  it('does not decay a card reviewed after the exam moment', () => {
    const recall = examRecall([studiedCard('a', 3, -2)], NOW);
    expect(recall[0]).toBe(1);
  });

  it('drops as the exam moves further away', () => {
    const card = studiedCard('a', 10, 0);
    const near = examRecall([card], NOW + 5 * DAY)[0]!;
    const far = examRecall([card], NOW + 50 * DAY)[0]!;
    expect(far).toBeLessThan(near);
    expect(near).toBeLessThan(1);
  });
});
