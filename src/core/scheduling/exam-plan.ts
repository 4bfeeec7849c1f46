import { CardState, type Card } from '../collection/model';
import { memoryModelFor } from '../readiness/projection/memoryModel';
import { dayStartOf, learnerDay, type DayRules } from './day';
import { examReviewDay, type Exam } from './exam';
import { fuzzSeed } from './fsrs';
import type { DayLoad } from './load-balance';

/** A card the plan moves, and the due time it moves to. */
export interface PlannedMove {
  cardId: string;
  due: number;
}

/**
 * The day FSRS brings a review card back without any exam: its last review's day plus the
 * interval it was given. The exam rule moves `due` only, so this survives any number of re-plans.
 */
export function normalDueDay(card: Pick<Card, 'lastReview' | 'scheduledDays' | 'due'>, rules: DayRules): number {
  if (card.lastReview === null) return learnerDay(card.due, rules);
  return learnerDay(card.lastReview, rules) + card.scheduledDays;
}

export interface ExamPlanInput {
  cards: readonly Card[];
  now: number;
  rules: DayRules;
  /** Null when the exam date was removed: every card goes back to its normal day. */
  exam: Exam | null;
  reviewsPerDay: number;
  /** The deck's FSRS parameters, as its scheduler uses them; FSRS-6's defaults when unset. */
  parameters?: readonly number[];
}

export interface ExamPlan {
  moves: PlannedMove[];
  /** Cards the exam brings back before the exam day, earlier than FSRS alone would. */
  beforeExam: number;
}

/**
 * Where setting, moving or removing an exam date sends each review card: the exam rule's day
 * when a review before the exam matters for the target, else the day FSRS gave it. Cards
 * already due (today or overdue) stay, and none is moved later than its normal day. Cards the
 * exam leaves alone are placed first, then the
 * ones it brings forward, each into the running load, so they fill the quiet days.
 */
export function planExamReviews(input: ExamPlanInput): ExamPlan {
  const { now, rules, exam } = input;
  const today = learnerDay(now, rules);
  const model = memoryModelFor(input.parameters);
  const placed = new Map<number, number>();
  const load: DayLoad = (day) => placed.get(day) ?? 0;
  const place = (day: number) => placed.set(day, load(day) + 1);
  const moves: PlannedMove[] = [];
  const move = (card: Card, day: number) => {
    place(day);
    if (day !== learnerDay(card.due, rules)) moves.push({ cardId: card.id, due: dayStartOf(day, rules) });
  };
  const pending = input.cards.filter(
    (card) => card.state === CardState.Review && !card.suspended && card.lastReview !== null && learnerDay(card.due, rules) > today,
  );
  const choice = (card: Card, withLoad: boolean) =>
    exam === null
      ? null
      : examReviewDay({
          memory: { stability: card.stability, difficulty: card.difficulty, lastReview: card.lastReview! },
          normalDay: Math.max(normalDueDay(card, rules), today + 1),
          today,
          exam,
          rules,
          seed: fuzzSeed(card.id, card.reps),
          load: withLoad ? load : undefined,
          reviewsPerDay: input.reviewsPerDay,
          model,
        });
  const broughtForward: Card[] = [];
  // A card the exam leaves alone goes back to its normal day if an exam had brought it forward.
  const leave = (card: Card) => move(card, Math.max(normalDueDay(card, rules), learnerDay(card.due, rules)));
  for (const card of pending) {
    if (choice(card, false) === null) leave(card);
    else broughtForward.push(card);
  }
  let beforeExam = 0;
  for (const card of broughtForward) {
    // With the load, every day where the review would pay may be past its fair share: the card stays where FSRS put it.
    const day = choice(card, true);
    if (day === null) leave(card);
    else {
      move(card, day);
      beforeExam++;
    }
  }
  return { moves, beforeExam };
}
