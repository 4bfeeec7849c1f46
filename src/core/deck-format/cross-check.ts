import type { DeckFileJson } from './schema';

export interface CrossCheckProblem {
  where: string;
  problem: string;
}

/** References and counts that the schema alone cannot see; the first problem found, or null. */
export function crossCheck(file: DeckFileJson): CrossCheckProblem | null {
  return (
    duplicate(file.decks, 'decks', (deck) => deck.id) ??
    duplicate(file.noteTypes, 'noteTypes', (type) => type.id) ??
    duplicate(file.notes, 'notes', (note) => note.id) ??
    duplicate(file.cards ?? [], 'cards', (card) => card.id) ??
    duplicate(file.reviews ?? [], 'reviews', (review) => review.id) ??
    duplicate(file.media ?? [], 'media', (item) => item.name, 'name') ??
    checkNotes(file) ??
    checkCards(file) ??
    checkReviews(file)
  );
}

function duplicate<T>(items: readonly T[], list: string, key: (item: T) => string, field = 'id'): CrossCheckProblem | null {
  const first = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const value = key(item);
    const earlier = first.get(value);
    if (earlier !== undefined) {
      return { where: `${list}[${i}].${field}`, problem: `duplicate ${field} "${value}" (also ${list}[${earlier}])` };
    }
    first.set(value, i);
  }
  return null;
}

function checkNotes(file: DeckFileJson): CrossCheckProblem | null {
  const types = new Map(file.noteTypes.map((type) => [type.id, type]));
  const decks = new Set(file.decks.map((deck) => deck.id));
  for (const [i, note] of file.notes.entries()) {
    const type = types.get(note.noteTypeId);
    if (!type) return { where: `notes[${i}].noteTypeId`, problem: `unknown note type "${note.noteTypeId}"` };
    if (!decks.has(note.deckId)) return { where: `notes[${i}].deckId`, problem: `unknown deck "${note.deckId}"` };
    if (note.fields.length !== type.fields.length) {
      return {
        where: `notes[${i}].fields`,
        problem: `has ${note.fields.length} fields but note type "${type.name}" has ${type.fields.length}`,
      };
    }
  }
  return null;
}

function checkCards(file: DeckFileJson): CrossCheckProblem | null {
  const types = new Map(file.noteTypes.map((type) => [type.id, type]));
  const notes = new Map(file.notes.map((note) => [note.id, note]));
  const decks = new Set(file.decks.map((deck) => deck.id));
  for (const [i, card] of (file.cards ?? []).entries()) {
    const note = notes.get(card.noteId);
    if (!note) return { where: `cards[${i}].noteId`, problem: `unknown note "${card.noteId}"` };
    if (!decks.has(card.deckId)) return { where: `cards[${i}].deckId`, problem: `unknown deck "${card.deckId}"` };
    const type = types.get(note.noteTypeId);
    if (type?.kind === 'standard' && card.template >= type.templates.length) {
      return { where: `cards[${i}].template`, problem: `note type "${type.name}" has no template ${card.template}` };
    }
  }
  return null;
}

function checkReviews(file: DeckFileJson): CrossCheckProblem | null {
  const cards = new Set((file.cards ?? []).map((card) => card.id));
  for (const [i, review] of (file.reviews ?? []).entries()) {
    if (!cards.has(review.cardId)) return { where: `reviews[${i}].cardId`, problem: `unknown card "${review.cardId}"` };
  }
  return null;
}
