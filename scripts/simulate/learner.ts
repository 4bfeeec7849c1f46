import { default_w } from 'ts-fsrs';
import { MemoryModel } from '../../src/core/readiness/projection/memoryModel';
import { recallAfter } from '../../src/core/readiness/forgettingCurve';

const DAY = 86_400_000;

/** A learner whose memory follows FSRS-6 with default parameters, or ones nudged weaker or stronger. */
export type LearnerKind = 'average' | 'weaker' | 'stronger';

/** Stability-growth and initial-stability parameters scaled: a weaker learner keeps less from each answer. */
export function learnerModel(kind: LearnerKind): MemoryModel {
  if (kind === 'average') return new MemoryModel();
  const factor = kind === 'weaker' ? 0.7 : 1.3;
  const w = [...default_w];
  for (const i of [0, 1, 2, 3]) w[i] = w[i]! * factor;
  w[8] = w[8]! + Math.log(factor);
  return new MemoryModel(w);
}

/** One card's true memory: what the simulated learner really remembers, which the scheduler never sees. */
export interface TrueMemory {
  stability: number;
  difficulty: number;
  lastReview: number;
}

export function trueRecall(model: MemoryModel, memory: TrueMemory, at: number): number {
  return recallAfter(model.curve, (at - memory.lastReview) / DAY, memory.stability);
}

/** The learner answers: Good with the probability of recalling the card now, else Again; memory updates either way. */
export function answerCard(model: MemoryModel, memory: TrueMemory | null, at: number, random: () => number): { good: boolean; memory: TrueMemory } {
  if (memory === null) {
    return { good: true, memory: { stability: model.firstGoodStability, difficulty: model.firstGoodDifficulty, lastReview: at } };
  }
  const r = trueRecall(model, memory, at);
  const good = random() < r;
  const stability = good ? model.stabilityAfterRecall(memory.difficulty, memory.stability, r) : model.stabilityAfterLapse(memory.difficulty, memory.stability, r);
  const difficulty = model.nextDifficulty(memory.difficulty, good ? 3 : 1);
  return { good, memory: { stability, difficulty, lastReview: at } };
}
