import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { builtInDecks, HOUR, T0 } from '../storage/helpers';
import { canonicalDump, Device } from './devices';
import { syncServerForFile } from './sync-server';

const { account } = syncServerForFile('meaning');

describe('merging by meaning', () => {
  it('built-in decks installed on two devices at different times merge silently: nothing is "edited on another device"', async () => {
    const target = await account();
    const a = new Device(target);
    const b = new Device(target);
    const decks = builtInDecks(20);
    await a.collection.installDecks(decks, T0);
    await a.sync();
    // B is set up hours later, studies one card before its first sync, and installs the same decks then.
    await b.collection.installDecks(decks, T0 + 5 * HOUR);
    await b.collection.answer('aws-3/0', Rating.Good, T0 + 5 * HOUR + 60_000, 4000);
    await b.sync();
    await a.sync();

    for (const device of [a, b]) expect(await device.collection.db.syncLost.toArray()).toEqual([]);
    const dumpA = await canonicalDump(a.collection);
    expect(await canonicalDump(b.collection)).toEqual(dumpA);
    expect(dumpA.notes).toHaveLength(21);
    expect(dumpA.reviews.map((review) => review.cardId)).toEqual(['aws-3/0']);
    expect(dumpA.cards.find((card) => card.id === 'aws-3/0')?.reps).toBe(1);
    await a.close();
    await b.close();
  }, 60_000);
});
