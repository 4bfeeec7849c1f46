import type { Note, NoteType } from '../../../src/core/collection/model';

export function noteOf(noteType: NoteType, fields: string[], tags: string[] = []): Note {
  return { id: 'n1', noteTypeId: noteType.id, deckId: 'd1', fields, tags, modified: 0 };
}
