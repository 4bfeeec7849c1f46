import type { DeckCounts } from '../storage/today';
import type { DeckNode } from '../storage/deck-tree';
import type { DeckListNode } from '../components/deck-rows';

/** Storage's deck tree with today's counts, plus how many cards each deck and its subdecks hold. */
export function deckListNodes(nodes: DeckNode<DeckCounts>[], cardsPerDeck: ReadonlyMap<string, number>): DeckListNode[] {
  return nodes.map((node) => {
    const children = deckListNodes(node.children, cardsPerDeck);
    const own = cardsPerDeck.get(node.deck.id) ?? 0;
    return {
      id: node.deck.id,
      label: node.label,
      fullName: node.deck.name,
      newCount: node.value.newCount,
      learningCount: node.value.learningCount,
      reviewCount: node.value.reviewCount,
      newHeldBack: node.value.limitedBy?.newCards ?? false,
      cardCount: children.reduce((sum, child) => sum + child.cardCount, own),
      ...(node.deck.filtered ? { filtered: true } : {}),
      children,
    };
  });
}
