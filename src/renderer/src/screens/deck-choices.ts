import type { Collection } from '../storage/collection';
import { deckTree, type DeckNode } from '../storage/deck-tree';

export interface DeckChoice {
  id: string;
  name: string;
}

/** Every deck in tree order (a parent, then its subdecks), for a deck picker. Reads only the deck table. */
export async function deckChoices(collection: Collection): Promise<DeckChoice[]> {
  const choices: DeckChoice[] = [];
  const walk = (nodes: DeckNode<null>[]): void => {
    for (const node of nodes) {
      choices.push({ id: node.deck.id, name: node.deck.name });
      walk(node.children);
    }
  };
  walk(deckTree(await collection.db.decks.toArray(), () => null));
  return choices;
}
