import type { Note } from '../collection/model';
import { stripHtmlKeepingMedia } from '../formats/apkg/checksum';

/**
 * What Anki compares to call a note a duplicate (rslib/src/notes/mod.rs, note_fields_check): the
 * first field without its markup, media names kept, so `<b>VPC</b>` and `VPC` are the same.
 */
export function duplicateKey(firstField: string): string {
  return stripHtmlKeepingMedia(firstField).trim();
}

/** Another note of the same note type whose first field says the same; none for an empty first field. */
export function findDuplicate(notes: Iterable<Pick<Note, 'id' | 'noteTypeId' | 'fields'>>, candidate: Pick<Note, 'noteTypeId' | 'fields'> & { id?: string }): string | null {
  const key = duplicateKey(candidate.fields[0] ?? '');
  if (key === '') return null;
  for (const note of notes) {
    if (note.id !== candidate.id && note.noteTypeId === candidate.noteTypeId && duplicateKey(note.fields[0] ?? '') === key) return note.id;
  }
  return null;
}
