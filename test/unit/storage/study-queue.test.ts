import { describe, expect, it } from 'vitest';
import { BASIC_REVERSED_NOTE_TYPE } from '../../../src/core/cards';
import { CardState, Rating, type Note } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import type { StudyQueue } from '../../../src/renderer/src/storage/study-queue';
import { DAY, MINUTE, NEXT_DAY, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const start = collectionsClosedAfterEach();

function reversed(id: string, deckId = 'deck-jp'): Note {
  return { id, noteTypeId: BASIC_REVERSED_NOTE_TYPE.id, deckId, fields: [id, `${id} back`], tags: [], modified: T0 };
}

/** The in-memory queue must show exactly what reading today's queue afresh shows. */
async function expectSameAsRead(collection: Collection, queue: StudyQueue, deckId: string, now: number): Promise<void> {
  const read = await collection.todayQueue(deckId, now);
  const kept = queue.today(now);
  expect(kept.cards.map((card) => card.id)).toEqual(read.cards.map((card) => card.id));
  expect(kept.counts).toEqual(read.counts);
}

async function answerFirst(collection: Collection, queue: StudyQueue, rating: Rating, now: number): Promise<string> {
  const first = queue.today(now).cards[0];
  if (!first) throw new Error('the in-memory queue is empty');
  queue.answered(await collection.answer(first.id, rating, now, 3000));
  return first.id;
}

describe('a study session queue kept in memory', () => {
  it('brings a learning card back once it is due again today', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(3), T0);
    const queue = await collection.studyQueue('deck-aws', T0);
    const again = await answerFirst(collection, queue, Rating.Again, T0);

    const rightAfter = queue.today(T0 + 1000);
    expect(rightAfter.cards.map((card) => card.id).at(-1)).toBe(again);
    expect(rightAfter.counts).toEqual({ newCount: 2, learningCount: 1, reviewCount: 0 });
    await expectSameAsRead(collection, queue, 'deck-aws', T0 + 1000);

    const due = queue.today(T0 + 2 * MINUTE);
    expect(due.cards[0]?.id).toBe(again);
    expect(due.cards[0]?.state).toBe(CardState.Learning);
    await expectSameAsRead(collection, queue, 'deck-aws', T0 + 2 * MINUTE);
  });

  it('drops the siblings an answer buried', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(0), T0);
    const queue = await collection.studyQueue('deck-jp', T0);
    expect(queue.today(T0).cards.map((card) => card.id)).toEqual(['jp-inu/0', 'jp-inu/1']);
    await answerFirst(collection, queue, Rating.Good, T0);
    const left = queue.today(T0 + MINUTE);
    expect(left.cards.map((card) => card.id)).toEqual(['jp-inu/0']);
    expect(left.counts).toEqual({ newCount: 0, learningCount: 1, reviewCount: 0 });
    await expectSameAsRead(collection, queue, 'deck-jp', T0 + MINUTE);
  });

  it('stays the same as reading the queue afresh through a long session of reviews, new cards and learning steps', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(30, (notes) => [...notes, reversed('jp-a', 'deck-aws'), reversed('jp-b', 'deck-aws')]), T0 - 10 * DAY);
    for (let i = 0; i < 12; i++) await collection.answer(`aws-${i}/0`, Rating.Easy, T0 - 10 * DAY, 3000);
    await collection.setDeckOptions('deck-aws', { reviewsPerDay: 8, newPerDay: 10 });
    const queue = await collection.studyQueue('deck-aws', T0);
    expect(queue.today(T0).counts.reviewCount).toBe(8);
    const ratings = [Rating.Good, Rating.Again, Rating.Hard, Rating.Easy, Rating.Good, Rating.Good, Rating.Again];
    let now = T0;
    for (let i = 0; i < 40 && queue.today(now).cards.length > 0; i++) {
      expect(queue.needsReading(now)).toBe(false);
      await answerFirst(collection, queue, ratings[i % ratings.length] ?? Rating.Good, now);
      now += 3 * MINUTE;
      await expectSameAsRead(collection, queue, 'deck-aws', now);
    }
    const { counts } = queue.today(now);
    expect(counts.reviewCount + counts.newCount).toBe(0);
  });

  it('asks to be read again once the learner day has ended', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(3), T0);
    const queue = await collection.studyQueue('deck-aws', T0);
    expect(queue.needsReading(NEXT_DAY - 1)).toBe(false);
    expect(queue.needsReading(NEXT_DAY)).toBe(true);
  });

  it('asks to be read again when buried siblings leave fewer new cards than the limit still allows', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(0, (notes) => [...notes, reversed('jp-a'), reversed('jp-b')]), T0);
    await collection.setDeckOptions('deck-jp', { newPerDay: 2 });
    const queue = await collection.studyQueue('deck-jp', T0);
    // Both cards read are of one note: answering one buries the other, and the deck has more notes.
    expect(queue.today(T0).cards.map((card) => card.id)).toEqual(['jp-inu/0', 'jp-inu/1']);
    await answerFirst(collection, queue, Rating.Easy, T0);
    expect(queue.needsReading(T0 + MINUTE)).toBe(true);
    const read = (await collection.studyQueue('deck-jp', T0 + MINUTE)).today(T0 + MINUTE);
    expect(read.counts.newCount).toBe(1);
    expect(read.cards[0]?.noteId).not.toBe('jp-inu');
  });

  it('gives the same answer outcomes as the collection, without reading the card', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(3), T0);
    const queue = await collection.studyQueue('deck-aws', T0);
    const id = await answerFirst(collection, queue, Rating.Hard, T0);
    const later = T0 + 30 * MINUTE;
    const card = queue.today(later).cards.find((entry) => entry.id === id);
    if (!card) throw new Error('the learning card left the queue');
    expect(queue.preview(card, later)).toEqual(await collection.preview(id, later));
  });
});
