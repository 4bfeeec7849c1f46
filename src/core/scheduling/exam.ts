import type { MemoryModel } from '../readiness/projection/memoryModel';
import { recallAfter, type ForgettingCurve } from '../readiness/forgettingCurve';
import { calendarDay, learnerDay, type DayRules } from './day';
import type { DayLoad } from './load-balance';

/** Below this gain in predicted exam-day recall a review before the exam is not worth the learner's time. */
export const MIN_EXAM_GAIN = 0.02;

/**
 * A card already predicted at the exam target comes back early only for a larger gain. At 0.04
 * instead, the built-in decks studied in one sitting ended 0.6 points below the rule Kioku had
 * before exam mode once their exam reviews were spread (98.0 % against 98.6 %); at 0.03 they end
 * at 98.2 % with about 40 reviews more than without an exam (the old rule: 158), and 2,000 cards with
 * 299 more (the old rule: 866) (`npm run simulate`).
 */
export const MIN_EXAM_GAIN_AT_TARGET = 0.03;

/**
 * A day is a candidate when its review gives at least this share of the best day's gain. At 0.8
 * the built-in decks' exam reviews crowded onto the last week: over 18 simulated learners the
 * busiest day was 1.53 times the mean day on average and up to 2.02; at 0.6 it is 1.44 and at
 * most 1.56, for 0.1 points of exam-day recall.
 */
const SHARE_OF_BEST_GAIN = 0.6;

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
/**
 * A small collection's typical day is a handful of reviews, so a day also stays open while it is
 * under FAIR_SHARE times the mean day from tomorrow to the eve (this review counted), up to this
 * share of the review limit. Pulled-in reviews then fill the days around the loaded ones instead
 * of stacking on the last days: on the built-in decks studied in one sitting the busiest day went
 * from 22 reviews to 15 against a mean day of 10.3 (`npm run simulate`).
 */
const ALWAYS_OPEN_SHARE_OF_LIMIT = 0.2;
const FAIR_SHARE = 1.25;
/**
 * The last days before the exam are the only ones a card answered in the last week can come back
 * on, so while the exam is further than KEPT_FROM_DAYS away a small collection's exam reviews
 * leave its last KEPT_LAST_DAYS to them. Without it those cards piled onto the last days (busiest
 * 18–21 against a mean day of 10.2–10.5); keeping three days cost 0.5 points of exam-day recall.
 */
const KEPT_LAST_DAYS = 2;
const KEPT_FROM_DAYS = 7;

/** The load under which one of `days` is at most its fair share: FAIR_SHARE times their mean, one review more counted. */
function fairShare(load: DayLoad, days: readonly number[]): number {
  let reviews = 1;
  for (const day of days) reviews += load(day);
  return (FAIR_SHARE * reviews) / days.length;
}

function daysFrom(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The least loaded of `days`; of equally loaded ones the first. */
function leastLoaded(days: readonly number[], load: DayLoad): number {
  return days.reduce((a, b) => (load(b) < load(a) ? b : a));
}

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
 * to count. The least loaded of those with room is taken, so cards answered together share them
 * out evenly. When they are all full, the card takes the open day that gives the most exam-day
 * recall among those that still reach the target or still pay: the work then fills the weeks
 * before the exam day by day, back from its end, instead of piling onto its eve. When none is
 * open, a small collection still takes the quietest paying day while the exam is more than a week
 * away; a large one leaves the card where FSRS put it. The exam day itself never is a candidate:
 * the exam begins at its start.
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
  const pays = (recall: number) => recall >= reach || recall - alone >= worth;
  const lastKept = today < exam.day - KEPT_FROM_DAYS ? last - KEPT_LAST_DAYS : last;
  const payingKept = days((recall, day) => pays(recall) && day <= lastKept);
  const smallDay = Math.min(fairShare(load, daysFrom(first, last)), ALWAYS_OPEN_SHARE_OF_LIMIT * limit);
  const hasRoom = (day: number) => {
    const reviews = load(day);
    return reviews < limit && (reviews <= typical || (reviews < smallDay && day <= lastKept));
  };
  const candidates = days((recall, day) => recall >= enough && hasRoom(day));
  if (candidates.length === 0) {
    const open = days((recall, day) => pays(recall) && hasRoom(day));
    if (open.length > 0) return open.reduce((a, b) => (expected[b - first]! > expected[a - first]! ? b : a));
    // A small collection is far under its limits: while the exam is more than a week away its
    // cards still come, to the quietest day that pays, and only a large one leaves them be.
    const small = smallDay < ALWAYS_OPEN_SHARE_OF_LIMIT * limit;
    return small && lastKept < last && payingKept.length > 0 ? leastLoaded(payingKept, load) : null;
  }
  return leastLoaded(candidates, load);
}

