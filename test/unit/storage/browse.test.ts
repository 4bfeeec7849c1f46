import { afterEach, describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import { calendarDay, learnerDay } from '../../../src/core/scheduling/day';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { DAY, HOUR, MINUTE, NEXT_DAY, T0, basicNote, builtInDecks, freshName, openCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

async function withDecks(count = 3): Promise<Collection> {
  collection = openCollection(freshName());
  await collection.installDecks(builtInDecks(count), T0);
  return collection;
}

describe('adding and editing notes', () => {
  it('creates one card per cloze and two for a basic-and-reversed note', async () => {
    await withDecks(0);
    const cloze = await collection.addNote(
      { noteTypeId: 'kioku-cloze', deckId: 'deck-jp', fields: ['{{c1::東京}}は{{c2::日本}}の首都です', ''], tags: ['geo'] },
      T0,
    );
    expect(cloze.cards.map((card) => card.template)).toEqual([0, 1]);
    const reversed = await collection.addNote({ noteTypeId: 'kioku-basic-reversed', deckId: 'deck-jp', fields: ['猫', 'cat'] }, T0);
    expect(reversed.cards).toHaveLength(2);
    expect(await collection.db.cards.where('noteId').equals(cloze.note.id).count()).toBe(2);

    await collection.updateNote(cloze.note.id, { fields: ['{{c1::東京}}は{{c2::日本}}の{{c3::首都}}です', ''] }, T0 + MINUTE);
    expect(await collection.db.cards.where('noteId').equals(cloze.note.id).count()).toBe(3);
  });

  it('refuses a note that makes no card or names a missing deck, storing nothing', async () => {
    await withDecks(0);
    const notesBefore = await collection.db.notes.count();
    await expect(collection.addNote({ noteTypeId: 'kioku-cloze', deckId: 'deck-jp', fields: ['no cloze here', ''] }, T0)).rejects.toThrow(
      'Adding a note: the text has no cloze such as {{c1::answer}}, so it makes no card',
    );
    await expect(collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'nowhere', fields: ['a', 'b'] }, T0)).rejects.toThrow(
      'Adding a note: no deck with id nowhere',
    );
    expect(await collection.db.notes.count()).toBe(notesBefore);
  });

  it('deletes a note with its cards and brings both back on undo, history intact', async () => {
    await withDecks(2);
    await collection.answer('aws-0/0', Rating.Good, T0, 1000);
    const card = await collection.db.cards.get('aws-0/0');
    await collection.deleteNote('aws-0');
    expect(await collection.db.cards.get('aws-0/0')).toBeUndefined();
    expect(await collection.db.reviews.where('cardId').equals('aws-0/0').count()).toBe(1);
    expect((await collection.undo())?.action).toBe('deleteNote');
    expect(await collection.db.cards.get('aws-0/0')).toEqual(card);
    expect(await collection.db.notes.get('aws-0')).toBeDefined();
  });

  it('resets a studied card to new and keeps its reviews', async () => {
    await withDecks(1);
    await collection.answer('aws-0/0', Rating.Easy, T0, 1000);
    const reset = await collection.resetCard('aws-0/0', T0 + DAY);
    expect(reset).toMatchObject({ state: CardState.New, reps: 0, stability: 0 });
    expect(await collection.db.reviews.count()).toBe(1);
  });
});

describe('browse search', () => {
  it('finds cards by Japanese text, full-width letters, tag, deck and state, sorted as asked', async () => {
    await withDecks(3);
    await collection.installDecks(
      builtInDecks(3, (notes) => [...notes, basicNote('iam-1', 'ＩＡＭ ポリシー', 'Policy', 'deck-aws-iam', ['iam'])]),
      T0,
    );
    const found = async (query: Parameters<Collection['search']>[0]) => (await collection.search(query)).map((row) => row.card.id);
    expect(await found({ text: '犬' })).toEqual(['jp-inu/0', 'jp-inu/1']);
    expect(await found({ text: 'iam ﾎﾟﾘｼｰ' })).toEqual(['iam-1/0']);
    expect(await found({ tag: 'animals' })).toEqual(['jp-inu/0', 'jp-inu/1']);
    expect(await found({ deckId: 'deck-aws' })).toHaveLength(4);
    expect(await found({ deckId: 'deck-aws-iam' })).toEqual(['iam-1/0']);

    await collection.answer('aws-2/0', Rating.Easy, T0, 1000);
    await collection.answer('aws-1/0', Rating.Again, T0, 1000);
    await collection.suspend('aws-0/0');
    expect(await found({ state: 'review' })).toEqual(['aws-2/0']);
    expect(await found({ state: 'learning' })).toEqual(['aws-1/0']);
    expect(await found({ state: 'suspended' })).toEqual(['aws-0/0']);
    expect(await found({ deckId: 'deck-aws', sort: 'interval', descending: true })).toEqual(['aws-2/0', 'aws-0/0', 'aws-1/0', 'iam-1/0']);
    expect(await found({ dueBefore: T0 + HOUR, text: 'question' })).toEqual(['aws-0/0', 'aws-1/0']);
  });
});

