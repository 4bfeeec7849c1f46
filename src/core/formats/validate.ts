import type { CollectionData } from '../collection/model';
import { CARD_NUMBERS, deckNameProblem, mediaNameProblem, rangeProblem, REVIEW_NUMBERS, type NumberKind } from '../collection/validity';
import { ImportError } from './errors';
import { MAX_FIELD_CHARS } from './limits';

/**
 * Checks a whole collection before any reader returns it, so a bad file is rejected as a whole
 * instead of leaving half its notes in the learner's collection.
 */
export function validateCollection(data: CollectionData, fileName: string): CollectionData {
  const deckIds = uniqueIds(data.decks, 'deck', fileName);
  for (const deck of data.decks) {
    const problem = deckNameProblem(deck.name);
    if (problem) throw new ImportError(fileName, `deck ${deck.id}`, `name ${JSON.stringify(deck.name.slice(0, 80))} ${problem}`);
  }
  const noteTypes = new Map(data.noteTypes.map((t) => [t.id, t]));
  uniqueIds(data.noteTypes, 'note type', fileName);
  uniqueIds(data.notes, 'note', fileName);
  for (const type of data.noteTypes) {
    if (type.fields.length === 0) throw new ImportError(fileName, `note type "${type.name}"`, 'has no fields');
    if (type.templates.length === 0) throw new ImportError(fileName, `note type "${type.name}"`, 'has no card templates');
  }
  for (const note of data.notes) {
    const where = `note ${note.id}`;
    const type = noteTypes.get(note.noteTypeId);
    if (!type) throw new ImportError(fileName, where, `refers to a note type that is not in the file (${note.noteTypeId})`);
    if (!deckIds.has(note.deckId)) throw new ImportError(fileName, where, `refers to a deck that is not in the file (${note.deckId})`);
    if (note.fields.length !== type.fields.length) {
      throw new ImportError(fileName, where, `has ${note.fields.length} fields but note type "${type.name}" has ${type.fields.length}`);
    }
    note.fields.forEach((field, i) => {
      if (field.length > MAX_FIELD_CHARS) {
        throw new ImportError(fileName, `${where}, field "${type.fields[i]}"`, `field is ${field.length} characters long; the limit is ${MAX_FIELD_CHARS} (1 MiB)`);
      }
    });
  }
  if (data.cards) {
    uniqueIds(data.cards, 'card', fileName);
    const notes = new Map(data.notes.map((note) => [note.id, note]));
    for (const card of data.cards) {
      const note = notes.get(card.noteId);
      if (!note) throw new ImportError(fileName, `card ${card.id}`, `refers to a note that is not in the file (${card.noteId})`);
      if (!deckIds.has(card.deckId)) throw new ImportError(fileName, `card ${card.id}`, `refers to a deck that is not in the file (${card.deckId})`);
      const type = noteTypes.get(note.noteTypeId);
      if (type?.kind === 'standard' && card.template >= type.templates.length) {
        throw new ImportError(fileName, `card ${card.id}`, `uses card template ${card.template + 1}, but note type "${type.name}" has ${type.templates.length}`);
      }
      checkNumbers(card, ['reps', 'lapses', 'learningSteps', 'template'], CARD_NUMBERS, `card ${card.id}`, fileName);
    }
  }
  if (data.reviews) {
    const cardIds = new Set(data.cards?.map((c) => c.id));
    uniqueIds(data.reviews, 'review', fileName);
    for (const review of data.reviews) {
      if (!cardIds.has(review.cardId)) throw new ImportError(fileName, `review ${review.id}`, `refers to a card that is not in the file (${review.cardId})`);
      checkNumbers(review, [], REVIEW_NUMBERS, `review ${review.id}`, fileName);
    }
  }
  if (data.media) {
    const names = new Set<string>();
    for (const file of data.media) {
      const problem = mediaNameProblem(file.name);
      if (problem) throw new ImportError(fileName, `media file ${JSON.stringify(file.name.slice(0, 80))}`, `name ${problem}`);
      if (names.has(file.name)) throw new ImportError(fileName, `media file "${file.name}"`, 'appears twice');
      names.add(file.name);
    }
  }
  return data;
}

/**
 * Counts must be whole numbers ≥ 0, and times and memory values within the ranges of the one
 * validity rule: a damaged or hostile file could otherwise put NaN, -3 or a due date of -1e300
 * into a schedule, which no calendar, later export or scheduler accepts. A null time (never
 * reviewed, not buried) is allowed where the record allows it.
 */
function checkNumbers<T extends object>(item: T, counts: (keyof T & string)[], ranged: Partial<Record<keyof T & string, NumberKind>>, where: string, fileName: string): void {
  for (const key of counts) {
    const value = item[key];
    if (!(Number.isSafeInteger(value) && (value as number) >= 0)) throw new ImportError(fileName, where, `${key} is ${String(value)}; expected a whole number of at least 0`);
  }
  const problem = rangeProblem(item, ranged);
  if (problem) throw new ImportError(fileName, where, problem);
}

function uniqueIds(items: { id: string }[], kind: string, fileName: string): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new ImportError(fileName, `${kind} ${item.id}`, `duplicate ${kind} id`);
    ids.add(item.id);
  }
  return ids;
}
