import { default_learning_steps } from 'ts-fsrs';
import { Rating, type Card } from '../../collection/model';
import { isStudied } from '../examRecall';
import { DAY_MS, daysUntilRecall, recallAfter } from '../forgettingCurve';
import { MemoryModel } from './memoryModel';

/** Seconds per answer when the learner has no review history yet. */
export const DEFAULT_SECONDS_PER_REVIEW = 8;

/** Answers a new card takes on its first day: one per learning step, answered Good. */
const ANSWERS_PER_NEW_CARD = Math.max(1, default_learning_steps.length);

export interface ProjectionInput {
  /** Suspended cards are out of scope, as in the readiness report. */
  cards: readonly Card[];
  now: number;
  examDate: number;
  newCardsPerDay: number;
  /** Review limit per day; Infinity for none. */
  reviewsPerDay: number;
  /** Desired retention, sets the interval after each review (0 < r < 1). */
  desiredRetention: number;
  /** The learner's FSRS parameters (17, 19 or 21 numbers); FSRS-6 defaults when omitted. */
  parameters?: readonly number[];
  maximumIntervalDays?: number;
  secondsPerReview?: number;
}

/** One point of the projection chart. */
export interface ProjectionDay {
  /** Days from today; 0 is today, the last point is the exam itself. */
  day: number;
  /** The moment the point describes, ms since the epoch. */
  date: number;
  /** Expected mean recall over the cards in scope at that moment, 0..1, before that day's study. */
  predictedScore: number;
  /** Expected answers that day (reviews, relearning after lapses, learning steps of new cards). */
  answers: number;
  newCards: number;
  minutes: number;
}

export interface Projection {
  days: ProjectionDay[];
  /** The predicted score at the exam: the last point. */
  examScore: number;
  /** Mean study time over the days before the exam. */
  minutesPerDay: number;
}

/** Days with a study session before the exam: today and every later day that starts before the exam moment. */
export function studyDaysUntil(now: number, examDate: number): number {
  const daysToExam = (examDate - now) / DAY_MS;
  return daysToExam > 0 ? Math.ceil(daysToExam) : 0;
}

function checkInput(input: ProjectionInput): void {
  const fail = (what: string, value: number): never => {
    throw new Error(`projection: ${what}, got ${value}`);
  };
  if (!Number.isFinite(input.now)) fail('now must be a time in ms', input.now);
  if (!Number.isFinite(input.examDate)) fail('examDate must be a time in ms', input.examDate);
  if (!(input.newCardsPerDay >= 0)) fail('newCardsPerDay must be 0 or more', input.newCardsPerDay);
  if (!(input.reviewsPerDay >= 0)) fail('reviewsPerDay must be 0 or more', input.reviewsPerDay);
  if (input.maximumIntervalDays !== undefined && !(input.maximumIntervalDays >= 1)) {
    fail('maximumIntervalDays must be 1 or more', input.maximumIntervalDays);
  }
  if (!(input.desiredRetention > 0 && input.desiredRetention < 1)) {
    fail('desiredRetention must be between 0 and 1', input.desiredRetention);
  }
}

/**
 * Expected-value simulation of the days until the exam. Each card carries its expected
 * memory state: a due review succeeds with the card's recall r, so its stability and
 * difficulty become the r-weighted mix of FSRS's post-recall (Good) and post-lapse (Again)
 * values. New cards enter at the daily limit with the stability of a first Good answer.
 * Reviews happen at the start of each day, most overdue first up to the limit.
 * Cards are held in typed arrays so 50,000 cards over two months stay well under a second.
 */
export function projectExamScore(input: ProjectionInput): Projection {
  checkInput(input);
  const model = new MemoryModel(input.parameters);
  const curve = model.curve;
  const maxInterval = input.maximumIntervalDays ?? 36_500;
  const secondsPerReview = input.secondsPerReview ?? DEFAULT_SECONDS_PER_REVIEW;
  const daysToExam = (input.examDate - input.now) / DAY_MS;
  const studyDays = studyDaysUntil(input.now, input.examDate);

  const scope = input.cards.filter((c) => !c.suspended);
  const total = scope.length;
  const stability = new Float64Array(total);
  const difficulty = new Float64Array(total);
  const last = new Float64Array(total);
  const due = new Float64Array(total);
  let active = 0;
  let unseen = 0;
  for (const card of scope) {
    if (!isStudied(card)) {
      unseen++;
      continue;
    }
    stability[active] = card.stability;
    difficulty[active] = card.difficulty >= 1 ? Math.min(card.difficulty, 10) : model.firstGoodDifficulty;
    last[active] = (card.lastReview - input.now) / DAY_MS;
    due[active] = (card.due - input.now) / DAY_MS;
    active++;
  }
  const interval = (s: number): number =>
    Math.min(maxInterval, Math.max(1, Math.round(daysUntilRecall(curve, input.desiredRetention, s))));

  const scoreAt = (time: number): number => {
    if (total === 0) return 0;
    let sum = 0;
    for (let i = 0; i < active; i++) sum += recallAfter(curve, time - last[i]!, stability[i]!);
    return sum / total;
  };

  const dueToday = new Int32Array(total);
  const days: ProjectionDay[] = [];
  let studyMinutes = 0;
  for (let day = 0; day < studyDays; day++) {
    const predictedScore = scoreAt(day);
    let dueCount = 0;
    for (let i = 0; i < active; i++) if (due[i]! < day + 1) dueToday[dueCount++] = i;
    let chosen = dueToday.subarray(0, dueCount);
    if (dueCount > input.reviewsPerDay) {
      chosen = chosen.sort((a, b) => due[a]! - due[b]!).subarray(0, Math.floor(input.reviewsPerDay));
    }
    let answers = 0;
    for (const i of chosen) {
      const s = stability[i]!;
      const d = difficulty[i]!;
      const r = recallAfter(curve, day - last[i]!, s);
      const nextS = r * model.stabilityAfterRecall(d, s, r) + (1 - r) * model.stabilityAfterLapse(d, s, r);
      stability[i] = nextS;
      difficulty[i] = r * model.nextDifficulty(d, Rating.Good) + (1 - r) * model.nextDifficulty(d, Rating.Again);
      last[i] = day;
      due[i] = day + interval(nextS);
      // One answer, plus a relearning answer when it lapses.
      answers += 2 - r;
    }
    const newCards = Math.min(Math.floor(input.newCardsPerDay), unseen);
    unseen -= newCards;
    for (let n = 0; n < newCards; n++) {
      stability[active] = model.firstGoodStability;
      difficulty[active] = model.firstGoodDifficulty;
      last[active] = day;
      due[active] = day + interval(model.firstGoodStability);
      active++;
    }
    answers += newCards * ANSWERS_PER_NEW_CARD;
    const minutes = (answers * secondsPerReview) / 60;
    studyMinutes += minutes;
    days.push({ day, date: input.now + day * DAY_MS, predictedScore, answers, newCards, minutes });
  }
  const examScore = scoreAt(Math.max(daysToExam, 0));
  days.push({ day: studyDays, date: input.examDate, predictedScore: examScore, answers: 0, newCards: 0, minutes: 0 });
  return { days, examScore, minutesPerDay: studyDays === 0 ? 0 : studyMinutes / studyDays };
}
