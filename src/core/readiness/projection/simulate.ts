import { CardState, Rating, type Card } from '../../collection/model';
import { dayStartOf, learnerDay, type DayRules } from '../../scheduling/day';
import { retrievability, scheduleAfter } from '../../scheduling/fsrs';
import type { DayLoad } from '../../scheduling/load-balance';
import { resolveDeckOptions, type DeckOptions } from '../../scheduling/options';
import { orderReviews, todayQueue } from '../../scheduling/queue';
import { isStudied } from '../examRecall';
import { DAY_MS, recallAfter } from '../forgettingCurve';
import { memoryModelFor } from './memoryModel';

/** Seconds per answer when the learner has no review history yet. */
export const DEFAULT_SECONDS_PER_REVIEW = 8;

export interface ProjectionInput {
  /** Suspended cards are out of scope, as in the readiness report. */
  cards: readonly Card[];
  /** Any moment of today: the projection starts at the start of the learner's day. */
  now: number;
  examDate: number;
  /** The learner's day rules, which Study schedules by. */
  rules: DayRules;
  /**
   * The deck options Study schedules these cards with (steps, fuzz, review order, exam date and
   * target); the fields below override them, defaults where neither is given.
   */
  options?: Partial<DeckOptions>;
  newCardsPerDay: number;
  /** Review limit per day; Infinity for none. */
  reviewsPerDay: number;
  /** Desired retention, sets the interval after each review (0 < r < 1). */
  desiredRetention: number;
  /** The learner's FSRS parameters (17, 19 or 21 numbers); FSRS-6 defaults when omitted. */
  parameters?: readonly number[];
  maximumIntervalDays?: number;
  /** New cards introduced and reviews done earlier today (the review log's count), which today's limits already spent. */
  doneToday?: { newCards: number; reviews: number };
  secondsPerReview?: number;
}

