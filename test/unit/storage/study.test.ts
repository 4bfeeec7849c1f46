import { afterEach, describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { DAY, HOUR, MINUTE, NEXT_DAY, T0, builtInDecks, freshName, openCollection } from './helpers';

const open: Collection[] = [];
function start(name = freshName(), zone?: Parameters<typeof openCollection>[1]): Collection {
  const collection = openCollection(name, zone);
  open.push(collection);
  return collection;
}
afterEach(() => {
  for (const collection of open.splice(0)) collection.close();
});

async function answerNext(collection: Collection, deckId: string, rating: (typeof Rating)[keyof typeof Rating], now: number) {
  const next = await collection.nextCard(deckId, now);
  if (!next) throw new Error('queue is empty');
  await collection.answer(next.card.id, rating, now, 5000);
  return next.card.id;
}

describe('daily limits', () => {
  it('counts new cards introduced earlier today against the limit after a restart, and resets the next day', async () => {
    const name = freshName();
    const first = start(name);
    await first.installDecks(builtInDecks(30), T0);
    expect((await first.todayQueue('deck-aws', T0)).counts.newCount).toBe(20);
    for (let i = 0; i < 12; i++) await answerNext(first, 'deck-aws', Rating.Easy, T0 + i * MINUTE);
    first.close();

    const second = start(name);
    const evening = T0 + 8 * HOUR;
    expect((await second.todayQueue('deck-aws', evening)).counts.newCount).toBe(8);
    for (let i = 0; i < 8; i++) await answerNext(second, 'deck-aws', Rating.Easy, evening + i * MINUTE);
    expect(await second.nextCard('deck-aws', evening + HOUR)).toBeNull();
    expect((await second.todayQueue('deck-aws', NEXT_DAY)).counts.newCount).toBe(10);
  });

  it('counts answers stored before reviews carried their deck, by looking up their card', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(30), T0);
    for (let i = 0; i < 5; i++) await answerNext(collection, 'deck-aws', Rating.Easy, T0 + i * MINUTE);
    expect((await collection.db.reviews.toArray()).every((review) => review.deckId === 'deck-aws')).toBe(true);
    await collection.db.reviews.toCollection().modify((review) => {
      delete review.deckId;
    });
    expect((await collection.todayQueue('deck-aws', T0 + HOUR)).counts.newCount).toBe(15);
    expect((await collection.deckList(T0 + HOUR)).decks.find((node) => node.deck.id === 'deck-aws')?.value.newCount).toBe(15);
  });

  it('stops at the review limit across two sessions in one day', async () => {
    const name = freshName();
    const first = start(name);
    await first.installDecks(builtInDecks(8), T0);
    await first.setDeckOptions('deck-aws', { reviewsPerDay: 5 });
    for (let i = 0; i < 8; i++) await answerNext(first, 'deck-aws', Rating.Easy, T0 + i * MINUTE);
    const later = T0 + 120 * DAY;
    const due = await first.todayQueue('deck-aws', later);
    expect(due.counts).toMatchObject({ reviewCount: 5, newCount: 0 });
    for (let i = 0; i < 3; i++) await answerNext(first, 'deck-aws', Rating.Good, later + i * MINUTE);
    first.close();

    const second = start(name);
    const queue = await second.todayQueue('deck-aws', later + HOUR);
    expect(queue.counts.reviewCount).toBe(2);
    expect(queue.cards.every((card) => card.state === CardState.Review)).toBe(true);
  });
});

