import { CardState, type Card, type Review } from '../../collection/model';
import { dayStartOf, learnerDay, type DayRules } from '../../scheduling/day';
import { movedHome } from '../../scheduling/filtered';

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
  flags: number;
  data: string;
}

/**
 * The collection's creation moment (col.crt): the start of the learner's day on which the
 * earliest review card is due (at home, for one in a filtered deck), so no due day is negative
 * and Anki's day numbers fall on the learner's days (their zone and the hour their day starts),
 * not on UTC midnights.
 */
export function collectionCreated(cards: Card[], now: number, rules: DayRules): number {
  let earliest = now;
  // A card in a filtered deck is written with its due at home as a day (odue), its due there being a
  // place or a time; that day is never day 0, which Anki reads as "no due at home" (filtered/card.rs).
  for (const card of cards) if (card.state === CardState.Review) earliest = Math.min(earliest, card.homeDue === undefined ? card.due : card.homeDue - DAY);
  return dayStartOf(learnerDay(earliest, rules), rules);
}

/** Turns a Kioku card into Anki's columns; review dues become days since the collection was created (day precision, as in Anki). */
export function ankiSchedule(card: Card, position: number, createdAt: number, rules: DayRules, now: number): AnkiCardSchedule {
  const learning = card.state === CardState.Learning || card.state === CardState.Relearning;
  const kept = card.anki;
  // Not answered in Kioku since it came from Anki: Anki's own interval, steps and bury kind still hold.
  const untouched = kept !== undefined && kept.reps === card.reps;
  const base = {
    reps: card.reps,
    lapses: card.lapses,
    factor: kept?.factor ?? (card.state === CardState.New ? 0 : 2500),
    flags: card.flag ?? 0,
    // Anki's `left` packs steps left today and in total; one step keeps a (re)learning card in its queue.
    left: untouched ? kept.left : learning ? 1001 : 0,
    data: card.state === CardState.New && !kept ? '' : JSON.stringify({ ...kept?.data, ...(card.state === CardState.New ? {} : memoryData(card)) }),
  };
  // rslib/src/card/mod.rs CardQueue: SchedBuried = -2 (by an answer on a sibling), UserBuried = -3.
  const keptBury = untouched && (kept.queue === -2 || kept.queue === -3) ? kept.queue : -3;
  const buried = card.buriedBy === 'sibling' ? -2 : card.buriedBy === 'learner' ? -3 : keptBury;
  // A bury that has lapsed is left in the card until it is next shown; Anki would hide the card for another day.
  const queueFor = (queue: number) => (card.suspended ? -1 : card.buriedUntil !== null && card.buriedUntil > now ? buried : queue);
  const interval = (fallback: number) => (untouched ? kept.ivl : fallback);
  switch (card.state) {
    case CardState.New:
      return { ...base, type: 0, queue: queueFor(0), due: untouched ? kept.position : position, ivl: 0 };
    case CardState.Review:
      return { ...base, type: 2, queue: queueFor(2), due: learnerDay(card.due, rules) - learnerDay(createdAt, rules), ivl: interval(Math.max(1, Math.round(card.scheduledDays))) };
    default:
      return {
        ...base,
        type: card.state === CardState.Learning ? 1 : 3,
        queue: queueFor(1),
        due: Math.floor(card.due / 1000),
        ivl: interval(card.state === CardState.Relearning ? Math.max(1, Math.round(card.scheduledDays)) : 0),
      };
  }
}

/** Where Anki's filtered decks start counting a card's place in their order (scheduler/filtered/mod.rs). */
export const FILTERED_ORDER_START = -100_000;

/**
 * A card in a filtered deck as Anki keeps it (rslib scheduler/filtered/card.rs): odue holds its due
 * at home; a card not yet answered there has its place in the deck's order as due, and sits in the
 * review queue when the deck does not reschedule. A card already answered there keeps the due it
 * got: a rescheduling deck gave it a new schedule (Anki then clears odue, as Kioku clears its home
 * due), a preview deck's Again or Hard brings it back at a time (Anki's preview-repeat queue, 4).
 */
export function ankiFilteredSchedule(card: Card, reschedule: boolean, position: number, createdAt: number, rules: DayRules, now: number): AnkiCardSchedule & { odue: number } {
  const here = ankiSchedule(card, position, createdAt, rules, now);
  if (card.homeDue === undefined) return { ...here, odue: 0 };
  const home = ankiSchedule(movedHome(card), position, createdAt, rules, now);
  const waiting = here.queue >= 0;
  if (!reschedule && card.due > now && (card.state === CardState.New || card.state === CardState.Review)) {
    return { ...here, queue: waiting ? 4 : here.queue, due: Math.floor(card.due / 1000), odue: home.due };
  }
  return {
    ...here,
    queue: waiting && !reschedule ? 2 : here.queue,
    due: home.due > 0 ? FILTERED_ORDER_START + (card.filteredPosition ?? 0) : here.due,
    odue: home.due,
  };
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

/** Anki's review log: positive intervals are days, negative ones seconds (learning steps). An entry from Anki goes back as it was. */
export function ankiRevlog(review: Review): AnkiRevlogEntry {
  if (review.anki) return { ease: review.anki.ease, ivl: review.anki.ivl, type: review.anki.type };
  const wait = review.dueAfter - review.time;
  const ivl = review.stateAfter === CardState.Review ? Math.max(1, Math.round(wait / DAY)) : -Math.max(1, Math.round(wait / 1000));
  const type = review.stateBefore === CardState.Review ? 1 : review.stateBefore === CardState.Relearning ? 2 : 0;
  return { ease: review.rating, ivl, type };
}
