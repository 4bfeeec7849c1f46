import type { NoteType } from '../../../core/collection/model';
import type { Collection } from '../storage/collection';

/*
 * Reads the screens need that the Collection API does not offer yet. They only read, through
 * the same Dexie tables, so they can never leave the collection half-written.
 */

/** Every card of each deck itself (subdecks not included), suspended and buried ones too. */
export async function cardsPerDeck(collection: Collection): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await collection.db.cards.orderBy('deckId').eachKey((deckId) => {
    const id = String(deckId);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return counts;
}

export function noteTypes(collection: Collection): Promise<NoteType[]> {
  return collection.db.noteTypes.toArray();
}

/** Every tag used by any note, for the Browse filter. */
export async function allTags(collection: Collection): Promise<string[]> {
  const tags = await collection.db.notes.orderBy('tags').uniqueKeys();
  return tags.map(String).sort((a, b) => a.localeCompare(b));
}
