import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { Rating, type CollectionData } from '../../../src/core/collection/model';
import { SyncError } from '../../../src/core/sync/errors';
import { basicNote, builtInDecks, MINUTE, T0 } from '../storage/helpers';
import { canonicalDump, type Device } from './devices';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-every-change');

function importedDeck(deckId: string, count: number): CollectionData {
  return {
    decks: [{ id: deckId, name: `Imported ${count}` }],
    noteTypes: [BASIC_NOTE_TYPE],
    notes: Array.from({ length: count }, (_, i) => basicNote(`${deckId}-${i}`, `Imported question ${i}`, `Imported answer ${i}`, deckId)),
  };
}

async function expectSame(a: Device, b: Device): Promise<Awaited<ReturnType<typeof canonicalDump>>> {
  const dumpA = await canonicalDump(a.collection);
  expect(await canonicalDump(b.collection)).toEqual(dumpA);
  return dumpA;
}

describe('the next sync carries every change made since the last one', () => {
  it('an answer, an edit, a suspension, a move, a deletion, an undo and imports made on one device all reach the other', async () => {
    const { a, b, close } = await twoDevices({ decks: builtInDecks(10) });
    try {
      await a.collection.answer('aws-6/0', Rating.Good, T0 + MINUTE, 3000);
      await a.sync();
      await b.sync();
      expect((await b.collection.db.reviews.where('cardId').equals('aws-6/0').toArray()).map((review) => review.rating)).toEqual([Rating.Good]);

      // The answer already sent is taken back; every other action is new since that sync.
      await a.collection.undo();
      await a.collection.answer('aws-0/0', Rating.Again, T0 + 2 * MINUTE, 3000);
      await a.collection.updateNote('aws-1', { fields: ['Question 1, edited', 'Answer 1'] }, T0 + 3 * MINUTE);
      await a.collection.suspend('aws-2/0');
      await a.collection.moveCards(['aws-3/0'], 'deck-aws-iam');
      await a.collection.deleteNote('aws-4');
      await a.collection.answer('aws-5/0', Rating.Easy, T0 + 4 * MINUTE, 3000);
      await a.collection.undo();
      await a.collection.importData(importedDeck('deck-small', 3), { fileName: 'small.csv', now: T0 + 5 * MINUTE, withScheduling: false });
      // An import too big to list record by record.
      await a.collection.importData(importedDeck('deck-big', 700), { fileName: 'big.csv', now: T0 + 6 * MINUTE, withScheduling: false });

      await a.sync();
      await b.sync();
      const dump = await expectSame(a, b);
      const card = (id: string) => dump.cards.find((row) => row.id === id);
      expect(dump.reviews.filter((review) => review.cardId === 'aws-6/0' || review.cardId === 'aws-5/0')).toEqual([]);
      expect(dump.reviews.filter((review) => review.cardId === 'aws-0/0').map((review) => review.rating)).toEqual([Rating.Again]);
      expect(dump.notes.find((note) => note.id === 'aws-1')?.fields[0]).toBe('Question 1, edited');
      expect(card('aws-2/0')?.suspended).toBe(true);
      expect(card('aws-3/0')?.deckId).toBe('deck-aws-iam');
      expect(dump.notes.some((note) => note.id === 'aws-4')).toBe(false);
      expect(dump.notes.filter((note) => note.deckId === 'deck-small')).toHaveLength(3);
      expect(dump.notes.filter((note) => note.deckId === 'deck-big')).toHaveLength(700);
      expect(card('aws-6/0')?.reps).toBe(0);

      // And back: B's answers reach A, with nothing sent again that A already holds.
      await b.collection.answer('deck-big-0/0', Rating.Hard, T0 + 7 * MINUTE, 3000);
      await b.sync();
      await a.sync();
      expect((await expectSame(a, b)).reviews.filter((review) => review.cardId === 'deck-big-0/0')).toHaveLength(1);
    } finally {
      await close();
    }
  }, 120_000);

  it('a sync cut off while sending loses nothing: the next one sends what it did not', async () => {
    const { a, b, close } = await twoDevices({ decks: builtInDecks(10) });
    try {
      for (let i = 0; i < 3; i++) await a.collection.answer(`aws-${i}/0`, Rating.Good, T0 + i * MINUTE, 3000);
      const cutOff: typeof fetch = async (input, init) => {
        if (init?.method === 'POST' && String(input instanceof Request ? input.url : input).includes('_bulk_docs')) throw new TypeError('fetch failed');
        return fetch(input, init);
      };
      const error = await a.sync({ fetch: cutOff }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(SyncError);

      await a.sync();
      await b.sync();
      const dump = await expectSame(a, b);
      expect(dump.reviews.map((review) => review.cardId).sort()).toEqual(['aws-0/0', 'aws-1/0', 'aws-2/0']);
    } finally {
      await close();
    }
  }, 60_000);

  it('an answer given while a sync is writing out reaches the other device with the next sync', async () => {
    const { a, b, close } = await twoDevices({ decks: builtInDecks(10) });
    try {
      await a.collection.answer('aws-0/0', Rating.Good, T0, 3000);
      await a.collection.updateNote('aws-1', { fields: ['Question 1, first edit', 'Answer 1'] }, T0);
      const bulkDocs = a.local.bulkDocs.bind(a.local);
      let answered = false;
      a.local.bulkDocs = async (docs) => {
        if (!answered) {
          answered = true;
          // The learner goes on studying and editing while this device's changes are being written out.
          await a.collection.answer('aws-0/0', Rating.Easy, T0 + 10 * MINUTE, 3000);
          await a.collection.updateNote('aws-1', { fields: ['Question 1, second edit', 'Answer 1'] }, T0 + 10 * MINUTE);
        }
        return bulkDocs(docs);
      };
      await a.sync();
      a.local.bulkDocs = bulkDocs;
      await a.sync();
      await b.sync();
      const dump = await expectSame(a, b);
      expect(dump.reviews.filter((review) => review.cardId === 'aws-0/0').map((review) => review.rating)).toEqual([Rating.Good, Rating.Easy]);
      expect(dump.notes.find((note) => note.id === 'aws-1')?.fields[0]).toBe('Question 1, second edit');
    } finally {
      await close();
    }
  }, 60_000);
});
