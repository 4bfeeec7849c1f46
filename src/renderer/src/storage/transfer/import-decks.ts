import type { Deck } from '../../../../core/collection/model';
import { ImportError } from '../../../../core/formats';
import type { DeckRow } from '../db';

export interface DeckPlan {
  /** Deck id in the file → deck id in the collection. */
  idOf: Map<string, string>;
  rows: DeckRow[];
  added: number;
}

/**
 * Matches the file's decks to the collection's: by id first, then by name, because deck names
 * are unique and a CSV deck called "日本語" belongs in the learner's "日本語". A matched deck keeps
 * the options the learner set on it.
 */
export function planDecks(incoming: readonly Deck[], stored: readonly DeckRow[], fileName: string): DeckPlan {
  const byId = new Map(stored.map((deck) => [deck.id, deck]));
  const byName = new Map(stored.map((deck) => [deck.name, deck]));
  const plan: DeckPlan = { idOf: new Map(), rows: [], added: 0 };
  const namesTaken = new Map<string, string>();
  for (const deck of incoming) {
    const earlier = namesTaken.get(deck.name);
    if (earlier !== undefined) throw new ImportError(fileName, `deck ${deck.id}`, `has the same name "${deck.name}" as deck ${earlier}`);
    namesTaken.set(deck.name, deck.id);
    const sameId = byId.get(deck.id);
    const sameName = byName.get(deck.name);
    if (sameId) {
      const nameFree = !sameName || sameName.id === sameId.id;
      plan.rows.push({ ...deck, name: nameFree ? deck.name : sameId.name, options: sameId.options });
      plan.idOf.set(deck.id, sameId.id);
    } else if (sameName) {
      plan.idOf.set(deck.id, sameName.id);
    } else {
      plan.rows.push({ ...deck, options: {} });
      plan.idOf.set(deck.id, deck.id);
      plan.added++;
    }
  }
  return plan;
}
