import type { DeckRow } from './db';

/** A deck and every deck below it (by `::` in the name). */
export function subtreeIds(decks: DeckRow[], deckId: string): string[] {
  const root = decks.find((deck) => deck.id === deckId);
  if (!root) throw new Error(`No deck with id ${deckId}`);
  const prefix = `${root.name}::`;
  return decks.filter((deck) => deck.id === root.id || deck.name.startsWith(prefix)).map((deck) => deck.id);
}

export interface DeckNode<T> {
  deck: DeckRow;
  /** The name's last part, shown in the tree. */
  label: string;
  children: DeckNode<T>[];
  value: T;
}

/** Decks as a tree; a deck whose parent is missing hangs under its nearest existing ancestor. */
export function deckTree<T>(decks: DeckRow[], valueOf: (deck: DeckRow) => T): DeckNode<T>[] {
  const sorted = [...decks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = new Map<string, DeckNode<T>>();
  const roots: DeckNode<T>[] = [];
  for (const deck of sorted) {
    const parts = deck.name.split('::');
    const node: DeckNode<T> = { deck, label: parts[parts.length - 1] ?? deck.name, children: [], value: valueOf(deck) };
    byName.set(deck.name, node);
    let parent: DeckNode<T> | undefined;
    for (let i = parts.length - 1; i > 0 && !parent; i--) parent = byName.get(parts.slice(0, i).join('::'));
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
