import type { CollectionData } from '../collection/model';
import { cardTemplatesFor } from '../cards';

/** Cards the data holds or, for a deck without scheduling, the cards its notes will produce. */
export function countCards(data: CollectionData): number {
  if (data.cards) return data.cards.length;
  const types = new Map(data.noteTypes.map((type) => [type.id, type]));
  return data.notes.reduce((sum, note) => {
    const type = types.get(note.noteTypeId);
    return sum + (type ? cardTemplatesFor(type, note).length : 0);
  }, 0);
}
