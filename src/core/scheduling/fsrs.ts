import { fsrs, State, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';
import { CardState, Rating, type Schedule } from '../collection/model';
import { DAY, dayStartOf, learnerDay, type DayRules } from './day';
import { memoryModelFor } from '../readiness/projection/memoryModel';
import { examOf, examReviewDay, examSpreadDay } from './exam';
import { stableHash } from './hash';
import { fuzzedInterval, SHORTEST_FUZZED_INTERVAL, type DayLoad } from './load-balance';
import { DEFAULT_EXAM_TARGET, type DeckOptions } from './options';
import { DEFAULT_FSRS_PARAMETERS } from './parameters';

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
/** The same options object asks again on every answer of a session or plan; its key is worked out once. */
const schedulerOf = new WeakMap<DeckOptions, FSRS>();

/** ts-fsrs without its own fuzz: the fuzz is applied here, seeded per card and answer, and may balance the load. */
function schedulerFor(options: DeckOptions): FSRS {
  const known = schedulerOf.get(options);
  if (known) return known;
  const params = {
    request_retention: options.desiredRetention,
    maximum_interval: options.maximumIntervalDays,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: options.learningSteps,
    relearning_steps: options.relearningSteps,
    w: options.fsrsParameters ?? [...DEFAULT_FSRS_PARAMETERS],
  };
  const key = JSON.stringify(params);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs(params);
    schedulers.set(key, scheduler);
  }
  schedulerOf.set(options, scheduler);
  return scheduler;
}

export function isRating(value: unknown): value is Rating {
  return value === Rating.Again || value === Rating.Hard || value === Rating.Good || value === Rating.Easy;
}

/**
 * A moment on the learner's clock: learner day N becomes UTC date N, at the same time into the day.
 * ts-fsrs counts elapsed days by UTC date (`dateDiffInDays`), so handing it these moments makes it
 * count learner days (zone and "next day starts at"), as Anki does.
 */
function onLearnerClock(time: number, rules: DayRules): number {
  const day = learnerDay(time, rules);
  return day * DAY + Math.min(Math.max(time - dayStartOf(day, rules), 0), DAY - 1);
}

/** The real moment for a moment on the learner's clock: the same time into that learner day. */
function fromLearnerClock(clock: number, rules: DayRules): number {
  const day = Math.floor(clock / DAY);
  const start = dayStartOf(day, rules);
  return Math.min(start + (clock - day * DAY), dayStartOf(day + 1, rules) - 1);
}

/** Fixed per card and answer (card id and repetition count), never by the clock, so the button shows what is stored. */
export function fuzzSeed(cardId: string, reps: number): number {
  return stableHash(`${cardId}#${reps}`) / 0x1_0000_0000;
}

const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;

/**
 * Every answer's schedule for a card, Again to Easy, with learner-day elapsed days, the seeded
 * (and, given a load, balanced) fuzz, Hard < Good < Easy, the maximum interval and the exam rule.
 */
export function answerSchedules(
  cardId: string,
  schedule: Schedule,
  now: number,
  options: DeckOptions,
  rules: DayRules,
  load?: DayLoad,
): Schedule[] {
  const clockNow = onLearnerClock(now, rules);
  const card = toFsrsCard(schedule);
  if (card.last_review) card.last_review = new Date(onLearnerClock(card.last_review.getTime(), rules));
  const outcomes = schedulerFor(options).repeat(card, clockNow);
  const today = learnerDay(now, rules);
  const elapsedDays = schedule.state === CardState.New || schedule.lastReview === null ? 0 : today - learnerDay(schedule.lastReview, rules);
  const seed = fuzzSeed(cardId, schedule.reps);
  const maximumInterval = options.maximumIntervalDays;
  let shortest = 0;
  return RATINGS.map((rating) => {
    const next = outcomes[rating as number as Grade].card;
    const stored: Schedule = { ...fromFsrsCard(next), lastReview: now };
    const wait = next.due.getTime() - clockNow;
    const reviewInterval = next.state === State.Review && next.learning_steps === 0 && wait >= DAY;
    if (!reviewInterval) {
      stored.due = wait < DAY ? now + wait : fromLearnerClock(next.due.getTime(), rules);
      return stored;
    }
    const fuzzed = options.fuzz
      ? (spreadBeforeExam(next, shortest + 1, now, options, rules, load) ??
        fuzzedInterval({ interval: next.scheduled_days, elapsedDays, maximumInterval, minimum: shortest + 1, seed, today, load, easyDays: options.easyDays }))
      : next.scheduled_days;
    // Each longer answer waits at least a day more than the one before it, but never past the maximum interval.
    const days = Math.min(Math.max(fuzzed, shortest + 1), maximumInterval);
    shortest = days;
    stored.scheduledDays = days;
    stored.due = fromLearnerClock(clockNow + days * DAY, rules);
    return withExamDate(stored, now, options, rules, seed, load);
  });
}