/** One point of the projection chart. */
export interface ProjectionDay {
  /** Days from today; 0 is today, the last point is the exam itself. */
  day: number;
  /** The moment the point describes (the start of that learner day), ms since the epoch. */
  date: number;
  /** Expected mean recall over the cards in scope at that moment, 0..1, before that day's study. */
  predictedScore: number;
  /** Review cards Study shows that day, after its review limit. */
  reviews: number;
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

/** Learner days with a study session before the exam: today and every later day that starts before the exam moment. */
export function studyDaysUntil(now: number, examDate: number, rules: DayRules): number {
  const today = learnerDay(now, rules);
  let days = 0;
  while (dayStartOf(today + days, rules) < examDate) days++;
  return days;
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

/** Options exactly as Study reads them, with the projection's own limits and retention. */
function studyOptions(input: ProjectionInput): DeckOptions {
  const overrides: Partial<DeckOptions> = {
    newPerDay: input.newCardsPerDay,
    reviewsPerDay: input.reviewsPerDay,
    desiredRetention: input.desiredRetention,
  };
  if (input.parameters) overrides.fsrsParameters = [...input.parameters];
  if (input.maximumIntervalDays !== undefined) overrides.maximumIntervalDays = input.maximumIntervalDays;
  return resolveDeckOptions([input.options ?? {}, overrides]);
}

function isStepping(card: Card): boolean {
  return card.state === CardState.Learning || card.state === CardState.Relearning;
}

/** Review cards by the learner day they are due, kept as answers move them. */
class ReviewDays {
  private readonly days = new Map<number, Set<PlanCard>>();

  add(entry: PlanCard): void {
    if (entry.card.state !== CardState.Review) return;
    const cards = this.days.get(entry.dueDay);
    if (cards) cards.add(entry);
    else this.days.set(entry.dueDay, new Set([entry]));
  }

  remove(entry: PlanCard): void {
    this.days.get(entry.dueDay)?.delete(entry);
  }

  /**
   * The cards due by `day` that Study's order can reach within `limit`. In due order a card due
   * on a later day always comes after one due earlier, so whole days are taken, earliest first,
   * until the limit is covered: a backlog of thousands is not ordered every day for 200 shown.
   */
  shown(day: number, limit: number, order: DeckOptions['reviewOrder']): Card[] {
    const shown: Card[] = [];
    for (const due of [...this.days.keys()].filter((d) => d <= day).sort((a, b) => a - b)) {
      if (order === 'due' && shown.length >= limit) break;
      for (const entry of this.days.get(due)!) shown.push(entry.card);
    }
    return shown;
  }
}

/** A card as the plan carries it: what Study stores, and the learner's expected memory for the score. */
interface PlanCard {
  card: Card;
  /** Expected stability and difficulty, the lapse's chance mixed in; 0 stability while unseen. */
  stability: number;
  difficulty: number;
  lastReview: number;
  /** The learner day `card.due` falls on. */
  dueDay: number;
}

/**
 * The days until the exam as Study will run them: each day's queue is built by Study's own
 * `todayQueue` (learning cards due, reviews in Study's order up to the review limit, new cards up
 * to the new limit, siblings buried), and every answer goes through Study's own `scheduleAfter`
 * with the deck's options — fuzz, load balancing and the exam rule included — answered Good. So
 * each card comes back on the day Study will bring it back when the learner remembers it.
 *
 * The score is an expectation over the learner's answers: a review succeeds with the card's
 * recall r, so the expected stability is the r-weighted mix of FSRS's post-recall and post-lapse
 * values, and a lapse costs one relearning answer more. Sessions start at each day's start, so
 * the projection reads the same at any hour of the day.
 */
export function projectExamScore(input: ProjectionInput): Projection {
  checkInput(input);
  const { rules } = input;
  const options = studyOptions(input);
  const model = memoryModelFor(options.fsrsParameters);
  const curve = model.curve;
  const secondsPerReview = input.secondsPerReview ?? DEFAULT_SECONDS_PER_REVIEW;
  const secondsPerAnswerMs = Math.max(1, Math.round(secondsPerReview * 1000));
  const today = learnerDay(input.now, rules);
  const studyDays = studyDaysUntil(input.now, input.examDate, rules);

  const scope: PlanCard[] = input.cards
    .filter((card) => !card.suspended)
    .map((card) =>
      isStudied(card)
        ? {
            card,
            stability: card.stability,
            difficulty: card.difficulty >= 1 ? Math.min(card.difficulty, 10) : model.firstGoodDifficulty,
            lastReview: card.lastReview,
            dueDay: learnerDay(card.due, rules),
          }
        : { card, stability: 0, difficulty: 0, lastReview: 0, dueDay: learnerDay(card.due, rules) },
    );
  const total = scope.length;
  const byId = new Map(scope.map((entry) => [entry.card.id, entry]));
  const byNote = new Map<string, PlanCard[]>();
  for (const entry of scope) byNote.set(entry.card.noteId, [...(byNote.get(entry.card.noteId) ?? []), entry]);

  // The review load per day, as Study's ReviewLoad counts it, kept up to date by every answer.
  const perDay = new Map<number, number>();
  const load: DayLoad = (day) => perDay.get(day) ?? 0;
  const count = (card: Card, by: number) => {
    if (card.state !== CardState.Review) return;
    const day = learnerDay(card.due, rules);
    perDay.set(day, Math.max(0, load(day) + by));
  };
  for (const entry of scope) count(entry.card, 1);

  const scoreAt = (time: number): number => {
    if (total === 0) return 0;
    let sum = 0;
    for (const entry of scope) if (entry.stability > 0) sum += recallAfter(curve, (time - entry.lastReview) / DAY_MS, entry.stability);
    return sum / total;
  };

  const reviewDays = new ReviewDays();
  for (const entry of scope) reviewDays.add(entry);
  /** Cards in learning or relearning steps, whatever day they are due. */
  const stepping = new Set(scope.map((entry) => entry.card).filter(isStepping));
  const unseen = scope
    .filter((entry) => entry.card.state === CardState.New)
    .map((entry) => entry.card)
    .sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1));
  const days: ProjectionDay[] = [];
  let studyMinutes = 0;
  for (let offset = 0; offset < studyDays; offset++) {
    const day = today + offset;
    const dayStart = dayStartOf(day, rules);
    const dayEnd = dayStartOf(day + 1, rules);
    const predictedScore = scoreAt(dayStart);
    const done = offset === 0 ? (input.doneToday ?? { newCards: 0, reviews: 0 }) : { newCards: 0, reviews: 0 };
    let newLeft = Math.max(0, Math.floor(options.newPerDay) - done.newCards);
    let reviewsLeft = Math.max(0, options.reviewsPerDay - done.reviews);
    const buried = new Set<string>();
    const firstShown = (cards: readonly Card[], from: number) => {
      let i = from;
      while (i < cards.length && buried.has(cards[i]!.id)) i++;
      return i;
    };
    let learning = [...stepping].filter((card) => card.due < dayEnd);
    const reviews = orderReviews(reviewDays.shown(day, reviewsLeft, options.reviewOrder), dayStart, rules, options.reviewOrder, (card) =>
      retrievability(card, dayStart, options),
    );
    let nextReview = 0;
    let reviewed = 0;
    let introduced = 0;
    let answers = 0;
    let at = dayStart;
    for (;;) {
      nextReview = firstShown(reviews, nextReview);
      const nextNew = firstShown(unseen, 0);
      const [next] = todayQueue({
        learning,
        reviews: reviews.slice(nextReview, nextReview + 1),
        newCards: unseen.slice(nextNew, nextNew + 1),
        newLeft,
        reviewsLeft,
        now: at,
        rules,
        order: options.reviewOrder,
        retrievability: (card) => retrievability(card, at, options),
      });
      if (!next) {
        // Nothing to show now: wait for the next learning step today, as the learner would.
        const waiting = learning.reduce<Card | undefined>((first, card) => (first === undefined || card.due < first.due ? card : first), undefined);
        if (!waiting || waiting.due <= at) break;
        at = waiting.due;
        continue;
      }
      const entry = byId.get(next.id)!;
      const before = entry.card;
      const after: Card = { ...before, ...scheduleAfter(before.id, before, Rating.Good, at, options, rules, load) };
      count(before, -1);
      count(after, 1);
      reviewDays.remove(entry);
      entry.card = after;
      entry.dueDay = learnerDay(after.due, rules);
      reviewDays.add(entry);
      stepping.delete(before);
      if (isStepping(after)) stepping.add(after);
      answers += 1;
      if (before.state === CardState.New) {
        unseen.splice(nextNew, 1);
        newLeft--;
        introduced++;
      } else if (before.state === CardState.Review) {
        nextReview++;
        reviewsLeft--;
        reviewed++;
        // A lapse's chance: the expected memory mixes Good and Again, and relearning takes an answer more.
        const r = recallAfter(curve, (at - entry.lastReview) / DAY_MS, entry.stability);
        const s = entry.stability;
        const d = entry.difficulty;
        entry.stability = r * model.stabilityAfterRecall(d, s, r) + (1 - r) * model.stabilityAfterLapse(d, s, r);
        entry.difficulty = r * model.nextDifficulty(d, Rating.Good) + (1 - r) * model.nextDifficulty(d, Rating.Again);
        entry.lastReview = at;
        answers += 1 - r;
      }
      if (before.state !== CardState.Review) {
        entry.stability = after.stability;
        entry.difficulty = after.difficulty;
        entry.lastReview = at;
      }
      learning = learning.filter((card) => card.id !== before.id);
      if (isStepping(after) && after.due < dayEnd) learning.push(after);
      // Study buries the note's other cards until tomorrow, unless they are in the middle of their steps.
      for (const sibling of byNote.get(before.noteId) ?? []) {
        if (sibling.card.id !== before.id && !isStepping(sibling.card)) buried.add(sibling.card.id);
      }
      at += secondsPerAnswerMs;
    }
    const minutes = (answers * secondsPerReview) / 60;
    studyMinutes += minutes;
    days.push({ day: offset, date: dayStart, predictedScore, reviews: reviewed, answers, newCards: introduced, minutes });
  }
  const examScore = scoreAt(Math.max(input.examDate, dayStartOf(today, rules)));
  days.push({ day: studyDays, date: input.examDate, predictedScore: examScore, reviews: 0, answers: 0, newCards: 0, minutes: 0 });
  return { days, examScore, minutesPerDay: studyDays === 0 ? 0 : studyMinutes / studyDays };
}
