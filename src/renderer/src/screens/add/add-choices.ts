import type { Collection } from '../../storage/collection';

/** What Add remembers between notes and between starts, as Anki's Add window does. */
export interface AddChoices {
  noteTypeId: string;
  deckId: string;
  /** Per note type, which fields keep their text after a note is added. */
  sticky: Record<string, boolean[]>;
}

const KEY = 'addNote';

export async function loadAddChoices(collection: Collection): Promise<AddChoices> {
  const row = await collection.db.settings.get(KEY);
  const saved = (row?.value ?? {}) as Partial<AddChoices>;
  return { noteTypeId: saved.noteTypeId ?? '', deckId: saved.deckId ?? '', sticky: saved.sticky ?? {} };
}

/** A preference, like Browse's columns: kept, but not a change to the collection that undo takes back. */
export async function saveAddChoices(collection: Collection, choices: AddChoices): Promise<void> {
  await collection.db.settings.put({ key: KEY, value: choices });
}

/** The fields a new note starts with: the sticky ones keep what the last note had. */
export function startingFields(count: number, sticky: readonly boolean[] | undefined, last: readonly string[]): string[] {
  return Array.from({ length: count }, (_, i) => (sticky?.[i] ? (last[i] ?? '') : ''));
}
