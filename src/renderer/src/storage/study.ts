import { CardState, newSchedule, type Card, type Rating, type Review } from '../../../core/collection/model';
import { nextDayStart, type DayRules } from '../../../core/scheduling/day';
import { isRating, scheduleAfter } from '../../../core/scheduling/fsrs';
import type { DayLoad } from '../../../core/scheduling/load-balance';
import type { DeckOptions } from '../../../core/scheduling/options';
import { isLeechLapse, LEECH_TAG } from '../../../core/scheduling/leech';
import { afterPreviewAnswer, afterRescheduledAnswer, inPreviewDeck, previewDelaysOf, type PreviewDelays } from '../../../core/scheduling/filtered';
import { checkedCard, toCard } from './card-row';
import { queueOf, type CardRow, type KiokuDb } from './db';
import { addToDeckTotals } from './deck-totals';
import { newId } from './ids';

export interface Answered {
  card: Card;
  review: Review;
  /** The siblings this answer buried until the next day. */
  buriedSiblings: string[];
  /** The answer made the card a leech: its note was tagged, and the card suspended when the deck says so. */
  leech: 'tagged' | 'suspended' | null;
}

export async function readCard(db: KiokuDb, cardId: string): Promise<CardRow> {
  if (typeof cardId !== 'string' || cardId.length === 0) throw new Error('A card id is required');
  const row = await db.cards.get(cardId);
  if (!row) throw new Error(`No card with id ${cardId}`);
  return checkedCard(row, cardId);
}

/**
 * Stores an answer: the card's new schedule, its siblings buried until the next day starts,
 * and the review, all in one transaction. Resolves only once the transaction has committed;
 * if anything fails, nothing is written. The deck options come from the caller, who keeps them
 * cached: reading them here would make every answer wait for two more reads before it commits.
 * `load` is the review load the buttons were previewed with, so the stored day is the one shown.
 */
export async function answer(
  db: KiokuDb,
  cardId: string,
  rating: Rating,
  now: number,
  durationMs: number,
  rules: DayRules,
  optionsOf: (deckId: string) => DeckOptions,
  load?: DayLoad,
): Promise<Answered> {
  if (!isRating(rating)) throw new Error(`Rating must be 1 (Again) to 4 (Easy), got ${String(rating)}`);
  if (!Number.isFinite(now)) throw new Error(`Answer time must be a time in milliseconds, got ${now}`);
  if (!(Number.isFinite(durationMs) && durationMs >= 0)) {
    throw new Error(`Answer duration must be zero or more milliseconds, got ${durationMs}`);
  }
  return db.transaction('rw', [db.cards, db.reviews, db.notes, db.decks, db.deckTotals], async () => {
    const before = await readCard(db, cardId);
    if (before.suspended) throw new Error(`Card ${cardId} is suspended and cannot be answered`);
    const deck = before.homeDeckId === undefined ? undefined : await db.decks.get(before.deckId);
    if (inPreviewDeck(before, deck)) return previewAnswer(db, before, rating, now, durationMs, previewDelaysOf(deck!.filtered!));
    // A card in a filtered deck is scheduled with its home deck's options, as in Anki.
    const options = optionsOf(before.homeDeckId ?? before.deckId);
    const schedule = scheduleAfter(cardId, before, rating, now, options, rules, load);
    // An answered card is not buried, so nothing should say who buried it (Anki's queue -2/-3 on export).
    const { buriedBy: _buriedBy, ...unburied } = before;
    const answered: CardRow = { ...unburied, ...schedule, buriedUntil: null };
    const after: CardRow = deck?.filtered ? { ...afterRescheduledAnswer(answered), queue: before.queue } : answered;
    const leech = after.lapses > before.lapses && isLeechLapse(after.lapses, options.leechThreshold) ? options.leechAction : null;
    if (leech !== null) {
      await tagLeech(db, before.noteId, now);
      if (leech === 'suspend') after.suspended = true;
    }
    after.queue = queueOf(after);
    const review: Review = {
      id: newId(now),
      cardId,
      deckId: before.deckId,
      time: now,
      rating,
      stateBefore: before.state,
      stateAfter: after.state,
      dueBefore: before.due,
      dueAfter: after.due,
      stabilityAfter: after.stability,
      difficultyAfter: after.difficulty,
      durationMs: Math.round(durationMs),
      ...(before.lastReview === null ? {} : { lastReviewBefore: before.lastReview }),
    };
    const siblings = await db.cards.where('noteId').equals(before.noteId).toArray();
    // Siblings in the middle of learning steps stay: hiding them until tomorrow would break their steps.
    const toBury = siblings.filter(
      (card) =>
        card.id !== cardId &&
        !card.suspended &&
        card.state !== CardState.Learning &&
        card.state !== CardState.Relearning,
    );
    const buryUntil = nextDayStart(now, rules);
    // The siblings were just read whole, so writing them back saves a read each; the writes go out together.
    const buried = toBury.map((card): CardRow => ({ ...card, buriedUntil: buryUntil, buriedBy: 'sibling' }));
    await Promise.all([db.cards.bulkPut([after, ...buried]), db.reviews.add(review), wentHome(db, before, after)]);
    return {
      card: toCard(after),
      review,
      buriedSiblings: toBury.map((card) => card.id),
      leech: leech === null ? null : leech === 'suspend' ? 'suspended' : 'tagged',
    };
  });
}

