import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { readCsv } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { HOUR, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

/*
 * Decks, options and settings are cached in the Collection. Each case reads them first (so the
 * cache is filled), changes them through one kind of write, and checks the learner sees the change.
 */

const fresh = collectionsClosedAfterEach();
async function installed(notes = 30): Promise<Collection> {
  const collection = fresh();
  await collection.installDecks(builtInDecks(notes), T0);
  return collection;
}

async function newToday(collection: Collection, deckId = 'deck-aws'): Promise<number> {
  return (await collection.todayQueue(deckId, T0)).counts.newCount;
}

describe('cached decks, options and settings', () => {
  it('shows a deck option change at once, in the queue, the deck list and the options', async () => {
    const collection = await installed();
    expect(await newToday(collection)).toBe(20);
    await collection.setDeckOptions('deck-aws', { newPerDay: 5 });
    expect(await newToday(collection)).toBe(5);
    expect((await collection.deckOptions('deck-aws')).newPerDay).toBe(5);
    const aws = (await collection.deckTree(T0)).find((node) => node.deck.id === 'deck-aws');
    expect(aws?.value.newCount).toBe(5);
  });

  it('shows a collection option change at once', async () => {
    const collection = await installed();
    expect(await collection.collectionOptions()).toEqual({});
    expect(await newToday(collection)).toBe(20);
    await collection.setCollectionOptions({ newPerDay: 3 });
    expect(await collection.collectionOptions()).toEqual({ newPerDay: 3 });
    expect(await newToday(collection)).toBe(3);
  });

  it('moves the start of the learner day at once when the day start hour changes', async () => {
    const collection = await installed();
    await collection.answer('aws-0/0', Rating.Good, T0, 1000);
    // T0 is 10:00 in Tokyo; the default day starts at 04:00, so 11:00 is the same day.
    expect((await collection.deckList(T0 + HOUR)).totals.studied).toBe(1);
    await collection.setSettings({ dayStartHour: 11 });
    expect((await collection.settings()).dayStartHour).toBe(11);
    expect((await collection.deckList(T0 + HOUR)).totals.studied).toBe(0);
  });

  it('sees the decks installed after an empty collection was read', async () => {
    const collection = fresh();
    expect(await collection.hasDecks()).toBe(false);
    expect(await collection.deckTree(T0)).toEqual([]);
    await collection.installDecks(builtInDecks(3), T0);
    expect(await collection.hasDecks()).toBe(true);
    expect((await collection.deckTree(T0)).map((node) => node.deck.name)).toEqual(['AWS Security', '日本語']);
  });

  it('sees a deck that an import created', async () => {
    const collection = await installed(3);
    expect((await collection.deckTree(T0)).map((node) => node.deck.name)).toEqual(['AWS Security', '日本語']);
    const { collection: data } = readCsv('front,back,deck\n犬,dog,Animals\n', 'words.csv', { now: T0 });
    await collection.importData(data, { fileName: 'words.csv', now: T0, withScheduling: false });
    const animals = (await collection.deckTree(T0)).find((node) => node.deck.name === 'Animals');
    if (!animals) throw new Error('the imported deck is missing from the deck list');
    expect((await collection.todayQueue(animals.deck.id, T0)).counts.newCount).toBe(1);
  });

  it('goes back to the options and settings of a restored backup', async () => {
    const collection = await installed();
    const backup = await collection.createBackup(T0);
    await collection.setDeckOptions('deck-aws', { newPerDay: 5 });
    await collection.setSettings({ dayStartHour: 11 });
    expect(await newToday(collection)).toBe(5);
    expect((await collection.settings()).dayStartHour).toBe(11);
    await collection.restoreBackup(backup, { fileName: 'before.kioku-backup', now: T0 });
    expect(await newToday(collection)).toBe(20);
    expect((await collection.settings()).dayStartHour).toBe(4);
  });

  it('hands out copies, so a screen changing what it read does not change the collection', async () => {
    const collection = await installed();
    const settings = await collection.settings();
    settings.dayStartHour = 9;
    const options = await collection.deckOptions('deck-aws');
    options.learningSteps.push('99m');
    options.newPerDay = 1;
    const defaults = await collection.collectionOptions();
    defaults.newPerDay = 2;
    expect((await collection.settings()).dayStartHour).toBe(4);
    expect((await collection.deckOptions('deck-aws')).learningSteps).not.toContain('99m');
    expect(await collection.collectionOptions()).toEqual({});
    expect(await newToday(collection)).toBe(20);
  });
});
