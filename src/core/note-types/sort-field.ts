import type { NoteType } from '../collection/model';

/**
 * The index of the field a note type sorts by: the one chosen in Kioku, else the one Anki had
 * (`sortf` of an imported note type), else the first; always a field the note type has.
 */
export function sortFieldOf(type: Pick<NoteType, 'fields' | 'sortField' | 'anki'>): number {
  const ankiSort = type.anki?.model.sortf;
  const chosen = type.sortField ?? (typeof ankiSort === 'number' ? ankiSort : 0);
  return Number.isInteger(chosen) && chosen >= 0 && chosen < type.fields.length ? chosen : 0;
}
