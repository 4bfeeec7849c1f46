import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { builtInDecks, HOUR, T0 } from '../storage/helpers';
import type { LastSync } from '../../../src/renderer/src/storage/sync/sync-meta';
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

  it.each([
    ['A', 'syncs first'],
    ['B', 'syncs first, then adds a note to its deck before it learns of the merge'],
  ])('a deck made under the same name on both devices offline becomes one deck on both, holding the cards of both (%s %s)', async (first) => {
    const target = await account();
    const a = new Device(target);
    const b = new Device(target);
    for (const device of [a, b]) await device.collection.installDecks(builtInDecks(3), T0);
    await a.sync();
    await b.sync();

    const deckOnA = await a.collection.createDeck('Network', T0 + HOUR);
    const onA = await a.collection.addNote({ noteTypeId: 'kioku-basic', deckId: deckOnA, fields: ['VPC', 'from A'] }, T0 + HOUR);
    const deckOnB = await b.collection.createDeck('network', T0 + 2 * HOUR);
    const onB = await b.collection.addNote({ noteTypeId: 'kioku-basic', deckId: deckOnB, fields: ['Subnet', 'from B'] }, T0 + 2 * HOUR);
    await b.collection.answer(onB.cards[0]!.id, Rating.Good, T0 + 2 * HOUR + 60_000, 3000);

    const runs: LastSync[] = [];
    const added = [onA, onB];
    if (first === 'A') {
      runs.push(await a.sync(), await b.sync(), await a.sync(), await b.sync());
    } else {
      runs.push(await b.sync(), await a.sync());
      // A already took B's deck into its own; B's next note still goes to B's deck, as B has not heard yet.
      added.push(await b.collection.addNote({ noteTypeId: 'kioku-basic', deckId: deckOnB, fields: ['NACL', 'from B, later'] }, T0 + 3 * HOUR));
      runs.push(await b.sync(), await a.sync(), await b.sync(), await a.sync());
    }
    expect(runs.flatMap((run) => run.skipped)).toEqual([]);

    // The smaller id stays on both devices, so they agree without asking each other.
    const kept = deckOnA < deckOnB ? deckOnA : deckOnB;
    const dumpA = await canonicalDump(a.collection);
    expect(await canonicalDump(b.collection)).toEqual(dumpA);
    expect(dumpA.decks.filter((deck) => deck.name.toLowerCase() === 'network').map((deck) => deck.id)).toEqual([kept]);
    const noteIds = added.map((item) => item.note.id);
    const cardIds = added.flatMap((item) => item.cards.map((card) => card.id));
    expect(dumpA.cards.filter((card) => cardIds.includes(card.id)).map((card) => card.deckId)).toEqual(added.map(() => kept));
    expect(dumpA.notes.filter((note) => noteIds.includes(note.id)).map((note) => note.deckId)).toEqual(added.map(() => kept));
    expect(dumpA.deckTotals.find((row) => row.deckId === kept)?.cards).toBe(added.length);
    expect(dumpA.cards.find((card) => card.id === onB.cards[0]!.id)?.reps).toBe(1);
    await a.close();
    await b.close();
  }, 60_000);
});
