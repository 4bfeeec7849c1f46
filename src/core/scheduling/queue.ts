import { CardState, type Card } from '../collection/model';
import { learnerDay, type DayRules } from './day';
import { stableHash } from './hash';
import type { ReviewOrder } from './options';
import { withinLimits, type SessionLimits } from './limits';

/** Learning cards due this soon are shown early when nothing else is left, instead of making the learner wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueInput {
  /** Learning and relearning cards, any due time. */
  learning: Card[];
  /** Review cards due before the end of the learner's day. */
  reviews: Card[];
  /** New cards in the order they were added. */
  newCards: Card[];
  newLeft: number;
  reviewsLeft: number;
  /** Each subdeck's own limit and those above it (Anki v3); without it only newLeft and reviewsLeft apply. */
  limits?: SessionLimits;
  now: number;
  rules: DayRules;
  order: ReviewOrder;
  /** Chance of remembering each card now; used for the lowest-retrievability-first order. */
  retrievability: (card: Card) => number;
}

function tiebreak(card: Card, day: number): number {
  return stableHash(`${card.id}#${day}`);
}

/**
 * Reviews by the day they fell due, oldest first (or by lowest retrievability); cards due the
 * same day in an order shuffled by a hash of card and today, stable all day, new the next day,
 * so the learner does not always meet them in the order they were added.
 */
export function orderReviews(
  reviews: Card[],
  now: number,
  rules: DayRules,
  order: ReviewOrder,
  retrievability: (card: Card) => number,
): Card[] {
  const today = learnerDay(now, rules);
  const keyed = reviews.map((card) => ({
    card,
    primary: order === 'retrievability' ? retrievability(card) : learnerDay(card.due, rules),
    tie: tiebreak(card, today),
  }));
  keyed.sort((a, b) => a.primary - b.primary || a.tie - b.tie || (a.card.id < b.card.id ? -1 : 1));
  return keyed.map((entry) => entry.card);
}

function isShowable(card: Card, now: number): boolean {
  return !card.suspended && (card.buriedUntil === null || card.buriedUntil <= now);
}

/**
 * Today's cards in the order they are shown: learning cards due now, then reviews due today
 * (up to the review limit), then new cards (up to the new limit), then learning cards due
 * within the learn-ahead time. Suspended and buried cards never appear.
 */
export function todayQueue(input: QueueInput): Card[] {
  const { now } = input;
  const learning = input.learning
    .filter((card) => (card.state === CardState.Learning || card.state === CardState.Relearning) && isShowable(card, now))
    .sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1));
  const dueNow = learning.filter((card) => card.due <= now);
  const soon = learning.filter((card) => card.due > now && card.due <= now + LEARN_AHEAD_MS);
  const reviews = orderReviews(
    input.reviews.filter((card) => card.state === CardState.Review && isShowable(card, now)),
    now,
    input.rules,
    input.order,
    input.retrievability,
  );
  const newCards = input.newCards.filter((card) => card.state === CardState.New && isShowable(card, now));
  const limited = (cards: Card[], left: number, kind: 'newCards' | 'reviews') =>
    (input.limits ? withinLimits(cards, input.limits, kind) : cards).slice(0, Math.max(0, left));
  return [...dueNow, ...limited(reviews, input.reviewsLeft, 'reviews'), ...limited(newCards, input.newLeft, 'newCards'), ...soon];
}

