import { DEFAULT_EXAM_TARGET, MIN_EXAM_TARGET, examDateProblem, type DeckOptions, type Step } from '../../../core/scheduling/options';

/** The deck options form as the learner types it: every field is text until saved. */
export interface DeckOptionsDraft {
  newPerDay: string;
  reviewsPerDay: string;
  desiredRetention: string;
  learningSteps: string;
  relearningSteps: string;
  maximumIntervalDays: string;
  examDate: string;
  /** Percent, as the learner thinks of a score. */
  examTarget: string;
}

export type DraftField = keyof DeckOptionsDraft;

export function draftOf(options: DeckOptions): DeckOptionsDraft {
  return {
    newPerDay: String(options.newPerDay),
    reviewsPerDay: String(options.reviewsPerDay),
    desiredRetention: String(options.desiredRetention),
    learningSteps: options.learningSteps.join(' '),
    relearningSteps: options.relearningSteps.join(' '),
    maximumIntervalDays: String(options.maximumIntervalDays),
    examDate: options.examDate ?? '',
    examTarget: String(Math.round((options.examTarget ?? DEFAULT_EXAM_TARGET) * 100)),
  };
}

const STEP = /^\d+(\.\d+)?[mhd]$/;

function stepsOf(text: string): Step[] | null {
  const steps = text.trim().split(/\s+/).filter((step) => step !== '');
  return steps.every((step) => STEP.test(step)) ? (steps as Step[]) : null;
}

function numberIn(text: string, min: number, max: number, whole: boolean): number | null {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) return null;
  return whole && !Number.isInteger(value) ? null : value;
}

export interface NumberProblem {
  field: DraftField;
  kind: 'number';
  min: number;
  max: number;
}

export interface StepsProblem {
  field: DraftField;
  kind: 'steps';
}

export interface DateProblem {
  field: DraftField;
  kind: 'date';
}

/** An exam date before the learner's today. */
export interface PastDateProblem {
  field: DraftField;
  kind: 'past-date';
}

export type DraftProblem = NumberProblem | StepsProblem | DateProblem | PastDateProblem;

export type DraftResult = { ok: true; options: Partial<DeckOptions> } | { ok: false; problems: DraftProblem[] };

const numberRules = [
  { field: 'newPerDay', min: 0, max: 9999, whole: true },
  { field: 'reviewsPerDay', min: 0, max: 9999, whole: true },
  { field: 'desiredRetention', min: 0.7, max: 0.99, whole: false },
  { field: 'maximumIntervalDays', min: 1, max: 36500, whole: true },
  { field: 'examTarget', min: MIN_EXAM_TARGET * 100, max: 100, whole: true },
] as const;

/**
 * Reads the form into options, or lists every field the learner must fix (never a partial save).
 * `today` is the learner's day (`learnerDay`): an exam date before it is refused.
 */
export function readDraft(draft: DeckOptionsDraft, today: number): DraftResult {
  const problems: DraftProblem[] = [];
  const numbers: Partial<Record<(typeof numberRules)[number]['field'], number>> = {};
  for (const rule of numberRules) {
    const value = numberIn(draft[rule.field], rule.min, rule.max, rule.whole);
    if (value === null) problems.push({ field: rule.field, kind: 'number', min: rule.min, max: rule.max });
    else numbers[rule.field] = value;
  }
  const learningSteps = stepsOf(draft.learningSteps);
  if (!learningSteps) problems.push({ field: 'learningSteps', kind: 'steps' });
  const relearningSteps = stepsOf(draft.relearningSteps);
  if (!relearningSteps) problems.push({ field: 'relearningSteps', kind: 'steps' });
  const examDate = draft.examDate.trim();
  const dateProblem = examDate === '' ? null : examDateProblem(examDate, today);
  if (dateProblem === 'past') problems.push({ field: 'examDate', kind: 'past-date' });
  else if (dateProblem !== null) problems.push({ field: 'examDate', kind: 'date' });
  if (problems.length > 0 || !learningSteps || !relearningSteps) return { ok: false, problems };
  return {
    ok: true,
    options: {
      ...numbers,
      examTarget: numbers.examTarget === undefined ? undefined : numbers.examTarget / 100,
      learningSteps,
      relearningSteps,
      examDate: examDate === '' ? null : examDate,
    },
  };
}
