import { compareTopicKeys } from '../readiness/topics';
import type { Question } from './types';

/** One answered question of an attempt, kept whole so the result can be shown again later. */
export interface QuestionResult {
  questionId: string;
  kind: Question['kind'];
  topic: string;
  subject: string;
  options: string[];
  correct: number[];
  /** The options the learner chose, ascending; empty when left unanswered. */
  chosen: number[];
  flagged: boolean;
  noteIds: string[];
  template?: number;
}

/** A finished mock exam: its own record, never a review, so FSRS is not fed multiple-choice answers. */
export interface ExamAttempt {
  id: string;
  startedAt: number;
  submittedAt: number;
  /** A deck id (its subdecks included) or '' for the whole collection. */
  scope: string;
  scopeName: string;
  seed: string;
  /** Minutes allowed, or null for no limit. */
  timeLimitMinutes: number | null;
  /** Readiness for the scope on the attempt's day (0..1), or null when the scope had no cards. */
  predicted: number | null;
  results: QuestionResult[];
  /** Whether the learner had the cards of wrong answers marked Again. */
  markedAgain: boolean;
}

export function isRight(result: Pick<QuestionResult, 'chosen' | 'correct'>): boolean {
  return result.chosen.length === result.correct.length && result.chosen.every((option, i) => option === result.correct[i]);
}

export interface Score {
  right: number;
  total: number;
  /** right / total, 0 when there were no questions. */
  share: number;
}

export function scoreOf(results: readonly QuestionResult[]): Score {
  const right = results.filter(isRight).length;
  return { right, total: results.length, share: results.length === 0 ? 0 : right / results.length };
}

export function scoreByTopic(results: readonly QuestionResult[]): { topic: string; score: Score }[] {
  const groups = new Map<string, QuestionResult[]>();
  for (const result of results) groups.set(result.topic, [...(groups.get(result.topic) ?? []), result]);
  return [...groups.keys()].sort(compareTopicKeys).map((topic) => ({ topic, score: scoreOf(groups.get(topic)!) }));
}

/** Predicted minus actual, in percentage points rounded as they are shown; positive when Kioku was too hopeful. */
export function calibrationGap(attempt: ExamAttempt): number | null {
  if (attempt.predicted === null) return null;
  return Math.round(attempt.predicted * 100) - Math.round(scoreOf(attempt.results).share * 100);
}
