import type { Collection } from '../storage/collection';
import { deckTree, type DeckNode } from '../storage/deck-tree';

export interface DeckChoice {
  id: string;
  name: string;
  /** A filtered deck: shown in pickers that search, never offered as a home for notes or cards. */
  filtered?: true;
}

/** Every deck in tree order (a parent, then its subdecks), for a deck picker. Reads only the deck table. */
export async function deckChoices(collection: Collection): Promise<DeckChoice[]> {
  const choices: DeckChoice[] = [];
  const walk = (nodes: DeckNode<null>[]): void => {
    for (const node of nodes) {
      choices.push({ id: node.deck.id, name: node.deck.name, ...(node.deck.filtered ? { filtered: true as const } : {}) });
      walk(node.children);
    }
  };
  walk(deckTree(await collection.db.decks.toArray(), () => null));
  return choices;
}

/** The decks a note can be added to or cards moved to, and a deck moved under: every deck that is not filtered (Anki's rule). */
export function homeDecks(choices: readonly DeckChoice[]): DeckChoice[] {
  return choices.filter((choice) => !choice.filtered);
}
