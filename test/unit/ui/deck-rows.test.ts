import { describe, expect, it } from 'vitest';
import { visibleDeckRows, type DeckListNode } from '../../../src/renderer/src/components/deck-rows';

function deck(id: string, children: DeckListNode[] = []): DeckListNode {
  return { id, label: id, fullName: id, newCount: 0, learningCount: 0, reviewCount: 0, cardCount: 0, children };
}

const tree = [deck('AWS', [deck('IAM', [deck('Policies')]), deck('KMS')]), deck('Kanji')];

describe('visibleDeckRows', () => {
  it('lists every deck, indented under its parent, when all are expanded', () => {
    expect(visibleDeckRows(tree, new Set()).map((row) => `${row.depth}:${row.node.id}`)).toEqual([
      '0:AWS',
      '1:IAM',
      '2:Policies',
      '1:KMS',
      '0:Kanji',
    ]);
  });

  it('hides the whole subtree of a collapsed deck but keeps the deck itself', () => {
    const rows = visibleDeckRows(tree, new Set(['IAM']));
    expect(rows.map((row) => row.node.id)).toEqual(['AWS', 'IAM', 'KMS', 'Kanji']);
    expect(rows.find((row) => row.node.id === 'IAM')?.expanded).toBe(false);
    expect(visibleDeckRows(tree, new Set(['AWS'])).map((row) => row.node.id)).toEqual(['AWS', 'Kanji']);
  });
});
