import { CardState, type Card, type Review } from '../../collection/model';
import { dayStartOf, learnerDay, type DayRules } from '../../scheduling/day';

const DAY = 86_400_000;

/** Without the learner's rules, days are counted in UTC from midnight, as before they were known. */
export const UTC_DAYS: DayRules = { zone: 'UTC', dayStartHour: 0 };

export interface AnkiCardSchedule {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

/**
 * The collection's creation moment (col.crt): the start of the learner's day on which the
 * earliest review card is due, so no due day is negative and Anki's day numbers fall on the
 * learner's days (their zone and the hour their day starts), not on UTC midnights.
 */
export function collectionCreated(cards: Card[], now: number, rules: DayRules): number {
  let earliest = now;
  for (const card of cards) if (card.state === CardState.Review) earliest = Math.min(earliest, card.due);
  return dayStartOf(learnerDay(earliest, rules), rules);
}

/** Turns a Kioku card into Anki's columns; review dues become days since the collection was created (day precision, as in Anki). */
export function ankiSchedule(card: Card, position: number, createdAt: number, rules: DayRules): AnkiCardSchedule {
  const learning = card.state === CardState.Learning || card.state === CardState.Relearning;
  const base = {
    reps: card.reps,
    lapses: card.lapses,
    factor: card.state === CardState.New ? 0 : 2500,
    // Anki's `left` packs steps left today and in total; one step keeps a (re)learning card in its queue.
    left: learning ? 1001 : 0,
    data: card.state === CardState.New ? '' : JSON.stringify(memoryData(card)),
  };
  const queueFor = (queue: number) => (card.suspended ? -1 : card.buriedUntil !== null ? -3 : queue);
  switch (card.state) {
    case CardState.New:
      return { ...base, type: 0, queue: queueFor(0), due: position, ivl: 0 };
    case CardState.Review:
      return { ...base, type: 2, queue: queueFor(2), due: learnerDay(card.due, rules) - learnerDay(createdAt, rules), ivl: Math.max(1, Math.round(card.scheduledDays)) };
    default:
      return {
        ...base,
        type: card.state === CardState.Learning ? 1 : 3,
        queue: queueFor(1),
        due: Math.floor(card.due / 1000),
        ivl: card.state === CardState.Relearning ? Math.max(1, Math.round(card.scheduledDays)) : 0,
      };
  }
}

/** Anki 23.10+ reads FSRS memory state from cards.data; older versions ignore the column. */
function memoryData(card: Card) {
  const data: { s: number; d: number; lrt?: number } = { s: card.stability, d: card.difficulty };
  if (card.lastReview !== null) data.lrt = Math.floor(card.lastReview / 1000);
  return data;
}

export interface AnkiRevlogEntry {
  ease: number;
  ivl: number;
  type: number;
}

/** Anki's review log: positive intervals are days, negative ones seconds (learning steps). */
export function ankiRevlog(review: Review): AnkiRevlogEntry {
  const wait = review.dueAfter - review.time;
  const ivl = review.stateAfter === CardState.Review ? Math.max(1, Math.round(wait / DAY)) : -Math.max(1, Math.round(wait / 1000));
  const type = review.stateBefore === CardState.Review ? 1 : review.stateBefore === CardState.Relearning ? 2 : 0;
  return { ease: review.rating, ivl, type };
}
