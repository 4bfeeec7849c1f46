import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { DAY, MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const start = collectionsClosedAfterEach();

/** Parameters of a learner who forgets fast: first stabilities a fifth of the defaults'. */
const FAST_FORGETTER = [
  0.05, 0.15, 0.5, 1.5, 6.4133, 0.8334, 3.0194, 0.001, 1.0, 0.1666, 0.796, 1.0, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912,
  0.0658, 0.2,
];

/** Studies every card of a deck to review state over a few days, answering Good. */
async function studied(collection: Collection): Promise<void> {
  await collection.installDecks(builtInDecks(5), T0);
  for (let day = 0; day < 3; day++) {
    for (let i = 0; i < 30; i++) {
      const now = T0 + day * DAY + i * MINUTE;
      const next = await collection.nextCard('deck-aws', now);
      if (!next) break;
      await collection.answer(next.card.id, Rating.Good, now, 4000);
    }
  }
}

describe('FSRS parameters on a deck', () => {
  it('change the buttons of the decks sharing the deck’s preset, not of decks with another preset', async () => {
    const collection = start();
    await studied(collection);
    await collection.addPreset('日本語', 'default', 'deck-jp', T0);
    const card = (await collection.db.cards.where('deckId').equals('deck-aws').toArray()).find((row) => row.state === CardState.Review)!;
    const now = T0 + 4 * DAY;
    const before = await collection.preview(card.id, now);
    await collection.applyFsrsParameters('deck-aws', { parameters: FAST_FORGETTER, fitted: { time: now, reviews: 20 }, reschedule: false }, now);
    const after = await collection.preview(card.id, now);
    expect(after[Rating.Good - 1]!.intervalMs).toBeLessThan(before[Rating.Good - 1]!.intervalMs);
    expect((await collection.deckOptions('deck-aws-iam')).fsrsParameters).toEqual(FAST_FORGETTER);
    expect((await collection.deckOptions('deck-jp')).fsrsParameters).toBeUndefined();
  });

  it("reach the Study screen's queue: a new card's Easy button graduates it at the fitted first stability", async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(5), T0);
    const easyDays = async () => {
      const queue = await collection.studyQueue('deck-aws', T0);
      const first = queue.today(T0).cards[0]!;
      expect(first.state).toBe(CardState.New);
      return queue.preview(first, T0)[Rating.Easy - 1]!.intervalMs / DAY;
    };
    expect(await easyDays()).toBeGreaterThanOrEqual(6);
    await collection.applyFsrsParameters('deck-aws', { parameters: FAST_FORGETTER, fitted: { time: T0, reviews: 20 }, reschedule: false }, T0);
    expect(await easyDays()).toBeLessThanOrEqual(2);
  });

  it('reschedule cards on change moves due dates without touching the review log, and undo brings everything back', async () => {
    const collection = start();
    await studied(collection);
    const now = T0 + 4 * DAY;
    const cardsBefore = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
    const reviewsBefore = await collection.db.reviews.toArray();
    const moved = await collection.applyFsrsParameters('deck-aws', { parameters: FAST_FORGETTER, fitted: { time: now, reviews: reviewsBefore.length }, reschedule: true }, now);
    expect(moved).toBeGreaterThan(0);
    expect(collection.undoState().undo).toBe('fsrsParameters');
    const cardsAfter = await collection.db.cards.where('deckId').equals('deck-aws').toArray();
    const sooner = cardsAfter.filter((card) => card.due < cardsBefore.find((b) => b.id === card.id)!.due);
    expect(sooner.length).toBeGreaterThan(0);
    expect(await collection.db.reviews.toArray()).toEqual(reviewsBefore);

    await collection.undo();
    expect(await collection.db.cards.where('deckId').equals('deck-aws').toArray()).toEqual(cardsBefore);
    expect((await collection.deckOptions('deck-aws')).fsrsParameters).toBeUndefined();
  });

  it('refuses malformed parameters and keeps the deck as it was', async () => {
    const collection = start();
    await studied(collection);
    const change = { parameters: [1, 2, 3], fitted: { time: T0, reviews: 1 }, reschedule: true };
    await expect(collection.applyFsrsParameters('deck-aws', change, T0)).rejects.toThrow(/fsrsParameters must hold 21 numbers/);
    const outOfRange = { ...change, parameters: FAST_FORGETTER.map((w, i) => (i === 20 ? 5 : w)) };
    await expect(collection.applyFsrsParameters('deck-aws', outOfRange, T0)).rejects.toThrow(/w\[20\] must be between/);
    expect((await collection.deckOptions('deck-aws')).fsrsParameters).toBeUndefined();
  });

  it("take an Anki preset's parameters onto new decks on import, keep the learner's own on decks already there, and go back out on export", async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(2), T0);
    await collection.setDeckOptions('deck-jp', { desiredRetention: 0.95 });
    const data = builtInDecks(2);
    data.decks = [
      { id: 'anki-deck-20', name: 'Anki exam', options: { fsrsParameters: FAST_FORGETTER, desiredRetention: 0.85 } },
      { id: 'anki-deck-21', name: 'Anki exam::IAM' },
      { id: 'anki-deck-22', name: '日本語', options: { fsrsParameters: FAST_FORGETTER, desiredRetention: 0.8 } },
    ];
    data.notes = data.notes.map((note, i) => ({ ...note, id: `anki-${i}`, deckId: ['anki-deck-20', 'anki-deck-21', 'anki-deck-22'][i % 3]! }));
    await collection.importData(data, { fileName: 'exam.apkg', now: T0, withScheduling: false });

    expect(await collection.deckOptions('anki-deck-20')).toMatchObject({ fsrsParameters: FAST_FORGETTER, desiredRetention: 0.85 });
    expect(await collection.deckOptions('anki-deck-21')).toMatchObject({ fsrsParameters: FAST_FORGETTER, desiredRetention: 0.85 });
    const japanese = await collection.deckOptions('deck-jp');
    expect(japanese.desiredRetention).toBe(0.95);
    expect(japanese.fsrsParameters).toBeUndefined();

    const exported = await collection.exportData({ deckIds: ['anki-deck-20', 'deck-jp'], withScheduling: false, withMedia: false });
    const optionsOf = (name: string) => exported.decks.find((deck) => deck.name === name)?.options;
    expect(optionsOf('Anki exam::IAM')).toEqual({ fsrsParameters: FAST_FORGETTER, desiredRetention: 0.85 });
    expect(optionsOf('日本語')).toEqual({ desiredRetention: 0.95 });
  });
});
