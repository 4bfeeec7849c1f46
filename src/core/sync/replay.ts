import { CardState, newSchedule, type AnkiCardExtra, type Card, type Review, type Schedule } from '../collection/model';
import { stableJson } from './records';
import { learnerDay, nextDayStart, type DayRules } from '../scheduling/day';
import { scheduleAfter } from '../scheduling/fsrs';
import type { DeckOptions } from '../scheduling/options';

/**
 * What of a card is last writer wins: where it lives, whether it is suspended or buried by the
 * learner, its flag, (in a filtered deck) the home deck it goes back to with the due it had
 * there, and what a card from Anki keeps for an export. A bury by an answer on a sibling is not
 * here: the replay of the note's reviews gives it.
 */
export interface CardPlace {
  id: string;
  noteId: string;
  template: number;
  deckId: string;
  suspended: boolean;
  /** Anki's flag 1–7; absent when the card has none. */
  flag?: number;
  homeDeckId?: string;
  homeDue?: number;
  filteredPosition?: number;
  /** Set with `buriedBy: 'learner'` while the learner's bury lasts. */
  buriedUntil?: number;
  buriedBy?: 'learner';
  anki?: AnkiCardExtra;
}

/**
 * A card as it syncs: its place, and the schedule it had at `since` — new, imported, or set by
 * a reset — on which every review made after `since` is replayed. Reviews at or before `since`
 * are already in `base`.
 */
export interface CardBase extends CardPlace {
  base: Schedule;
  since: number;
}

/** The card's place, with the optional parts only where the card has them (flag 0 is no flag). */
export function placeOf(card: CardPlace | Card): CardPlace {
  const place: CardPlace = { id: card.id, noteId: card.noteId, template: card.template, deckId: card.deckId, suspended: card.suspended };
  if (card.flag) place.flag = card.flag;
  if (card.homeDeckId !== undefined) place.homeDeckId = card.homeDeckId;
  if (card.homeDue !== undefined) place.homeDue = card.homeDue;
  if (card.filteredPosition !== undefined) place.filteredPosition = card.filteredPosition;
  if (card.buriedBy === 'learner' && typeof card.buriedUntil === 'number') {
    place.buriedUntil = card.buriedUntil;
    place.buriedBy = 'learner';
  }
  if (card.anki !== undefined) place.anki = card.anki;
  return place;
}

export function samePlace(a: CardPlace | Card, b: CardPlace | Card): boolean {
  return stableJson(placeOf(a)) === stableJson(placeOf(b));
}

export function scheduleOf(card: Schedule): Schedule {
  const { due, stability, difficulty, elapsedDays, scheduledDays, reps, lapses, learningSteps, state, lastReview } = card;
  return { due, stability, difficulty, elapsedDays, scheduledDays, reps, lapses, learningSteps, state, lastReview };
}

/** Reviews in the order they were given; the id breaks ties between answers in the same millisecond. */
export function inTimeOrder(reviews: readonly Review[]): Review[] {
  return [...reviews].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The cards of one note after every review of any of them, replayed in time order through the
 * scheduler exactly as answering does it: the answered card gets its next schedule and is
 * unburied; its siblings that are not suspended and not in learning steps are buried until
 * the next learner day. Two devices holding the same reviews get the same cards, and the same
 * cards one device would have had if it had been given every answer itself.
 */
export function replayNote(
  bases: readonly CardBase[],
  reviews: readonly Review[],
  optionsOf: (deckId: string) => DeckOptions,
  rules: DayRules,
): Card[] {
  const cards = new Map<string, Card>(
    bases.map((base) => [
      base.id,
      { buriedUntil: null, ...placeOf(base), ...scheduleOf(base.base) },
    ]),
  );
  const since = new Map(bases.map((base) => [base.id, base.since]));
  for (const review of inTimeOrder(reviews)) {
    const card = cards.get(review.cardId);
    if (!card || review.time <= (since.get(card.id) ?? Infinity)) continue;
    const next = withRecordedDay(scheduleAfter(card.id, card, review.rating, review.time, optionsOf(card.deckId), rules), review, rules);
    const { buriedBy: _buriedBy, ...unburied } = card;
    cards.set(card.id, { ...unburied, ...next, buriedUntil: null });
    const buryUntil = nextDayStart(review.time, rules);
    for (const sibling of cards.values()) {
      if (sibling.id === card.id || sibling.suspended) continue;
      if (sibling.state === CardState.Learning || sibling.state === CardState.Relearning) continue;
      cards.set(sibling.id, { ...sibling, buriedUntil: buryUntil, buriedBy: 'sibling' });
    }
  }
  return bases.map((base) => cards.get(base.id)!);
}

/**
 * The day the answer itself chose, when the replay reached the same memory state it recorded:
 * answering spreads due days by the whole collection's review load at that moment (load
 * balancing), which one note's replay cannot see, so the recorded day is kept where the history
 * is the same. Where the merged history differs, the replayed day stands.
 */
function withRecordedDay(next: Schedule, review: Review, rules: DayRules): Schedule {
  const same = next.state === review.stateAfter && Math.abs(next.stability - review.stabilityAfter) < 1e-9 && Math.abs(next.difficulty - review.difficultyAfter) < 1e-9;
  if (!same || next.due === review.dueAfter) return next;
  return { ...next, due: review.dueAfter, scheduledDays: learnerDay(review.dueAfter, rules) - learnerDay(review.time, rules) };
}

/**
 * The base a card syncs with, chosen so that replaying reviews on it gives the card as this
 * device holds it: its first state when its own reviews explain the rest, otherwise (imported
 * with a schedule, reset, due date set) its present state after its last review.
 */
export function baseFor(
  card: Card,
  reviews: readonly Review[],
  optionsOf: (deckId: string) => DeckOptions,
  rules: DayRules,
): CardBase {
  const own = inTimeOrder(reviews.filter((review) => review.cardId === card.id));
  const place = placeOf(card);
  if (own.length > 0) {
    const fromStart: CardBase = { ...place, base: newSchedule(own[0]!.time), since: -1 };
    if (sameSchedule(replayNote([fromStart], own, optionsOf, rules)[0]!, card)) return fromStart;
  }
  const last = own.at(-1)?.time ?? -1;
  return { ...place, base: scheduleOf(card), since: Math.max(last, card.lastReview ?? -1) };
}

export function sameSchedule(a: Schedule, b: Schedule): boolean {
  return (
    a.due === b.due &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.elapsedDays === b.elapsedDays &&
    a.scheduledDays === b.scheduledDays &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.learningSteps === b.learningSteps &&
    a.state === b.state &&
    a.lastReview === b.lastReview
  );
}
