import * as v from 'valibot';
import type { ExamAttempt } from './attempt';
import type { QuestionKind } from './types';

const whole = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());
const options = v.array(whole);

const QUESTION_KINDS = [
  'threats-of-item',
  'item-of-threat',
  'countermeasures-of-item',
  'item-of-countermeasure',
  'services-for-threat',
  'threats-of-service',
  'description-of-threat',
  'threat-described',
  'definition-of-service',
  'service-described',
  'note',
  'cloze',
] as const satisfies readonly QuestionKind[];

const questionResultSchema = v.object({
  questionId: v.string(),
  kind: v.picklist(QUESTION_KINDS),
  topic: v.string(),
  subject: v.string(),
  options: v.array(v.string()),
  correct: options,
  chosen: options,
  flagged: v.boolean(),
  noteIds: v.array(v.string()),
  template: v.optional(whole),
});

/**
 * A mock exam attempt as it may arrive from outside this device (sync, a backup): checked whole
 * before it is stored, since Readiness draws its calibration chart from every attempt.
 */
export const examAttemptSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  startedAt: time,
  submittedAt: time,
  scope: v.string(),
  scopeName: v.string(),
  seed: v.string(),
  timeLimitMinutes: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0))),
  predicted: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  results: v.array(questionResultSchema),
  markedAgain: v.boolean(),
});

export function parseExamAttempt(value: unknown): { attempt: ExamAttempt } | { problem: string } {
  const result = v.safeParse(examAttemptSchema, value);
  if (!result.success) return { problem: result.issues.map((issue) => `${v.getDotPath(issue) ?? 'attempt'}: ${issue.message}`).join('; ') };
  return { attempt: result.output as ExamAttempt };
}
