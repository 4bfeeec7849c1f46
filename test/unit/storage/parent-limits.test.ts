import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { Rating, type CollectionData } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import type { DeckNode } from '../../../src/renderer/src/storage/deck-tree';
import type { DeckCounts } from '../../../src/renderer/src/storage/today';
import { MINUTE, T0, basicNote, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

function data(): CollectionData {
  const notes = [
    ...Array.from({ length: 5 }, (_, i) => basicNote(`p-${i}`, `Parent ${i}`, 'A', 'parent')),
    ...Array.from({ length: 5 }, (_, i) => basicNote(`c-${i}`, `Child ${i}`, 'A', 'child')),
  ];
  return { decks: [{ id: 'parent', name: 'Exam' }, { id: 'child', name: 'Exam::IAM' }], noteTypes: [BASIC_NOTE_TYPE], notes };
}

const flat = (nodes: DeckNode<DeckCounts>[]): Map<string, DeckCounts> =>
  new Map(nodes.flatMap((node) => [[node.deck.id, node.value] as const, ...flat(node.children)]));

async function start(): Promise<Collection> {
  const collection = fresh();
  await collection.installDecks(data(), T0);
  return collection;
}

describe("a parent deck's limits, as Anki v3", () => {
  it("caps the cards drawn from a subdeck by the subdeck's own limit, and the session by the parent's", async () => {
    const collection = await start();
    await collection.setDeckOptions('parent', { newPerDay: 8 });
    await collection.setDeckOptions('child', { newPerDay: 1 });
    const queue = await collection.todayQueue('parent', T0);
    // The parent's own 5, and 1 of the subdeck's 5.
    expect(queue.counts.newCount).toBe(6);
    expect(queue.cards.filter((card) => card.deckId === 'child')).toHaveLength(1);
    // Studying the subdeck alone: its own limit, not the parent's.
    await collection.setDeckOptions('child', { newPerDay: 5 });
    expect((await collection.todayQueue('child', T0)).counts.newCount).toBe(5);
  });

  it('counts a subdeck’s answers against the parent: the parent shows New 0 with the limit as the reason, the subdeck still shows its own', async () => {
    const collection = await start();
    await collection.setDeckOptions('parent', { newPerDay: 3 });
    await collection.setDeckOptions('child', { newPerDay: 20 });
    for (const [i, id] of ['c-0/0', 'c-1/0', 'c-2/0'].entries()) await collection.answer(id, Rating.Easy, T0 + i * MINUTE, 2000);
    const counts = flat(await collection.deckTree(T0 + 5 * MINUTE));
    expect(counts.get('parent')).toMatchObject({ newCount: 0, limitedBy: { newCards: true, reviews: false } });
    expect(counts.get('child')).toMatchObject({ newCount: 2, limitedBy: { newCards: false, reviews: false } });
    expect((await collection.todayQueue('parent', T0 + 5 * MINUTE)).counts.newCount).toBe(0);
    expect((await collection.todayQueue('child', T0 + 5 * MINUTE)).counts.newCount).toBe(2);
  });
});
