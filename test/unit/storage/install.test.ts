import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { DAY, MINUTE, T0, basicNote, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();
let collection: Collection;

describe('installing the built-in decks', () => {
  it('installs decks, notes and one new card per template on first start', async () => {
    collection = fresh();
    expect(await collection.installDecks(builtInDecks(3), T0)).toEqual({ added: 4, updated: 0, suspended: 0 });
    expect(await collection.db.cards.count()).toBe(5);
    expect((await collection.db.cards.get('jp-inu/1'))?.state).toBe(CardState.New);
    expect(await collection.installDecks(builtInDecks(3), T0 + DAY)).toEqual({ added: 0, updated: 0, suspended: 0 });
  });

  it('applies regenerated decks by note id and keeps every schedule and review', async () => {
    collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.setDeckOptions('deck-aws', { newPerDay: 7 });
    await collection.answer('aws-0/0', Rating.Easy, T0, 1000);
    await collection.answer('aws-1/0', Rating.Good, T0 + MINUTE, 1000);
    const studied = await collection.db.cards.bulkGet(['aws-0/0', 'aws-1/0']);

    const regenerated = builtInDecks(3, (notes) => [
      ...notes
        .filter((note) => note.id !== 'aws-1')
        .map((note) => (note.id === 'aws-0' ? { ...note, fields: ['Question 0 (reworded)', 'Answer 0'] } : note)),
      { ...basicNote('aws-9', 'A brand new question', 'Its answer'), modified: 0 },
    ]);
    const later = T0 + 3 * DAY;
    expect(await collection.installDecks(regenerated, later)).toEqual({ added: 1, updated: 1, suspended: 1 });

    expect(await collection.db.reviews.count()).toBe(2);
    expect(await collection.db.notes.get('aws-0')).toMatchObject({ fields: ['Question 0 (reworded)', 'Answer 0'], modified: later });
    expect(await collection.db.cards.get('aws-0/0')).toEqual(studied[0]);
    expect(await collection.db.cards.get('aws-1/0')).toEqual({ ...studied[1], suspended: true, queue: -1 });
    expect(await collection.db.notes.get('aws-1')).toBeDefined();
    expect((await collection.db.cards.get('aws-9/0'))?.state).toBe(CardState.New);
    // The generator writes no clock time; stored, the new note gets its arrival time for Anki exports.
    expect((await collection.db.notes.get('aws-9'))?.modified).toBe(later);
    expect((await collection.deckOptions('deck-aws')).newPerDay).toBe(7);
    const queue = (await collection.todayQueue('deck-aws', later)).cards.map((card) => card.id);
    expect(queue).toContain('aws-9/0');
    expect(queue).not.toContain('aws-1/0');
  });

  it('keeps notes the learner added to a built-in deck when the decks are reinstalled', async () => {
    collection = fresh();
    await collection.installDecks(builtInDecks(1), T0);
    const { note } = await collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'deck-aws', fields: ['Mine', 'Also mine'] }, T0);
    expect(await collection.installDecks(builtInDecks(1), T0 + DAY)).toEqual({ added: 0, updated: 0, suspended: 0 });
    expect((await collection.db.cards.where('noteId').equals(note.id).first())?.suspended).toBe(false);
  });

  it('rejects a note with an unknown note type or the wrong number of fields, writing nothing', async () => {
    collection = fresh();
    const broken = builtInDecks(2, (notes) => [...notes, { ...basicNote('bad', 'only', 'two'), fields: ['only one'] }]);
    await expect(collection.installDecks(broken, T0)).rejects.toThrow(
      'Installing decks: note bad has 1 fields but note type "Basic" has 2',
    );
    const unknownType = builtInDecks(2, (notes) => [...notes, { ...basicNote('odd', 'a', 'b'), noteTypeId: 'nope' }]);
    await expect(collection.installDecks(unknownType, T0)).rejects.toThrow('note odd uses note type nope, which does not exist');
    expect(await collection.db.notes.count()).toBe(0);
    expect(await collection.db.decks.count()).toBe(0);
  });
});