/** The interval exam mode gives an answer too short for fuzz (see `examSpreadDay`), or null when it leaves it to the fuzz. */
function spreadBeforeExam(next: FsrsCard, minimum: number, now: number, options: DeckOptions, rules: DayRules, load?: DayLoad): number | null {
  if (!load || next.scheduled_days >= SHORTEST_FUZZED_INTERVAL) return null;
  const exam = examOf(options.examDate, options.examTarget ?? DEFAULT_EXAM_TARGET);
  if (exam === null) return null;
  const today = learnerDay(now, rules);
  const day = examSpreadDay({
    stability: next.stability,
    curve: memoryModelFor(options.fsrsParameters).curve,
    desiredRetention: options.desiredRetention,
    today,
    minimum,
    exam,
    load,
  });
  return day === null ? null : day - today;
}

/**
 * The exam rule on top of FSRS: a card whose review before the exam matters for the target comes
 * back on the day the rule picks, at the same time of day. `scheduledDays` keeps FSRS's interval,
 * which is the card's normal day again when the exam date is moved or removed.
 */
function withExamDate(stored: Schedule, now: number, options: DeckOptions, rules: DayRules, seed: number, load?: DayLoad): Schedule {
  const exam = examOf(options.examDate, options.examTarget ?? DEFAULT_EXAM_TARGET);
  if (exam === null) return stored;
  const today = learnerDay(now, rules);
  const day = examReviewDay({
    memory: { stability: stored.stability, difficulty: stored.difficulty, lastReview: now },
    normalDay: today + stored.scheduledDays,
    today,
    exam,
    rules,
    seed,
    load,
    reviewsPerDay: options.reviewsPerDay,
    model: memoryModelFor(options.fsrsParameters),
  });
  if (day === null) return stored;
  return { ...stored, due: fromLearnerClock(onLearnerClock(now, rules) + (day - today) * DAY, rules) };
}

/** A card's schedule after an answer; exactly what `preview` showed for that answer. */
export function scheduleAfter(
  cardId: string,
  schedule: Schedule,
  rating: Rating,
  now: number,
  options: DeckOptions,
  rules: DayRules,
  load?: DayLoad,
): Schedule {
  if (!isRating(rating)) throw new Error(`Rating must be 1 (Again) to 4 (Easy), got ${String(rating)}`);
  return answerSchedules(cardId, schedule, now, options, rules, load)[rating - 1]!;
}

export interface AnswerOutcome {
  rating: Rating;
  schedule: Schedule;
  /** Wait until the card comes back, for the label on the answer button. */
  intervalMs: number;
  /** The answer ends a preview: the card goes home as it was, with no wait to show (Anki's "(end)"). */
  endsPreview?: true;
}

/** What each answer button would do, Again to Easy; the same numbers `answer` will store. */
export function preview(
  card: Schedule & { id: string },
  now: number,
  options: DeckOptions,
  rules: DayRules,
  load?: DayLoad,
): AnswerOutcome[] {
  return answerSchedules(card.id, card, now, options, rules, load).map((schedule, i) => ({
    rating: RATINGS[i]!,
    schedule,
    intervalMs: Math.max(0, schedule.due - now),
  }));
}

/** Chance the learner still remembers the card now (1 for new cards, which have nothing to forget). */
export function retrievability(schedule: Schedule, now: number, options: DeckOptions): number {
  if (schedule.lastReview === null || schedule.stability <= 0) return 1;
  return schedulerFor(options).get_retrievability(toFsrsCard(schedule), now, false);
}