/**
 * An answer in a filtered deck that does not reschedule (a preview): the card comes back after
 * the deck's delay for that button, or goes home as it was. Its schedule does not change,
 * so nothing goes into the review log (the optimiser and readiness learn from real reviews only);
 * the review handed back tells the session what was answered.
 */
async function previewAnswer(db: KiokuDb, before: CardRow, rating: Rating, now: number, durationMs: number, delays: PreviewDelays): Promise<Answered> {
  const card = afterPreviewAnswer(toCard(before), rating, now, delays);
  await Promise.all([db.cards.put({ ...card, queue: queueOf(card) }), wentHome(db, before, card)]);
  const review: Review = {
    id: newId(now),
    cardId: before.id,
    deckId: before.deckId,
    time: now,
    rating,
    stateBefore: before.state,
    stateAfter: card.state,
    dueBefore: before.due,
    dueAfter: card.due,
    stabilityAfter: card.stability,
    difficultyAfter: card.difficulty,
    durationMs: Math.round(durationMs),
  };
  return { card, review, buriedSiblings: [], leech: null };
}

/** A card an answer sent home from a filtered deck moves from one deck's total to the other's. */
async function wentHome(db: KiokuDb, before: Card, after: Card): Promise<void> {
  if (after.deckId === before.deckId) return;
  await addToDeckTotals(db, [before], -1);
  await addToDeckTotals(db, [after], 1);
}

/** Anki's leech tag on the card's note, added once. */
async function tagLeech(db: KiokuDb, noteId: string, now: number): Promise<void> {
  const note = await db.notes.get(noteId);
  if (!note || note.tags.some((tag) => tag.toLowerCase() === LEECH_TAG)) return;
  await db.notes.put({ ...note, tags: [...note.tags, LEECH_TAG], modified: now });
}

async function changeCard(db: KiokuDb, cardId: string, change: (card: CardRow) => CardRow): Promise<Card> {
  return db.transaction('rw', db.cards, async () => {
    const changed = change(await readCard(db, cardId));
    changed.queue = queueOf(changed);
    await db.cards.put(changed);
    return toCard(changed);
  });
}

/** Hides a card until the learner's next day starts. */
export function bury(db: KiokuDb, cardId: string, now: number, rules: DayRules): Promise<Card> {
  return changeCard(db, cardId, (card) => ({ ...card, buriedUntil: nextDayStart(now, rules), buriedBy: 'learner' }));
}

export function setSuspended(db: KiokuDb, cardId: string, suspended: boolean): Promise<Card> {
  return changeCard(db, cardId, (card) => ({ ...card, suspended }));
}

/** Makes a card new again; its past reviews stay in the log. */
export function resetCard(db: KiokuDb, cardId: string, now: number): Promise<Card> {
  return changeCard(db, cardId, (card) => ({ ...card, ...newSchedule(now), buriedUntil: null }));
}
