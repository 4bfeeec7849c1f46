import type { Card, CollectionData, Deck, MediaFile, Note, NoteType, Review } from '../collection/model';
import { bytesToBase64 } from './base64';
import { DECK_FILE_FORMAT, DECK_FILE_VERSION } from './schema';

/**
 * Writes a deck file. Output depends only on the data, not on the order it came in or on the
 * locale: lists are sorted by id (decks by name) and keys written in a fixed order, so committed
 * deck files diff cleanly.
 */
export function serializeDeckFile(data: CollectionData): string {
  const file: Record<string, unknown> = {
    format: DECK_FILE_FORMAT,
    version: DECK_FILE_VERSION,
    decks: sortBy(data.decks, (deck) => [deck.name, deck.id]).map(deckJson),
    noteTypes: sortBy(data.noteTypes, (type) => [type.id]).map(noteTypeJson),
    notes: sortBy(data.notes, (note) => [note.id]).map(noteJson),
  };
  if (data.cards) file.cards = sortBy(data.cards, (card) => [card.id]).map(cardJson);
  if (data.reviews) file.reviews = sortBy(data.reviews, (review) => [review.time, review.id]).map(reviewJson);
  if (data.media) file.media = sortBy(data.media, (item) => [item.name]).map(mediaJson);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Code-unit order, never localeCompare: the file must not change with the machine's locale. */
function sortBy<T>(items: readonly T[], key: (item: T) => (string | number)[]): T[] {
  const compare = (a: (string | number)[], b: (string | number)[]): number => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? '';
      const y = b[i] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return [...items].sort((a, b) => compare(key(a), key(b)));
}

function deckJson(deck: Deck): object {
  return { id: deck.id, name: deck.name, ...(deck.description === undefined ? {} : { description: deck.description }) };
}

function noteTypeJson(type: NoteType): object {
  return {
    id: type.id,
    name: type.name,
    kind: type.kind,
    fields: [...type.fields],
    templates: type.templates.map((t) => ({ name: t.name, front: t.front, back: t.back })),
    ...(type.css === undefined ? {} : { css: type.css }),
  };
}

function noteJson(note: Note): object {
  return {
    id: note.id,
    noteTypeId: note.noteTypeId,
    deckId: note.deckId,
    fields: [...note.fields],
    tags: [...note.tags],
    modified: note.modified,
    ...(note.guid === undefined ? {} : { guid: note.guid }),
    ...(note.added === undefined ? {} : { added: note.added }),
  };
}

function cardJson(card: Card): object {
  return {
    id: card.id,
    noteId: card.noteId,
    template: card.template,
    deckId: card.deckId,
    suspended: card.suspended,
    buriedUntil: card.buriedUntil,
    ...(card.buriedBy === undefined ? {} : { buriedBy: card.buriedBy }),
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    learningSteps: card.learningSteps,
    state: card.state,
    lastReview: card.lastReview,
  };
}

function reviewJson(review: Review): object {
  return {
    id: review.id,
    cardId: review.cardId,
    ...(review.deckId === undefined ? {} : { deckId: review.deckId }),
    time: review.time,
    rating: review.rating,
    stateBefore: review.stateBefore,
    stateAfter: review.stateAfter,
    dueBefore: review.dueBefore,
    dueAfter: review.dueAfter,
    stabilityAfter: review.stabilityAfter,
    difficultyAfter: review.difficultyAfter,
    durationMs: review.durationMs,
  };
}

function mediaJson(item: MediaFile): object {
  return { name: item.name, mime: item.mime, data: bytesToBase64(item.data) };
}
