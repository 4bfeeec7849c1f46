import type { MemoryModel } from '../readiness/projection/memoryModel';
import { recallAfter, type ForgettingCurve } from '../readiness/forgettingCurve';
import { calendarDay, learnerDay, type DayRules } from './day';
import type { DayLoad } from './load-balance';

/** Below this gain in predicted exam-day recall a review before the exam is not worth the learner's time. */
export const MIN_EXAM_GAIN = 0.02;

/** A card already predicted at the exam target comes back early only for twice the gain. */
export const MIN_EXAM_GAIN_AT_TARGET = 0.04;

/** A day is a candidate when its review gives at least this share of the best day's gain. */
const SHARE_OF_BEST_GAIN = 0.8;

/**
 * No day takes an exam review once it is busier than the typical day of the next four weeks (the
 * exam's own days and those after it): exam reviews fill the quiet days, so the last week does
 * not pile up; and never once it is at the review limit. Four weeks, not just the days left: the
 * days left fill up as the exam nears, and a typical day measured on them would rise with them.
 * A day level with the typical one still takes one, so a collection as busy every day still
 * gets its exam reviews. Letting days grow to 1.35 times the typical day instead bought 0.3 points
 * of exam-day recall for 130 more reviews on 2,000 cards (`npm run simulate`).
 */
const TYPICAL_DAYS = 28;
/** A small collection's typical day is a handful of reviews; this share of the review limit is always open. */
const ALWAYS_OPEN_SHARE_OF_LIMIT = 0.2;

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

/**
 * Expected recall at the exam when the card, last reviewed on learner day `reviewedDay`, is
 * reviewed again on day `day`: the review succeeds with the recall it has then, raising
 * stability the more the longer it waited (FSRS's gain of a late review); a lapse leaves the
 * lower post-lapse stability. Time counts in whole learner days, as FSRS's elapsed days do, so
 * the choice is the same whatever the hour of the answer: the Readiness plan, which studies at
 * the start of each day, and Study at the learner's own hour pick the same day.
 */
function recallWithReviewOn(memory: Memory, reviewedDay: number, day: number, examDay: number, model: MemoryModel): number {
  const { stability: s, difficulty: d } = memory;
  const r = recallAfter(model.curve, day - reviewedDay, s);
  const left = examDay - day;
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
  /** The deck's memory model: the FSRS parameters its scheduler uses, fitted or FSRS-6's defaults. */
  model: MemoryModel;
}

/**
 * The day a card comes back before the exam, or null when the exam changes nothing for it: it
 * comes back before the exam day anyway, or no review can raise its predicted exam-day recall by
 * MIN_EXAM_GAIN (by MIN_EXAM_GAIN_AT_TARGET when it already reaches the target), or every day
 * where the review would pay is already at its fair share.
 *
 * The best days are those whose review brings the card to the target (or, when no day can, to
 * within a point of the best) and gives at least SHARE_OF_BEST_GAIN of the best gain: late enough
 * to count. One is picked among those below their fair share by load, as the load balancer does.
 * When they are all full, the card takes the open day that gives the most exam-day recall among
 * those that still reach the target or still pay: the work then fills the weeks before the exam
 * day by day, back from its end, instead of piling onto its eve or dropping a card the limits
 * have room for. The exam day itself never is a candidate: the exam begins at its start.
 */
