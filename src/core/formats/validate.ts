import type { CollectionData } from '../collection/model';
import { ImportError } from './errors';
import { MAX_FIELD_CHARS } from './limits';

/**
 * Checks a whole collection before any reader returns it, so a bad file is rejected as a whole
 * instead of leaving half its notes in the learner's collection.
 */
export function validateCollection(data: CollectionData, fileName: string): CollectionData {
  const deckIds = uniqueIds(data.decks, 'deck', fileName);
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
      checkNumbers(card, ['reps', 'lapses', 'learningSteps', 'template'], ['due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays'], `card ${card.id}`, fileName);
    }
  }
  if (data.reviews) {
    const cardIds = new Set(data.cards?.map((c) => c.id));
    uniqueIds(data.reviews, 'review', fileName);
    for (const review of data.reviews) {
      if (!cardIds.has(review.cardId)) throw new ImportError(fileName, `review ${review.id}`, `refers to a card that is not in the file (${review.cardId})`);
      checkNumbers(review, [], ['time', 'dueBefore', 'dueAfter', 'stabilityAfter', 'difficultyAfter', 'durationMs'], `review ${review.id}`, fileName);
      if (review.durationMs < 0) throw new ImportError(fileName, `review ${review.id}`, `durationMs is ${review.durationMs}; expected a number of at least 0`);
    }
  }
  if (data.media) {
    const names = new Set<string>();
    for (const file of data.media) {
      if (names.has(file.name)) throw new ImportError(fileName, `media file "${file.name}"`, 'appears twice');
      names.add(file.name);
    }
  }
  return data;
}

/**
 * Counts must be whole numbers ≥ 0 and times and memory values finite: a damaged file could
 * otherwise put NaN or -3 into a schedule, which no later export or scheduler accepts.
 */
function checkNumbers<T extends object>(item: T, counts: (keyof T & string)[], finite: (keyof T & string)[], where: string, fileName: string): void {
  for (const key of counts) {
    const value = item[key];
    if (!(Number.isSafeInteger(value) && (value as number) >= 0)) throw new ImportError(fileName, where, `${key} is ${String(value)}; expected a whole number of at least 0`);
  }
  for (const key of finite) {
    const value = item[key];
    if (!Number.isFinite(value)) throw new ImportError(fileName, where, `${key} is ${String(value)}; expected a number`);
  }
}

function uniqueIds(items: { id: string }[], kind: string, fileName: string): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new ImportError(fileName, `${kind} ${item.id}`, `duplicate ${kind} id`);
    ids.add(item.id);
  }
  return ids;
}
