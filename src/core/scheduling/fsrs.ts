import { fsrs, State, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';
import { Rating, type CardState, type Schedule } from '../collection/model';
import { learnerDay, type DayRules } from './day';
import { dueBeforeExam } from './exam';
import type { DeckOptions } from './options';

/** The one place where the model's Schedule (ms timestamps) meets ts-fsrs's Card (Dates). */
export function toFsrsCard(schedule: Schedule): FsrsCard {
  return {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: schedule.state as State,
    last_review: schedule.lastReview === null ? undefined : new Date(schedule.lastReview),
  };
}

export function fromFsrsCard(card: FsrsCard): Schedule {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardState,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

const schedulers = new Map<string, FSRS>();

function schedulerFor(options: DeckOptions): FSRS {
  const params = {
    request_retention: options.desiredRetention,
    maximum_interval: options.maximumIntervalDays,
    enable_fuzz: options.fuzz,
    enable_short_term: true,
    learning_steps: options.learningSteps,
    relearning_steps: options.relearningSteps,
  };
  const key = JSON.stringify(params);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs(params);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

export function isRating(value: unknown): value is Rating {
  return value === Rating.Again || value === Rating.Hard || value === Rating.Good || value === Rating.Easy;
}

/** A card's schedule after an answer, with the exam date applied. */
export function scheduleAfter(
  cardId: string,
  schedule: Schedule,
  rating: Rating,
  now: number,
  options: DeckOptions,
  rules: DayRules,
): Schedule {
  if (!isRating(rating)) throw new Error(`Rating must be 1 (Again) to 4 (Easy), got ${String(rating)}`);
  const next = fromFsrsCard(schedulerFor(options).next(toFsrsCard(schedule), now, rating as number as Grade).card);
  const examDue = dueBeforeExam(cardId, now, next.due, options.examDate, rules);
  if (examDue === null) return next;
  return { ...next, due: examDue, scheduledDays: learnerDay(examDue, rules) - learnerDay(now, rules) };
}

export interface AnswerOutcome {
  rating: Rating;
  schedule: Schedule;
  /** Wait until the card comes back, for the label on the answer button. */
  intervalMs: number;
}

/** What each answer button would do, Again to Easy; the same numbers `answer` will store. */
export function preview(
  card: Schedule & { id: string },
  now: number,
  options: DeckOptions,
  rules: DayRules,
): AnswerOutcome[] {
  return [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].map((rating) => {
    const schedule = scheduleAfter(card.id, card, rating, now, options, rules);
    return { rating, schedule, intervalMs: Math.max(0, schedule.due - now) };
  });
}

/** Chance the learner still remembers the card now (1 for new cards, which have nothing to forget). */
export function retrievability(schedule: Schedule, now: number, options: DeckOptions): number {
  if (schedule.lastReview === null || schedule.stability <= 0) return 1;
  return schedulerFor(options).get_retrievability(toFsrsCard(schedule), now, false);
}

