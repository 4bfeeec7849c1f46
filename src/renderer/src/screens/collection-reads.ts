import type { NoteType } from '../../../core/collection/model';
import type { Collection } from '../storage/collection';

/*
 * Reads the screens need that the Collection API does not offer yet. They only read, through
 * the same Dexie tables, so they can never leave the collection half-written.
 */

export function noteTypes(collection: Collection): Promise<NoteType[]> {
  return collection.db.noteTypes.toArray();
}

/** Every tag used by any note, for the Browse filter. */
export async function allTags(collection: Collection): Promise<string[]> {
  const tags = await collection.db.notes.orderBy('tags').uniqueKeys();
  return tags.map(String).sort((a, b) => a.localeCompare(b));
}
