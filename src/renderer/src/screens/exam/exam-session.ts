import type { ExamAttempt } from '../../../../core/questions/attempt';
import type { Question } from '../../../../core/questions';

/** A mock exam being taken: where the learner is, what they chose and flagged, and when time runs out. */
export interface ExamSession {
  questions: Question[];
  index: number;
  /** Per question, the options chosen, ascending. */
  chosen: number[][];
  flagged: boolean[];
  startedAt: number;
  /** When time runs out, or null without a time limit. */
  deadline: number | null;
}

export function startSession(questions: Question[], now: number, timeLimitMinutes: number | null): ExamSession {
  return {
    questions,
    index: 0,
    chosen: questions.map(() => []),
    flagged: questions.map(() => false),
    startedAt: now,
    deadline: timeLimitMinutes === null ? null : now + timeLimitMinutes * 60_000,
  };
}

/** One choice replaces the last; on a select-all question it ticks or unticks the option. */
export function choose(session: ExamSession, option: number): ExamSession {
  const question = session.questions[session.index];
  if (!question || option < 0 || option >= question.options.length) return session;
  const current = session.chosen[session.index] ?? [];
  const next = question.multi
    ? (current.includes(option) ? current.filter((o) => o !== option) : [...current, option]).sort((a, b) => a - b)
    : [option];
  return { ...session, chosen: session.chosen.map((c, i) => (i === session.index ? next : c)) };
}

export function toggleFlag(session: ExamSession): ExamSession {
  return { ...session, flagged: session.flagged.map((f, i) => (i === session.index ? !f : f)) };
}

export function goTo(session: ExamSession, index: number): ExamSession {
  return index < 0 || index >= session.questions.length ? session : { ...session, index };
}

export function answeredCount(session: ExamSession): number {
  return session.chosen.filter((c) => c.length > 0).length;
}

/** Milliseconds left, never below 0; null without a time limit. */
export function timeLeft(session: ExamSession, now: number): number | null {
  return session.deadline === null ? null : Math.max(0, session.deadline - now);
}

/** `1`–`9` or `a`–`i` (either case) → option index; null for any other key. */
export function optionForKey(key: string): number | null {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  if (/^[a-i]$/i.test(key)) return key.toLowerCase().charCodeAt(0) - 97;
  return null;
}

export interface AttemptFacts {
  id: string;
  submittedAt: number;
  scope: string;
  scopeName: string;
  seed: string;
  timeLimitMinutes: number | null;
  predicted: number | null;
}

export function toAttempt(session: ExamSession, facts: AttemptFacts): ExamAttempt {
  return {
    ...facts,
    startedAt: session.startedAt,
    markedAgain: false,
    results: session.questions.map((question, i) => ({
      questionId: question.id,
      kind: question.kind,
      topic: question.topic,
      subject: question.subject,
      options: question.options,
      correct: question.correct,
      chosen: session.chosen[i] ?? [],
      flagged: session.flagged[i] ?? false,
      noteIds: question.noteIds,
      ...(question.template === undefined ? {} : { template: question.template }),
    })),
  };
}
