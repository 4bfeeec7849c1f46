import { MemoryModel } from '../readiness/projection/memoryModel';
import { recallAfter } from '../readiness/forgettingCurve';
import { calendarDay, dayStartOf, learnerDay, type DayRules } from './day';
import type { DayLoad } from './load-balance';

/** Below this gain in predicted exam-day recall a review before the exam is not worth the learner's time. */
export const MIN_EXAM_GAIN = 0.02;

/** What the exam rule needs to know about the exam. */
export interface Exam {
  /** The learner day of the exam; it begins at the exam moment, so reviews on it come too late. */
  day: number;
  /** The predicted recall each card should reach at the exam moment, 0..1. */
  target: number;
}

/** The exam an exam date sets, or null when there is none or it is not a real date. */
export function examOf(examDate: string | null, target: number): Exam | null {
  const day = examDate === null ? null : calendarDay(examDate);
  return day === null ? null : { day, target };
}

/** The part of a card's memory the exam rule reads. */
export interface Memory {
  stability: number;
  difficulty: number;
  /** When the card was last answered. */
  lastReview: number;
}

const defaultModel = new MemoryModel();

/**
 * Expected recall at `examAt` when the card is reviewed on day `day` (at the day's start): the
 * review succeeds with the recall it has then, raising stability the more the longer it waited
 * (FSRS's gain of a late review); a lapse leaves the lower post-lapse stability.
 */
function recallWithReviewOn(memory: Memory, day: number, examAt: number, rules: DayRules, model: MemoryModel): number {
  const at = dayStartOf(day, rules);
  const waited = (at - memory.lastReview) / 86_400_000;
  const { stability: s, difficulty: d } = memory;
  const r = recallAfter(model.curve, waited, s);
  const left = (examAt - at) / 86_400_000;
  const afterRecall = model.stabilityAfterRecall(d, s, r);
  const afterLapse = model.stabilityAfterLapse(d, s, r);
  return r * recallAfter(model.curve, left, afterRecall) + (1 - r) * recallAfter(model.curve, left, afterLapse);
}

export interface ExamDayChoice {
  memory: Memory;
  /** The day FSRS would bring the card back without the exam. */
  normalDay: number;
  today: number;
  exam: Exam;
  rules: DayRules;
  /** Fixed per card and answer, in [0, 1), as for the fuzz. */
  seed: number;
  load?: DayLoad;
  /** Review limit per day; a day already at it is not chosen while another is free. */
  reviewsPerDay?: number;
  model?: MemoryModel;
}

/**
 * The day a card comes back before the exam, or null when the exam changes nothing for it: it
 * comes back before the exam day anyway, its predicted exam-day recall already reaches the
 * target, or no review can raise it by MIN_EXAM_GAIN.
 *
 * Otherwise the candidates are the days on which a review brings the card to the target at the
 * exam (or, when no day can, the days within a point of the best), and one is picked among them
 * by load, as the load balancer does: so the work spreads over the weeks before the exam instead
 * of piling onto its eve. The exam day itself never is a candidate: the exam begins at its start.
 */
export function examReviewDay(choice: ExamDayChoice): number | null {
  const { memory, normalDay, today, exam, rules, seed, load, reviewsPerDay } = choice;
  const model = choice.model ?? defaultModel;
  const last = exam.day - 1;
  if (today >= last || normalDay < exam.day) return null;
  const examAt = dayStartOf(exam.day, rules);
  const alone = recallAfter(model.curve, (examAt - memory.lastReview) / 86_400_000, memory.stability);
  if (alone >= exam.target) return null;
  const first = today + 1;
  const expected: number[] = [];
  let best = 0;
  for (let day = first; day <= last; day++) {
    const recall = recallWithReviewOn(memory, day, examAt, rules, model);
    expected.push(recall);
    best = Math.max(best, recall);
  }
  if (best - alone < MIN_EXAM_GAIN) return null;
  const enough = best >= exam.target ? exam.target : best - 0.01;
  let candidates = expected.map((recall, i) => (recall >= enough ? first + i : -1)).filter((day) => day >= 0);
  if (load && reviewsPerDay !== undefined) {
    const open = candidates.filter((day) => load(day) < reviewsPerDay);
    if (open.length > 0) candidates = open;
  }
  if (!load) return candidates[Math.min(candidates.length - 1, Math.floor(seed * candidates.length))]!;
  const weights = candidates.map((day) => {
    const reviews = load(day);
    return reviews <= 0 ? 1 : Math.pow(1 / reviews, 2.15);
  });
  let pick = seed * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < candidates.length; i++) {
    pick -= weights[i]!;
    if (pick < 0) return candidates[i]!;
  }
  return candidates.at(-1)!;
}
