import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { T0, MINUTE } from '../storage/helpers';
import { canonicalDump } from './devices';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-flags');

describe('flags, marks and leeches travel with sync', () => {
  it('a flag set on one device, a mark and a leech tag reach the other, and an answer there keeps the flag', async () => {
    const { a, b, close } = await twoDevices();

    await a.collection.toggleFlag('aws-1/0', 3);
    await a.collection.toggleMark('aws-2', T0 + MINUTE);
    await a.collection.changeTags(['aws-3/0'], ['leech'], true, T0 + MINUTE);
    const filtered = { id: 'deck-week', name: 'Exam week', options: {}, filtered: { search: 'flag:3', limit: 50, order: 'due' as const, reschedule: true } };
    await a.collection.db.decks.put(filtered);
    await a.sync();
    await b.sync();
    const onB = async (cardId: string) => (await b.collection.db.cards.get(cardId))?.flag;
    expect(await onB('aws-1/0')).toBe(3);
    expect((await b.collection.browse('flag:3', T0 + 2 * MINUTE)).map((row) => row.card.id)).toEqual(['aws-1/0']);
    expect((await b.collection.browse('tag:marked', T0 + 2 * MINUTE)).map((row) => row.note.id)).toEqual(['aws-2']);
    expect((await b.collection.browse('tag:leech', T0 + 2 * MINUTE)).map((row) => row.note.id)).toEqual(['aws-3']);
    expect(await b.collection.db.decks.get('deck-week')).toEqual(filtered);

    // B answers the flagged card and A takes the flag off another: the answer is replayed on A,
    // the flag stays; the flag taken off on B reaches A.
    await b.collection.answer('aws-1/0', Rating.Good, T0 + 3 * MINUTE, 4000);
    await a.collection.toggleFlag('aws-4/0', 7);
    await a.sync();
    await b.sync();
    await a.sync();
    expect((await a.collection.db.cards.get('aws-1/0'))?.flag).toBe(3);
    expect((await a.collection.db.cards.get('aws-1/0'))?.reps).toBe(1);
    expect(await onB('aws-4/0')).toBe(7);
    await b.collection.toggleFlag('aws-4/0', 7);
    await b.sync();
    await a.sync();
    expect((await a.collection.db.cards.get('aws-4/0'))?.flag ?? 0).toBe(0);
    expect(await canonicalDump(b.collection)).toEqual(await canonicalDump(a.collection));
    await close();
  }, 60_000);
});
