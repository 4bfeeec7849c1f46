import { Rating } from '../../../core/collection/model';

/** Anki's cap: a learner who walked away should not count as ten minutes on one card. */
export const MAX_ANSWER_MS = 60_000;

export function answerDuration(shownAt: number, answeredAt: number): number {
  return Math.min(MAX_ANSWER_MS, Math.max(0, answeredAt - shownAt));
}

export interface SessionAnswer {
  rating: Rating;
  durationMs: number;
}

/** What the summary reports; built only from answers still standing after undo. */
export function sessionTotals(answers: readonly SessionAnswer[]): { studied: number; timeMs: number; againCount: number } {
  return {
    studied: answers.length,
    timeMs: answers.reduce((sum, answer) => sum + answer.durationMs, 0),
    againCount: answers.filter((answer) => answer.rating === Rating.Again).length,
  };
}
