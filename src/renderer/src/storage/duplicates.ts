import { duplicateKey } from '../../../core/note-types/duplicate';
import type { KiokuDb } from './db';

/**
 * Anki's duplicate check for one note type, read once: the first fields of its notes without
 * markup. The editor asks on every change of the first field, so the notes are not read each time.
 */
export async function duplicateChecker(db: KiokuDb, noteTypeId: string, exceptNoteId?: string): Promise<(firstField: string) => boolean> {
  const keys = new Set<string>();
  await db.notes
    .where('noteTypeId')
    .equals(noteTypeId)
    .each((note) => {
      if (note.id !== exceptNoteId) keys.add(duplicateKey(note.fields[0] ?? ''));
    });
  return (firstField) => {
    const key = duplicateKey(firstField);
    return key !== '' && keys.has(key);
  };
}