export function examReviewDay(choice: ExamDayChoice): number | null {
  const { memory, normalDay, today, exam, rules, seed, load, reviewsPerDay, model } = choice;
  const last = exam.day - 1;
  if (today >= last || normalDay < exam.day) return null;
  const reviewedDay = learnerDay(memory.lastReview, rules);
  const alone = recallAfter(model.curve, exam.day - reviewedDay, memory.stability);
  const first = today + 1;
  const expected: number[] = [];
  let best = 0;
  for (let day = first; day <= last; day++) {
    const recall = recallWithReviewOn(memory, reviewedDay, day, exam.day, model);
    expected.push(recall);
    best = Math.max(best, recall);
  }
  const worth = alone >= exam.target ? MIN_EXAM_GAIN_AT_TARGET : MIN_EXAM_GAIN;
  if (best - alone < worth) return null;
  const reach = best >= exam.target ? exam.target : best - 0.01;
  const enough = Math.max(reach, alone + SHARE_OF_BEST_GAIN * (best - alone));
  const days = (keep: (recall: number, day: number) => boolean) =>
    expected.map((recall, i) => (keep(recall, first + i) ? first + i : -1)).filter((day) => day >= 0);
  if (!load) {
    const candidates = days((recall) => recall >= enough);
    return candidates[Math.min(candidates.length - 1, Math.floor(seed * candidates.length))]!;
  }
  const limit = reviewsPerDay ?? Infinity;
  let typical = 0;
  for (let day = first; day <= today + TYPICAL_DAYS; day++) typical += load(day);
  typical /= TYPICAL_DAYS;
  const hasRoom = (day: number) => {
    const reviews = load(day);
    return reviews < limit && (reviews < ALWAYS_OPEN_SHARE_OF_LIMIT * limit || reviews <= typical);
  };
  const candidates = days((recall, day) => recall >= enough && hasRoom(day));
  if (candidates.length === 0) {
    const open = days((recall, day) => (recall >= reach || recall - alone >= worth) && hasRoom(day));
    if (open.length === 0) return null;
    return open.reduce((a, b) => (expected[b - first]! > expected[a - first]! ? b : a));
  }
  return quietDay(candidates, load, seed);
}

/** One of `days` picked by the seed, weighted as Anki's load balancer weighs load, `(1 / reviews)^2.15` and 1 for an empty day. */
function quietDay(days: readonly number[], load: DayLoad, seed: number): number {
  const weights = days.map((day) => {
    const reviews = load(day);
    return reviews <= 0 ? 1 : Math.pow(1 / reviews, 2.15);
  });
  let pick = seed * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < days.length; i++) {
    pick -= weights[i]!;
    if (pick < 0) return days[i]!;
  }
  return days.at(-1)!;
}

/**
 * How far below the desired retention a card on a short interval may wait in exam mode. At 0.9 a
 * card of 2.3 days' stability may come back on any of days 1–7 instead of all on day 2: the later
 * ones lose a little recall until their review and gain more stability from it (FSRS's gain grows
 * as recall falls), and before an exam only the exam day's recall counts. On the built-in decks
 * studied in one sitting this took the busiest day from 109 reviews to 21 and raised exam-day
 * recall from 98.2 % to 98.5 % with 309 reviews instead of 341 (`npm run simulate`). Letting
 * cards wait down to 0.75 or 0.7 flattened the first weeks further but piled the exam rule's
 * reviews onto the last days (busiest 29 and 35).
 */
export const EXAM_SPREAD_RECALL_DROP = 0.1;
/** …and how far above it a card may come early: the day after today is at about 0.95 for such a card. */
const EXAM_SPREAD_RECALL_RISE = 0.05;

export interface ExamSpreadChoice {
  /** The card's stability after the answer, in days. */
  stability: number;
  curve: ForgettingCurve;
  desiredRetention: number;
  today: number;
  /** The shortest interval the answer may get, a day more than the answer below it. */
  minimum: number;
  exam: Exam;
  /** Fixed per card and answer, in [0, 1), as for the fuzz. */
  seed: number;
  load: DayLoad;
}

/**
 * The day a card on an interval too short for any fuzz (under SHORTEST_FUZZED_INTERVAL, which
 * Anki's load balancer leaves alone too) comes back while an exam lies ahead, or null when there
 * is no choice. A deck studied in one sitting would otherwise come back whole on one day: every
 * card gets the same first interval. Before an exam only the exam day's recall counts, so the
 * card may come back on any day before the exam while its predicted recall stays within
 * EXAM_SPREAD_RECALL_RISE above and EXAM_SPREAD_RECALL_DROP below the desired retention; the
 * seed picks among those days weighted by load as the exam rule does, so quiet days fill first.
 */
export function examSpreadDay(choice: ExamSpreadChoice): number | null {
  const { stability, curve, desiredRetention, today, minimum, exam, seed, load } = choice;
  const days: number[] = [];
  for (let day = today + 1; day < exam.day; day++) {
    const recall = recallAfter(curve, day - today, stability);
    if (recall < desiredRetention - EXAM_SPREAD_RECALL_DROP) break;
    if (recall <= desiredRetention + EXAM_SPREAD_RECALL_RISE && day - today >= minimum) days.push(day);
  }
  return days.length < 2 ? null : quietDay(days, load, seed);
}
