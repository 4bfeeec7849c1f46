import { ancestorNames, leafName } from '../../../../core/decks/deck-names';
import type { Collection } from '../../storage/collection';
import type { DeckNode } from '../../storage/deck-tree';
import type { DeckCounts } from '../../storage/today';
import type { FilteredDeckConfig } from '../../../../core/scheduling/filtered';
import { deckListNodes } from '../deck-list-nodes';

/** What a deck's overview shows before studying, as Anki's: today's counts, all cards, its description. */
export interface DeckOverview {
  name: string;
  label: string;
  /** The last parts of the parent decks, top first. */
  parents: string[];
  counts: DeckCounts;
  cards: number;
  description: string;
  /** A filtered deck's search and whether answers reschedule; absent on a normal deck. */
  filtered?: FilteredDeckConfig;
}

/** Read from the deck list's own counts, so the overview and the list never disagree; null when the deck is gone. */
export async function overviewOf(collection: Collection, deckId: string, now: number): Promise<DeckOverview | null> {
  const { decks, cardsPerDeck } = await collection.deckList(now);
  const find = (nodes: DeckNode<DeckCounts>[]): DeckNode<DeckCounts> | undefined => {
    for (const node of nodes) {
      const found = node.deck.id === deckId ? node : find(node.children);
      if (found) return found;
    }
    return undefined;
  };
  const node = find(decks);
  if (!node) return null;
  const [listed] = deckListNodes([node], cardsPerDeck);
  return {
    name: node.deck.name,
    label: leafName(node.deck.name),
    parents: ancestorNames(node.deck.name).map(leafName),
    counts: node.value,
    cards: listed?.cardCount ?? 0,
    description: node.deck.description ?? '',
    ...(node.deck.filtered ? { filtered: node.deck.filtered } : {}),
  };
}
