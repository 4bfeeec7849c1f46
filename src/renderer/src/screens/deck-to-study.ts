import type { Collection } from '../storage/collection';
import type { DeckNode } from '../storage/deck-tree';
import type { DeckCounts } from '../storage/today';

function firstDeckWithCards(nodes: DeckNode<DeckCounts>[]): DeckNode<DeckCounts> | undefined {
  for (const node of nodes) {
    const { newCount, learningCount, reviewCount } = node.value;
    if (newCount + learningCount + reviewCount > 0) return node;
    const inside = firstDeckWithCards(node.children);
    if (inside) return inside;
  }
  return undefined;
}

/** The deck "study" (S, or the menu) opens: the first, in the deck list's order, with cards today. */
export async function deckToStudy(collection: Collection): Promise<{ id: string; name: string } | null> {
  const node = firstDeckWithCards(await collection.deckTree(Date.now()));
  return node ? { id: node.deck.id, name: node.deck.name } : null;
}