describe('deck list and today', () => {
  it('counts each deck with its subdecks, within the deck limits', async () => {
    await withDecks(25);
    await collection.installDecks(builtInDecks(25, (notes) => [...notes, basicNote('iam-1', 'Role', 'Rolle', 'deck-aws-iam')]), T0);
    await collection.answer('aws-0/0', Rating.Again, T0, 1000);
    await collection.setDeckOptions('deck-aws-iam', { newPerDay: 0 });
    const tree = await collection.deckTree(T0 + MINUTE);
    const aws = tree.find((node) => node.deck.id === 'deck-aws');
    expect(aws?.value).toEqual({ newCount: 19, learningCount: 1, reviewCount: 0 });
    expect(aws?.children.map((child) => [child.label, child.value.newCount])).toEqual([['IAM', 0]]);
    expect(tree.find((node) => node.deck.id === 'deck-jp')?.value).toEqual({ newCount: 2, learningCount: 0, reviewCount: 0 });
  });

  it('adds up the cards studied and the time spent today, starting again at 04:00', async () => {
    await withDecks(3);
    await collection.answer('aws-0/0', Rating.Good, T0, 4000);
    await collection.answer('aws-1/0', Rating.Good, T0 + MINUTE, 6000);
    expect((await collection.deckList(T0 + HOUR)).totals).toEqual({ studied: 2, timeMs: 10000 });
    expect((await collection.deckList(NEXT_DAY)).totals).toEqual({ studied: 0, timeMs: 0 });
  });

  it('moves the day boundary when the learner changes the day start hour', async () => {
    await withDecks(3);
    await collection.bury('aws-0/0', T0);
    expect((await collection.db.cards.get('aws-0/0'))?.buriedUntil).toBe(NEXT_DAY);
    await collection.setSettings({ dayStartHour: 6 });
    await collection.bury('aws-1/0', T0);
    expect((await collection.db.cards.get('aws-1/0'))?.buriedUntil).toBe(NEXT_DAY + 2 * HOUR);
    await expect(collection.setSettings({ dayStartHour: 24 })).rejects.toThrow('Settings: dayStartHour must be a whole hour 0–23, got 24');
    expect((await collection.settings()).dayStartHour).toBe(6);
  });
});

describe('options and settings', () => {
  it('inherits options from the collection and the parent deck, and rejects bad ones by name', async () => {
    await withDecks(1);
    await collection.setCollectionOptions({ desiredRetention: 0.85 });
    await collection.setDeckOptions('deck-aws', { newPerDay: 5 });
    expect(await collection.deckOptions('deck-aws-iam')).toMatchObject({ desiredRetention: 0.85, newPerDay: 5, reviewsPerDay: 200 });
    await expect(collection.setDeckOptions('deck-aws', { desiredRetention: 2 })).rejects.toThrow(
      'Options of deck "AWS Security": desiredRetention must be between 0.7 and 0.99, got 2',
    );
    expect((await collection.deckOptions('deck-aws')).newPerDay).toBe(5);
  });

  it('applies a deck exam date when a card is answered: back before the exam only when it would fall below the target', async () => {
    await withDecks(2);
    const rules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
    await collection.setDeckOptions('deck-aws', { examDate: '2026-12-05', examTarget: 0.995 });
    const pulled = (await collection.answer('aws-0/0', Rating.Easy, T0, 1000)).card;
    expect(learnerDay(pulled.due, rules)).toBeLessThan(calendarDay('2026-12-05')!);
    expect(learnerDay(pulled.due, rules)).toBeGreaterThan(learnerDay(T0, rules));
    // Predicted well above an 80 % target on the exam day: FSRS's own day stands.
    await collection.setDeckOptions('deck-aws', { examDate: '2026-12-05', examTarget: 0.8 });
    const left = (await collection.answer('aws-1/0', Rating.Easy, T0, 1000)).card;
    expect(learnerDay(left.due, rules)).toBe(learnerDay(T0, rules) + left.scheduledDays);
  });

  it('reports whether persistent storage was refused', async () => {
    await withDecks(0);
    const refusing = { persisted: async () => false, persist: async () => false } as unknown as StorageManager;
    expect(await collection.requestPersistence(refusing)).toBe('refused');
    expect(collection.persistence).toBe('refused');
    const granting = { persisted: async () => false, persist: async () => true } as unknown as StorageManager;
    expect(await collection.requestPersistence(granting)).toBe('granted');
    expect(await collection.requestPersistence(undefined)).toBe('unavailable');
  });
});
