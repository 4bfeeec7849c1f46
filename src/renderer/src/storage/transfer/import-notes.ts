import { cardId, htmlToTextLine, newCardsFor, shortened } from '../../../../core/cards';
import type { Collision } from '../../../../core/collection/collisions';
import type { Card, Note, NoteType, Review } from '../../../../core/collection/model';
import { ImportError } from '../../../../core/formats';
import { withAddedTime } from '../../../../core/search';
import { queueOf, type CardRow } from '../db';

/** The file's note id → the id it has (or will have) in the collection. */
export function noteIdsInCollection(
  incoming: readonly Note[],
  storedById: ReadonlyMap<string, Note>,
  storedByGuid: ReadonlyMap<string, Note>,
  fileName: string,
): Map<string, string> {
  const idOf = new Map<string, string>();
  const claimedBy = new Map<string, string>();
  for (const note of incoming) {
    const byGuid = note.guid === undefined ? undefined : storedByGuid.get(note.guid);
    const id = storedById.has(note.id) ? note.id : (byGuid?.id ?? note.id);
    const other = claimedBy.get(id);
    if (other !== undefined) throw new ImportError(fileName, `note ${note.id}`, `is the same note as ${other} (same id or Anki guid)`);
    claimedBy.set(id, note.id);
    idOf.set(note.id, id);
  }
  return idOf;
}

function sameContent(a: Note, b: Note): boolean {
  return (
    a.noteTypeId === b.noteTypeId &&
    a.deckId === b.deckId &&
    a.guid === b.guid &&
    JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags)
  );
}

export interface NotePlan {
  notes: Note[];
  added: number;
  updated: number;
  unchanged: number;
}

/** The file's ids → the collection's ids, for notes, decks and note types. */
export interface IdMaps {
  noteIdOf: ReadonlyMap<string, string>;
  deckIdOf: ReadonlyMap<string, string>;
  noteTypeIdOf: ReadonlyMap<string, string>;
}

/** Notes already in the collection are updated in place (their cards and reviews stay); unchanged ones are left alone. */
export function planNotes(incoming: readonly Note[], ids: IdMaps, stored: ReadonlyMap<string, Note>, now: number): NotePlan {
  const plan: NotePlan = { notes: [], added: 0, updated: 0, unchanged: 0 };
  for (const note of incoming) {
    const id = ids.noteIdOf.get(note.id) ?? note.id;
    const placed: Note = {
      ...note,
      id,
      deckId: ids.deckIdOf.get(note.deckId) ?? note.deckId,
      noteTypeId: ids.noteTypeIdOf.get(note.noteTypeId) ?? note.noteTypeId,
    };
    const before = stored.get(id);
    if (before && sameContent(before, placed)) {
      plan.unchanged++;
      continue;
    }
    if (before) plan.updated++;
    else plan.added++;
    plan.notes.push(withAddedTime(before ? { ...placed, modified: now } : placed, before, now));
  }
  return plan;
}

/**
 * Moves a file's card onto the collection's note and deck ids (its home deck too, when it is in a
 * filtered deck). Its id is derived from its note and template, as every card id in the
 * collection is, whatever id the file gave it: a card of one note can never take the place of a card of another.
 */
export function placeCard(card: Card, noteIdOf: ReadonlyMap<string, string>, deckIdOf: ReadonlyMap<string, string>): Card {
  const noteId = noteIdOf.get(card.noteId) ?? card.noteId;
  const placed = { ...card, id: cardId(noteId, card.template), noteId, deckId: deckIdOf.get(card.deckId) ?? card.deckId };
  if (card.homeDeckId !== undefined) placed.homeDeckId = deckIdOf.get(card.homeDeckId) ?? card.homeDeckId;
  return placed;
}

const lastReviewOf = (card: Pick<Card, 'lastReview'>) => card.lastReview ?? Number.NEGATIVE_INFINITY;

/** Whether the file's card would replace the stored one: it was reviewed more recently. */
const replaces = (card: Card, stored: CardRow | undefined) => stored !== undefined && lastReviewOf(card) > lastReviewOf(stored);

const label = (note: Note) => shortened(htmlToTextLine((note.fields[0] ?? '').slice(0, 2000)), 80);

/**
 * The file's notes that would change one of the learner's (by id or Anki guid): other text, tags,
 * deck or note type, or a card of it reviewed later in the file than in the collection, whose
 * schedule would replace the learner's. Keyed by the file's note id.
 */
export function noteCollisions(
  incoming: readonly Note[],
  ids: IdMaps,
  stored: ReadonlyMap<string, Note>,
  placedCards: readonly Card[],
  storedCards: ReadonlyMap<string, CardRow>,
): Map<string, Collision> {
  const rescheduled = new Set(placedCards.filter((card) => replaces(card, storedCards.get(card.id))).map((card) => card.noteId));
  const collisions = new Map<string, Collision>();
  for (const note of incoming) {
    const id = ids.noteIdOf.get(note.id) ?? note.id;
    const mine = stored.get(id);
    if (!mine) continue;
    const placed = { ...note, id, deckId: ids.deckIdOf.get(note.deckId) ?? note.deckId, noteTypeId: ids.noteTypeIdOf.get(note.noteTypeId) ?? note.noteTypeId };
    const changed = !sameContent(mine, placed);
    if (changed || rescheduled.has(id)) collisions.set(note.id, { mine: label(mine), theirs: label(note), ...(changed ? {} : { scheduleOnly: true }) });
  }
  return collisions;
}

/**
 * The cards to write: a scheduled card from the file replaces the stored one only when it was
 * reviewed more recently, so importing an old export never throws away newer progress; notes
 * get new cards for templates they have no card for yet.
 */
export function planCards(
  notes: readonly Note[],
  noteTypes: ReadonlyMap<string, NoteType>,
  scheduled: readonly Card[],
  stored: ReadonlyMap<string, CardRow>,
  now: number,
): CardRow[] {
  const rows = new Map<string, CardRow>();
  for (const card of scheduled) {
    const before = stored.get(card.id);
    if (!before || replaces(card, before)) rows.set(card.id, { ...card, queue: queueOf(card) });
  }
  notes.forEach((note, position) => {
    const type = noteTypes.get(note.noteTypeId);
    if (!type) return;
    // New cards are due in file order (one ms apart), so they are introduced in the order written.
    for (const card of newCardsFor(type, note, now + position)) {
      if (!stored.has(card.id) && !rows.has(card.id)) rows.set(card.id, { ...card, queue: queueOf(card) });
    }
  });
  return [...rows.values()];
}

/** Reviews are never changed once written, so only those the collection does not have yet are added. */
export function newReviews(reviews: readonly Review[], cardIdOf: ReadonlyMap<string, string>, storedIds: ReadonlySet<string>): Review[] {
  return reviews
    .filter((review) => !storedIds.has(review.id))
    .map((review) => ({ ...review, cardId: cardIdOf.get(review.cardId) ?? review.cardId }));
}
