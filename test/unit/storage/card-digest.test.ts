import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { digestOf, digestSharesOf, type CardDigest } from '../../../src/core/cards/digest';
import { Rating } from '../../../src/core/collection/model';
import { cardCountsByState } from '../../../src/core/stats/cardCounts';
import { dueForecast } from '../../../src/core/stats/dueForecast';
import { intervalDistribution, stabilityDistribution } from '../../../src/core/stats/histogram';
import { DIGEST_STATE_KEY, readCardDigests } from '../../../src/renderer/src/storage/card-digest';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { forecast, loadStatistics } from '../../../src/renderer/src/screens/stats/stats-data';
import { DAY, MINUTE, T0, basicNote, builtInDecks, collectionsClosedAfterEach } from './helpers';

const start = collectionsClosedAfterEach();

const byId = (a: CardDigest, b: CardDigest) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every card as the cards table holds it: what Statistics read before the digest was kept. */
async function fromEveryCard(collection: Collection): Promise<CardDigest[]> {
  return (await collection.db.cards.toArray()).map(digestOf).sort(byId);
}

async function kept(collection: Collection): Promise<CardDigest[]> {
  return (await readCardDigests(collection.db)).sort(byId);
}

async function upToDate(collection: Collection): Promise<boolean | undefined> {
  const state = await collection.db.cardDigest.get(DIGEST_STATE_KEY);
  return state && 'upToDate' in state ? state.upToDate : undefined;
}

async function answerSome(collection: Collection, count: number, from: number, ratings: Rating[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const next = await collection.nextCard('deck-aws', from + i * MINUTE);
    if (!next) return;
    await collection.answer(next.card.id, ratings[i % ratings.length]!, from + i * MINUTE, 4000);
  }
}

/** Builds the digest, then checks after each change that it is still the cards and was kept, not rebuilt. */
async function expectKeptThrough(collection: Collection, change: () => Promise<unknown>): Promise<void> {
  await kept(collection);
  await change();
  expect(await upToDate(collection)).toBe(true);
  expect(await kept(collection)).toEqual(await fromEveryCard(collection));
}

describe("the cards' digest", () => {
  it('is built from every card on first read, then follows answers and their undo without a rebuild', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(30), T0);
    expect(await upToDate(collection)).toBeUndefined();
    expect(await kept(collection)).toEqual(await fromEveryCard(collection));
    expect(await upToDate(collection)).toBe(true);

    await expectKeptThrough(collection, () => answerSome(collection, 20, T0, [Rating.Good, Rating.Again, Rating.Easy]));
    await expectKeptThrough(collection, () => answerSome(collection, 15, T0 + 5 * DAY, [Rating.Hard, Rating.Good]));
    await expectKeptThrough(collection, () => collection.undo());
    await expectKeptThrough(collection, () => collection.redo());
    await expectKeptThrough(collection, () => collection.undo());
  });

  it('follows suspending, burying, moving and deleting cards, and adding a note', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(12), T0);
    await answerSome(collection, 8, T0, [Rating.Good]);
    await expectKeptThrough(collection, () => collection.suspend('aws-1/0'));
    await expectKeptThrough(collection, () => collection.setSuspended(['aws-2/0', 'aws-3/0'], true));
    await expectKeptThrough(collection, () => collection.bury('aws-4/0', T0 + DAY));
    await expectKeptThrough(collection, () => collection.moveCards(['aws-5/0', 'aws-6/0'], 'deck-jp'));
    await expectKeptThrough(collection, () => collection.deleteNotes(['aws-7/0']));
    await expectKeptThrough(collection, () => collection.undo());
    await expectKeptThrough(collection, () => collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws', fields: ['Added', 'later'] }, T0 + 2 * DAY));
  });

  it('is right after an import, a large one and a restored backup, rebuilt when it could not follow', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(5), T0);
    await answerSome(collection, 4, T0, [Rating.Good]);
    await kept(collection);
    const small = { decks: [{ id: 'deck-jp', name: '日本語' }], noteTypes: [BASIC_NOTE_TYPE], notes: [basicNote('new-1', 'New', 'Card', 'deck-jp')] };
    await collection.importData(small, { fileName: 'small.json', now: T0 + DAY, withScheduling: false });
    expect(await kept(collection)).toEqual(await fromEveryCard(collection));

    const notes = Array.from({ length: 600 }, (_, i) => basicNote(`bulk-${i}`, `Front ${i}`, `Back ${i}`, 'deck-jp'));
    await collection.importData({ ...small, notes }, { fileName: 'big.json', now: T0 + 2 * DAY, withScheduling: false });
    expect(await upToDate(collection)).toBe(false);
    expect(await kept(collection)).toEqual(await fromEveryCard(collection));
    expect(await upToDate(collection)).toBe(true);

    const backup = await collection.createBackup(T0 + 3 * DAY);
    await answerSome(collection, 3, T0 + 4 * DAY, [Rating.Again]);
    await kept(collection);
    await collection.restoreBackup(backup, { fileName: 'backup.kioku-backup', now: T0 + 5 * DAY });
    expect(await upToDate(collection)).toBe(false);
    expect(await kept(collection)).toEqual(await fromEveryCard(collection));
  });

  it('gives Statistics the same card charts as every card does', async () => {
    const collection = start();
    await collection.installDecks(builtInDecks(40), T0);
    await answerSome(collection, 30, T0, [Rating.Good, Rating.Easy, Rating.Again]);
    await answerSome(collection, 20, T0 + 9 * DAY, [Rating.Good, Rating.Hard]);
    await collection.suspend('aws-3/0');
    const now = T0 + 10 * DAY;
    const stats = await loadStatistics(collection, now);
    const cards = await collection.db.cards.toArray();
    expect(stats.counts).toEqual(cardCountsByState(digestSharesOf(cards)));
    expect(stats.intervals).toEqual(intervalDistribution(digestSharesOf(cards)));
    expect(stats.stabilities).toEqual(stabilityDistribution(digestSharesOf(cards)));
    expect(forecast(stats, 90)).toEqual(dueForecast(digestSharesOf(cards), now, stats.clock, 90));
    expect(stats.counts.review + stats.counts.learning + stats.counts.relearning).toBeGreaterThan(0);
  });
});
