import { newSchedule, type Card, type Note, type NoteType } from '../collection/model';
import { cardId } from './card-id';
import { cardTemplatesFor } from './render';

/** The new, unscheduled cards a note produces, in its own deck. */
export function newCardsFor(noteType: NoteType, note: Note, now: number): Card[] {
  return cardTemplatesFor(noteType, note).map((template) => ({
    id: cardId(note.id, template),
    noteId: note.id,
    template,
    deckId: note.deckId,
    suspended: false,
    buriedUntil: null,
    ...newSchedule(now),
  }));
}