describe('answering', () => {
  it('walks a card through learning steps and shows it again once due', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(1), T0);
    const [again, , good] = await collection.preview('aws-0/0', T0);
    expect(again?.intervalMs).toBe(MINUTE);
    expect(good?.intervalMs).toBe(10 * MINUTE);
    const { card, review } = await collection.answer('aws-0/0', Rating.Good, T0, 3000);
    expect(card).toMatchObject({ state: CardState.Learning, due: T0 + 10 * MINUTE, reps: 1 });
    expect(review).toMatchObject({ cardId: 'aws-0/0', rating: Rating.Good, stateBefore: CardState.New, stateAfter: CardState.Learning, durationMs: 3000 });
    // Nothing else is left, so the learning card is offered a little ahead of time.
    expect((await collection.nextCard('deck-aws', T0 + MINUTE))?.card.id).toBe('aws-0/0');
    const graduated = await collection.answer('aws-0/0', Rating.Good, T0 + 10 * MINUTE, 2000);
    expect(graduated.card.state).toBe(CardState.Review);
    expect(await collection.nextCard('deck-aws', T0 + 11 * MINUTE)).toBeNull();
  });

  it("schedules by the deck's options as they are when answering, also when they changed during the session", async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(2), T0);
    expect((await collection.answer('aws-0/0', Rating.Again, T0, 1000)).card.due).toBe(T0 + MINUTE);
    await collection.setDeckOptions('deck-aws', { learningSteps: ['5m', '30m'] });
    expect((await collection.answer('aws-1/0', Rating.Again, T0, 1000)).card.due).toBe(T0 + 5 * MINUTE);
    await collection.setCollectionOptions({ learningSteps: ['2m'] });
    await collection.setDeckOptions('deck-aws', {});
    expect((await collection.answer('aws-1/0', Rating.Again, T0 + MINUTE, 1000)).card.due).toBe(T0 + 3 * MINUTE);
  });

  it('buries the other card of the same note until the next day starts', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(0), T0);
    expect((await collection.todayQueue('deck-jp', T0)).cards.map((c) => c.id)).toEqual(['jp-inu/0', 'jp-inu/1']);
    await collection.answer('jp-inu/0', Rating.Easy, T0, 1000);
    expect((await collection.todayQueue('deck-jp', T0 + HOUR)).cards).toEqual([]);
    expect((await collection.todayQueue('deck-jp', NEXT_DAY - 1)).cards).toEqual([]);
    expect((await collection.todayQueue('deck-jp', NEXT_DAY)).cards.map((c) => c.id)).toEqual(['jp-inu/1']);
  });

  it('never shows a suspended card, and a buried card comes back the next day', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.suspend('aws-0/0');
    await collection.bury('aws-1/0', T0);
    const ids = async (now: number) => (await collection.todayQueue('deck-aws', now)).cards.map((c) => c.id);
    expect(await ids(T0)).toEqual(['aws-2/0']);
    expect(await ids(NEXT_DAY)).toEqual(['aws-1/0', 'aws-2/0']);
    const [deck] = (await collection.deckTree(T0)).filter((node) => node.deck.id === 'deck-aws');
    expect(deck?.value.newCount).toBe(1);
    await collection.unsuspend('aws-0/0');
    expect(await ids(NEXT_DAY)).toEqual(['aws-0/0', 'aws-1/0', 'aws-2/0']);
  });

  it('undoes three answers, restoring each card, the sibling bury and the log', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(2), T0);
    const before = await collection.db.cards.toArray();
    await collection.answer('jp-inu/0', Rating.Good, T0, 1000);
    await collection.answer('aws-0/0', Rating.Again, T0 + MINUTE, 1000);
    await collection.answer('aws-0/0', Rating.Good, T0 + 2 * MINUTE, 1000);
    expect(await collection.db.reviews.count()).toBe(3);

    expect((await collection.undo())?.action).toBe('answer');
    expect((await collection.db.cards.get('aws-0/0'))?.state).toBe(CardState.Learning);
    expect((await collection.undo())?.action).toBe('answer');
    expect((await collection.undo())?.action).toBe('answer');
    expect(await collection.undo()).toBeNull();
    expect(await collection.db.cards.toArray()).toEqual(before);
    expect(await collection.db.reviews.count()).toBe(0);
    expect((await collection.todayQueue('deck-jp', T0)).cards.map((c) => c.id)).toEqual(['jp-inu/0', 'jp-inu/1']);
  });

  it('leaves the card and the log unchanged when the transaction fails', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(0), T0);
    const cardsBefore = await collection.db.cards.toArray();
    const failWrite = () => {
      throw new Error('disk full');
    };
    collection.db.reviews.hook('creating', failWrite);
    await expect(collection.answer('jp-inu/0', Rating.Good, T0, 1000)).rejects.toThrow('disk full');
    collection.db.reviews.hook('creating').unsubscribe(failWrite);
    expect(await collection.db.cards.toArray()).toEqual(cardsBefore);
    expect(await collection.db.reviews.count()).toBe(0);
    expect(collection.canUndo).toBe(false);
  });

  it('refuses a bad rating, an unknown card and a corrupt stored card, changing nothing', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(1), T0);
    await expect(collection.answer('aws-0/0', 5 as never, T0, 1000)).rejects.toThrow('Rating must be 1 (Again) to 4 (Easy), got 5');
    await expect(collection.answer('no-such-card', Rating.Good, T0, 1000)).rejects.toThrow('No card with id no-such-card');
    const stored = await collection.db.cards.get('aws-0/0');
    await collection.db.cards.put({ ...stored!, stability: 'lots' as never });
    await expect(collection.answer('aws-0/0', Rating.Good, T0, 1000)).rejects.toThrow(/Card aws-0\/0 in the database is corrupt: stability/);
    expect(await collection.db.cards.get('aws-0/0')).toMatchObject({ stability: 'lots', reps: 0 });
    expect(await collection.db.reviews.count()).toBe(0);
  });

  it('counts the learner day in the zone the app now runs in after a time-zone change', async () => {
    const name = freshName();
    const tokyo = start(name, 'Asia/Tokyo');
    await tokyo.installDecks(builtInDecks(0), T0);
    const afternoon = T0 + 6 * HOUR;
    await tokyo.answer('jp-inu/0', Rating.Easy, afternoon, 1000);
    tokyo.close();
    // The sibling was buried until 04:00 Tokyo time; in London that moment is 19:00 the same evening.
    const london = start(name, 'Europe/London');
    expect((await london.todayQueue('deck-jp', NEXT_DAY - 1)).cards).toEqual([]);
    expect((await london.todayQueue('deck-jp', NEXT_DAY)).cards.map((c) => c.id)).toEqual(['jp-inu/1']);
    // 16:00 in Tokyo was 07:00 in London, after 04:00: the same London day until 04:00 London time.
    expect((await london.deckList(NEXT_DAY)).totals.studied).toBe(1);
    expect((await london.deckList(Date.UTC(2026, 11, 2, 4, 0))).totals.studied).toBe(0);
  });

  it('counts as due tomorrow only cards due during tomorrow, not learning steps due later today', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.answer('aws-0/0', Rating.Again, T0, 1000);
    const tomorrowNoon = NEXT_DAY + 8 * HOUR;
    await collection.db.cards.update('aws-1/0', { state: CardState.Review, queue: CardState.Review, due: tomorrowNoon });
    await collection.db.cards.update('aws-2/0', { state: CardState.Review, queue: CardState.Review, due: tomorrowNoon + DAY });
    expect(await collection.dueTomorrow('deck-aws', T0 + MINUTE)).toBe(1);
    expect(await collection.dueTomorrow('', T0 + MINUTE)).toBe(1);
  });
});
