import { isStudied } from '../examRecall';
import { projectExamScore, studyDaysUntil, type Projection, type ProjectionInput } from './simulate';

export interface ExamPlanInput extends ProjectionInput {
  /** The score the learner aims for on the exam day, 0..1. */
  target: number;
  /** The learner's own time per answer (`secondsPerReview` over the review log). */
  secondsPerReview: number;
}

/**
 * - `on-track`: the current limits reach the target;
 * - `needs-more-new-cards`: a higher new-card limit would reach it (see `suggestion`);
 * - `out-of-reach`: not even a limit that brings in every new card before the exam reaches it.
 */
export type ExamVerdict = 'on-track' | 'needs-more-new-cards' | 'out-of-reach';

export interface NewCardSuggestion {
  /** The smallest new-card limit whose projection reaches the target. */
  newCardsPerDay: number;
  projection: Projection;
}

export interface ExamPlan {
  target: number;
  verdict: ExamVerdict;
  /** The projection with the learner's current limits. */
  current: Projection;
  /** Present unless the target is out of reach; may be below the current limit when the learner is on track. */
  suggestion: NewCardSuggestion | null;
  secondsPerReview: number;
}

function unseenCount(input: ProjectionInput): number {
  let n = 0;
  for (const card of input.cards) if (!card.suspended && !isStudied(card)) n++;
  return n;
}

/**
 * The smallest new-cards-per-day limit whose projected exam score reaches `target`, or null.
 * The search stops at the limit that introduces every new card before the exam: up to there each
 * extra card a day adds cards that would otherwise count as forgotten, so the score rises with the
 * limit and a binary search is sound. Beyond it the same cards only arrive sooner, which moves the
 * exam-day score by timing alone, a fraction of a point either way.
 */
export function suggestNewCardsPerDay(input: ProjectionInput, target: number): NewCardSuggestion | null {
  const project = (newCardsPerDay: number): Projection => projectExamScore({ ...input, newCardsPerDay });
  const studyDays = studyDaysUntil(input.now, input.examDate, input.rules);
  let hi = studyDays === 0 ? 0 : Math.ceil(unseenCount(input) / studyDays);
  let best = project(hi);
  if (best.examScore < target) return null;
  let lo = 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const projection = project(mid);
    if (projection.examScore >= target) {
      hi = mid;
      best = projection;
    } else {
      lo = mid + 1;
    }
  }
  return { newCardsPerDay: hi, projection: best };
}

/** Whether the learner's current limits reach their exam target, and the new-card limit that would. */
export function planForExam(input: ExamPlanInput): ExamPlan {
  if (!(input.target >= 0 && input.target <= 1)) throw new Error(`exam plan: target must be between 0 and 1, got ${input.target}`);
  const current = projectExamScore(input);
  const suggestion = suggestNewCardsPerDay(input, input.target);
  const verdict: ExamVerdict =
    current.examScore >= input.target ? 'on-track' : suggestion ? 'needs-more-new-cards' : 'out-of-reach';
  return {
    target: input.target,
    verdict,
    current,
    suggestion,
    secondsPerReview: input.secondsPerReview,
  };
}
