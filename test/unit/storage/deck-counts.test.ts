import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { CardState, Rating, type CollectionData, type Deck, type Note } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import type { DeckCounts } from '../../../src/renderer/src/storage/today';
import type { DeckNode } from '../../../src/renderer/src/storage/deck-tree';
import { DAY, HOUR, NEXT_DAY, T0, basicNote, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

const NOW = T0 + HOUR;
const DAY_START = NEXT_DAY - DAY;

const DECKS: Deck[] = [
  { id: 'lang', name: 'Languages' },
  { id: 'lang-jp', name: 'Languages::Japanese' },
  { id: 'lang-jp-kanji', name: 'Languages::Japanese::Kanji' },
  { id: 'lang-fr', name: 'Languages::French' },
  { id: 'geo', name: 'Geography' },
  { id: 'hist', name: 'History' },
];

/** Cards per deck, all new at first; each basic note has one card, `<note id>/0`. */
const CARDS_PER_DECK: Record<string, number> = { lang: 3, 'lang-jp': 4, 'lang-jp-kanji': 40, 'lang-fr': 14, geo: 30, hist: 30 };

function collectionData(): CollectionData {
  const notes: Note[] = DECKS.flatMap((deck) =>
    Array.from({ length: CARDS_PER_DECK[deck.id] ?? 0 }, (_, i) => basicNote(`${deck.id}-${i}`, `${deck.name} ${i}`, `Answer ${i}`, deck.id)),
  );
  return { decks: DECKS, noteTypes: [BASIC_NOTE_TYPE], notes };
}

/** The first cards of a deck's queue in the order the index keeps them, the ones a short read would see. */
async function firstInQueue(collection: Collection, deckId: string, queue: number, count: number): Promise<string[]> {
  return collection.db.cards
    .where('[deckId+queue+due]')
    .between([deckId, queue, -Infinity], [deckId, queue, Infinity])
    .limit(count)
    .primaryKeys();
}

async function makeReview(collection: Collection, cardId: string, due: number): Promise<void> {
  await collection.db.cards.update(cardId, {
    state: CardState.Review,
    queue: CardState.Review,
    due,
    stability: 20,
    difficulty: 5,
    reps: 3,
    lastReview: due - 20 * DAY,
    scheduledDays: 20,
  });
}

/**
 * What the deck list must show, from every card read in full and every review of today, then the
 * day's limits as Anki v3 applies them: a deck's count is its own cards plus its subdecks' counts
 * (each capped by its own limit), capped by what its limit leaves after today's answers in its
 * whole subtree.
 */
async function expectedCounts(collection: Collection): Promise<Map<string, DeckCounts>> {
  const cards = await collection.db.cards.toArray();
  const deckOf = new Map(cards.map((card) => [card.id, card.deckId]));
  const todays = (await collection.db.reviews.toArray()).filter((review) => review.time >= DAY_START);
  const shown = cards.filter((card) => !card.suspended && (card.buriedUntil === null || card.buriedUntil <= NOW));
  const inTree = (deck: Deck, deckId: string | undefined) => DECKS.some((d) => d.id === deckId && (d.id === deck.id || d.name.startsWith(`${deck.name}::`)));
  const children = (deck: Deck) => DECKS.filter((d) => d.name.startsWith(`${deck.name}::`) && !d.name.slice(deck.name.length + 2).includes('::'));
  const expected = new Map<string, DeckCounts>();
  const count = async (deck: Deck): Promise<DeckCounts> => {
    const own = shown.filter((card) => card.deckId === deck.id);
    const done = (state: CardState) => todays.filter((review) => review.stateBefore === state && inTree(deck, deckOf.get(review.cardId))).length;
    const options = await collection.deckOptions(deck.id);
    let newCount = own.filter((card) => card.state === CardState.New).length;
    let reviewCount = own.filter((card) => card.state === CardState.Review && card.due < NEXT_DAY).length;
    let learningCount = own.filter((card) => (card.state === CardState.Learning || card.state === CardState.Relearning) && card.due < NEXT_DAY).length;
    for (const child of children(deck)) {
      const counted = await count(child);
      newCount += counted.newCount;
      reviewCount += counted.reviewCount;
      learningCount += counted.learningCount;
    }
    const counts = {
      newCount: Math.min(newCount, Math.max(0, options.newPerDay - done(CardState.New))),
      learningCount,
      reviewCount: Math.min(reviewCount, Math.max(0, options.reviewsPerDay - done(CardState.Review))),
    };
    expected.set(deck.id, counts);
    return counts;
  };
  for (const deck of DECKS.filter((d) => !d.name.includes('::'))) await count(deck);
  return expected;
}

function flatten(nodes: DeckNode<DeckCounts>[]): Map<string, DeckCounts> {
  const counts = ({ newCount, learningCount, reviewCount }: DeckCounts) => ({ newCount, learningCount, reviewCount });
  return new Map(nodes.flatMap((node) => [[node.deck.id, counts(node.value)] as const, ...flatten(node.children)]));
}

describe('deck list counts', () => {
  it('equal a full count capped by the limits, with more cards than the limits, buried cards and subdecks of other limits', async () => {
    const collection = fresh();
    await collection.installDecks(collectionData(), T0 - 30 * DAY);
    // Higher than Languages' own limits, which its subdecks inherit; History has none of its own.
    await collection.setCollectionOptions({ newPerDay: 12, reviewsPerDay: 50 });
    await collection.setDeckOptions('lang', { newPerDay: 3, reviewsPerDay: 4 });
    await collection.setDeckOptions('lang-jp', { newPerDay: 25, reviewsPerDay: 10 });
    // Kanji allows little, and only that much of it counts towards Japanese, which allows far more (Anki v3).
    await collection.setDeckOptions('lang-jp-kanji', { newPerDay: 2, reviewsPerDay: 1 });
    await collection.setDeckOptions('geo', { newPerDay: 6, reviewsPerDay: 5 });

    for (let i = 0; i < 12; i++) await makeReview(collection, `lang-jp-kanji-${i}/0`, T0 - DAY - i * HOUR);
    for (let i = 0; i < 10; i++) await makeReview(collection, `lang-fr-${i}/0`, T0 - 2 * DAY + i * HOUR);
    for (let i = 0; i < 12; i++) await makeReview(collection, `geo-${i}/0`, i < 9 ? T0 - DAY + i * HOUR : NEXT_DAY + i * HOUR);
    for (let i = 0; i < 8; i++) await makeReview(collection, `hist-${i}/0`, T0 - 3 * DAY);

    // Buried cards first in the index, where a read of only `limit` keys would find nothing but them.
    for (const id of await firstInQueue(collection, 'geo', CardState.New, 4)) await collection.bury(id, T0);
    for (const id of await firstInQueue(collection, 'lang-fr', CardState.Review, 2)) await collection.bury(id, T0);
    for (const id of await firstInQueue(collection, 'geo', CardState.Review, 3)) await collection.bury(id, T0);
    for (const id of await firstInQueue(collection, 'lang-jp-kanji', CardState.New, 3)) await collection.bury(id, T0);
    await collection.suspend('hist-10/0');

    await collection.answer('lang-jp-0/0', Rating.Good, T0, 4000);
    await collection.answer('lang-jp-kanji-20/0', Rating.Again, T0, 4000);
    await collection.answer('lang-fr-9/0', Rating.Good, T0, 4000);
    await collection.answer('hist-0/0', Rating.Good, T0, 4000);

    const expected = await expectedCounts(collection);
    const counts = flatten(await collection.deckTree(NOW));
    expect(counts).toEqual(expected);
    // The cases above must bite: the limits, not the cards, set these counts.
    expect(expected.get('lang-jp-kanji')).toMatchObject({ newCount: 1, reviewCount: 1 });
    expect(expected.get('lang-jp')).toMatchObject({ newCount: 4, reviewCount: 1 });
    expect(expected.get('geo')).toMatchObject({ newCount: 6, reviewCount: 5 });
    expect(expected.get('hist')?.newCount).toBe(12);
    expect(expected.get('lang-fr')?.reviewCount).toBe(3);
  });
});
