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
  /** Today's new-card limit holds back new cards this deck or its subdecks have (see DeckCounts.limitedBy). */
  newHeldBack?: boolean;
  cardCount: number;
  /** A filtered deck: shown apart, rebuilt and emptied instead of given options, never a drop target. */
  filtered?: boolean;
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

function find(nodes: readonly DeckListNode[], id: string): DeckListNode | undefined {
  for (const node of nodes) {
    const found = node.id === id ? node : find(node.children, id);
    if (found) return found;
  }
  return undefined;
}

function parentOf(nodes: readonly DeckListNode[], id: string, parent = ''): string | undefined {
  for (const node of nodes) {
    if (node.id === id) return parent;
    const found = parentOf(node.children, id, node.id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A deck may be dropped onto any deck but itself, one below it, a filtered deck (which has no subdecks), or the parent it is already under ('' = the top level). */
export function canDropOn(nodes: readonly DeckListNode[], moving: DeckListNode, targetId: string): boolean {
  if (parentOf(nodes, moving.id) === targetId) return false;
  if (targetId === '') return true;
  if (find(nodes, targetId)?.filtered) return false;
  return targetId !== moving.id && find(moving.children, targetId) === undefined;
}
