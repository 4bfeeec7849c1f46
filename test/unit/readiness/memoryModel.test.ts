import { describe, expect, it } from 'vitest';
import { Rating, fsrs } from 'ts-fsrs';
import { MemoryModel } from '../../../src/core/readiness/projection/memoryModel';

describe('memory model used by the projection', () => {
  const model = new MemoryModel();
  const reference = fsrs();

  it('matches ts-fsrs for a first Good answer', () => {
    expect(model.firstGoodStability).toBeCloseTo(reference.init_stability(Rating.Good), 8);
    expect(model.firstGoodDifficulty).toBeCloseTo(reference.init_difficulty(Rating.Good), 7);
  });

  it.each([
    [5, 10, 0.9],
    [8.5, 3, 0.6],
    [2, 120, 0.97],
  ])('matches ts-fsrs after recall and after a lapse (D=%s, S=%s, R=%s)', (d, s, r) => {
    expect(model.stabilityAfterRecall(d, s, r)).toBeCloseTo(reference.next_recall_stability(d, s, r, Rating.Good), 6);
    const lapse = reference.next_state({ difficulty: d, stability: s }, 5, Rating.Again, r);
    expect(model.stabilityAfterLapse(d, s, r)).toBeCloseTo(lapse.stability, 6);
    expect(model.nextDifficulty(d, Rating.Again)).toBeCloseTo(lapse.difficulty, 6);
    expect(model.nextDifficulty(d, Rating.Good)).toBeCloseTo(reference.next_difficulty(d, Rating.Good), 6);
  });

  it('rejects parameters of the wrong length', () => {
    expect(() => new MemoryModel([1, 2, 3])).toThrow(/length/);
  });
});
