/** A deck as the deck list shows it: counts for the deck and everything below it. */
export interface DeckListNode {
  id: string;
  /** The last part of the deck name (`サービス` for `AWS Security::サービス`). */
  label: string;
  /** The whole `::` path, for screens that open the deck. */
  fullName: string;
  newCount: number;
  learningCount: number;
  reviewCount: number;
  cardCount: number;
  children: DeckListNode[];
}

export interface DeckListRow {
  node: DeckListNode;
  depth: number;
  expanded: boolean;
}

/** The rows on screen: a collapsed deck hides its whole subtree. */
export function visibleDeckRows(nodes: DeckListNode[], collapsed: ReadonlySet<string>, depth = 0): DeckListRow[] {
  return nodes.flatMap((node) => {
    const expanded = !collapsed.has(node.id);
    const row: DeckListRow = { node, depth, expanded };
    return expanded ? [row, ...visibleDeckRows(node.children, collapsed, depth + 1)] : [row];
  });
}