/**
 * How far below the desired retention a card on a short interval may wait in exam mode. At 0.9 a
 * card of 2.3 days' stability may come back on any of days 1–7 instead of all on day 2: the later
 * ones lose a little recall until their review and gain more stability from it (FSRS's gain grows
 * as recall falls), and before an exam only the exam day's recall counts. On the built-in decks
 * studied in one sitting this took the busiest day from 109 reviews to 21 and raised exam-day
 * recall from 98.2 % to 98.5 % with 309 reviews instead of 341 (`npm run simulate`). Letting
 * cards wait down to 0.75 or 0.7 flattened the first weeks further but piled the exam rule's
 * reviews onto the last days (busiest 29 and 35) while the exam rule let any day take them.
 */
export const EXAM_SPREAD_RECALL_DROP = 0.1;
/**
 * …and how far below when every day within EXAM_SPREAD_RECALL_DROP is past its fair share: 109
 * cards over one week still made 16–21 reviews a day against a mean day of 10 over the weeks to
 * the exam; over the days down to 0.75 they make 10–12.
 */
const EXAM_SPREAD_BUSY_RECALL_DROP = 0.15;
/** …and how far above it a card may come early: the day after today is at about 0.95 for such a card. */
const EXAM_SPREAD_RECALL_RISE = 0.05;
/**
 * Days within this factor of the quietest one count as quiet, and the first of them, nearest
 * FSRS's own day, is taken. Always the quietest instead sent 2,000 cards' first reviews to the
 * week's end and piled the last days (busiest 128 against a mean day of 84).
 */
const NEARLY_QUIETEST = 1.1;

export interface ExamSpreadChoice {
  /** The card's stability after the answer, in days. */
  stability: number;
  curve: ForgettingCurve;
  desiredRetention: number;
  today: number;
  /** The shortest interval the answer may get, a day more than the answer below it. */
  minimum: number;
  exam: Exam;
  load: DayLoad;
}

/**
 * The day a card on an interval too short for any fuzz (under SHORTEST_FUZZED_INTERVAL, which
 * Anki's load balancer leaves alone too) comes back while an exam lies ahead, or null when there
 * is no choice. A deck studied in one sitting would otherwise come back whole on one day: every
 * card gets the same first interval. Before an exam only the exam day's recall counts, so the
 * card may come back on any day before the exam while its predicted recall stays within
 * EXAM_SPREAD_RECALL_RISE above and EXAM_SPREAD_RECALL_DROP below the desired retention: the
 * first of those days nearly as quiet as the quietest, among those under their fair share. When
 * every one of them is past it, the card may wait down to EXAM_SPREAD_BUSY_RECALL_DROP, on the
 * quietest day.
 */
export function examSpreadDay(choice: ExamSpreadChoice): number | null {
  const { stability, curve, desiredRetention, today, minimum, exam, load } = choice;
  const band: number[] = [];
  const wider: number[] = [];
  for (let day = today + 1; day < exam.day; day++) {
    const recall = recallAfter(curve, day - today, stability);
    if (recall < desiredRetention - EXAM_SPREAD_BUSY_RECALL_DROP) break;
    if (recall > desiredRetention + EXAM_SPREAD_RECALL_RISE || day - today < minimum) continue;
    (recall >= desiredRetention - EXAM_SPREAD_RECALL_DROP ? band : wider).push(day);
  }
  if (band.length < 2) return null;
  const level = fairShare(load, daysFrom(today + 1, exam.day - 1));
  const openBand = band.filter((day) => load(day) < level);
  if (openBand.length > 0) {
    const quietest = Math.min(...openBand.map(load));
    return openBand.find((day) => load(day) <= quietest * NEARLY_QUIETEST)!;
  }
  const openWider = wider.filter((day) => load(day) < level);
  return leastLoaded(openWider.length > 0 ? openWider : [...band, ...wider], load);
}
