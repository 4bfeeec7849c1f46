import type { Note, NoteType } from '../../../core/collection/model';

/** Throws a clear error naming the note when it cannot be stored with this note type. */
export function checkNote(note: Note, noteType: NoteType | undefined, where: string): asserts noteType is NoteType {
  if (!noteType) throw new Error(`${where}: note ${note.id} uses note type ${note.noteTypeId}, which does not exist`);
  if (note.fields.length !== noteType.fields.length) {
    throw new Error(
      `${where}: note ${note.id} has ${note.fields.length} fields but note type "${noteType.name}" has ${noteType.fields.length}`,
    );
  }
}
