import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../src/core/browse/columns';
import { CardState, Rating } from '../../../src/core/collection/model';
import { calendarDay, learnerDay } from '../../../src/core/scheduling/day';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { DAY, HOUR, MINUTE, NEXT_DAY, T0, basicNote, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();
let collection: Collection;

async function withDecks(count = 3): Promise<Collection> {
  collection = fresh();
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
  it('finds cards with Anki’s search language: text in either width, tag, deck with subdecks, state', async () => {
    await withDecks(3);
    await collection.installDecks(
      builtInDecks(3, (notes) => [...notes, basicNote('iam-1', 'ＩＡＭ ポリシー', 'Policy', 'deck-aws-iam', ['nfr::E.8'])]),
      T0,
    );
    const found = async (search: string, now = T0) => (await collection.browse(search, now)).map((row) => row.card.id).sort();
    expect(await found('犬')).toEqual(['jp-inu/0', 'jp-inu/1']);
    expect(await found('iam ﾎﾟﾘｼｰ')).toEqual(['iam-1/0']);
    expect(await found('tag:nfr::*')).toEqual(['iam-1/0']);
    expect(await found('tag:animals')).toEqual(['jp-inu/0', 'jp-inu/1']);
    expect(await found('"deck:AWS Security"')).toHaveLength(4);
    expect(await found('deck:"AWS Security" -deck:"AWS Security::*"')).toEqual(['aws-0/0', 'aws-1/0', 'aws-2/0']);
    expect(await found('question -"question 1"')).toEqual(['aws-0/0', 'aws-2/0']);
    expect(await found('quest*')).toHaveLength(3);

    await collection.answer('aws-2/0', Rating.Easy, T0, 1000);
    await collection.answer('aws-1/0', Rating.Again, T0, 1000);
    await collection.suspend('aws-0/0');
    expect(await found('is:review')).toEqual(['aws-2/0']);
    expect(await found('is:learn')).toEqual(['aws-1/0']);
    expect(await found('is:suspended')).toEqual(['aws-0/0']);
    expect(await found('rated:1')).toEqual(['aws-1/0', 'aws-2/0']);
    expect(await found('rated:1:1')).toEqual(['aws-1/0']);
    expect(await found('rated:1', NEXT_DAY + HOUR)).toEqual([]);
    expect(await found('rated:2', NEXT_DAY + HOUR)).toEqual(['aws-1/0', 'aws-2/0']);
    expect(await found('prop:ivl>=1')).toEqual(['aws-2/0']);
    await expect(collection.browse('deck:(', T0)).rejects.toMatchObject({ kind: 'unclosedGroup', start: 5 });
  });

  it('added: finds built-in notes installed today and not those installed days before', async () => {
    await withDecks(1);
    const found = async (search: string, now: number) => (await collection.browse(search, now)).map((row) => row.card.id).sort();
    expect(await found('added:1', T0)).toEqual(['aws-0/0', 'jp-inu/0', 'jp-inu/1']);
    expect(await found('added:1', T0 + 2 * DAY)).toEqual([]);
    expect(await found('added:3', T0 + 2 * DAY)).toEqual(['aws-0/0', 'jp-inu/0', 'jp-inu/1']);
  });

  it('sees a write made after the last search', async () => {
    await withDecks(1);
    expect(await collection.browse('新しい', T0)).toHaveLength(0);
    await collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'deck-jp', fields: ['新しい', 'new'] }, T0);
    expect(await collection.browse('新しい', T0)).toHaveLength(1);
  });

  it('rated: keeps what it read until something is written, then sees an answer written alone, as a sync writes it', async () => {
    await withDecks(3);
    await collection.answer('aws-0/0', Rating.Good, T0 - DAY, 1000);
    await collection.answer('aws-1/0', Rating.Again, T0, 1000);
    const found = async (search: string) => (await collection.browse(search, T0)).map((row) => row.card.id).sort();
    expect(await found('rated:1')).toEqual(['aws-1/0']);
    // A wider window after a narrower one reads further back.
    expect(await found('rated:2')).toEqual(['aws-0/0', 'aws-1/0']);
    expect(await found('rated:1:3')).toEqual([]);
    const [review] = await collection.db.reviews.where('cardId').equals('aws-1/0').toArray();
    await collection.db.reviews.put({ ...review!, id: 'from-another-device', cardId: 'aws-2/0', rating: Rating.Good, time: T0 + MINUTE });
    expect(await found('rated:1:3')).toEqual(['aws-2/0']);
  });

  it('draws the first rows by due, suspended and tied cards included, as the whole list sorted by due begins', async () => {
    await withDecks(12);
    await collection.answer('aws-3/0', Rating.Good, T0, 1000);
    await collection.answer('aws-5/0', Rating.Easy, T0, 1000);
    await collection.setSuspended(['aws-7/0'], true);
    await collection.moveCards(['aws-8/0', 'aws-9/0'], 'deck-aws-iam');
    // Three cards due at the same moment in two decks: ties go by card id in both directions.
    await collection.db.cards.where('id').anyOf(['aws-2/0', 'aws-9/0', 'jp-inu/1']).modify({ due: T0 + DAY });
    const context = { now: T0, examAt: null };
    const all = await collection.browse('', T0);
    for (const descending of [false, true]) {
      const whole = sortRows(all, 'due', descending, context).map((row) => row.card.id);
      for (const limit of [1, 3, 5, 40]) {
        const first = await collection.browseFirstRows(descending, limit);
        expect(first.rows.map((row) => row.card.id)).toEqual(whole.slice(0, limit));
        expect(first.total).toBe(all.length);
      }
    }
    const [row] = (await collection.browseFirstRows(false, 1)).rows;
    expect(all.find((r) => r.card.id === row!.card.id)).toMatchObject(row!);
  });
});

describe('bulk actions', () => {
  it('moves a selection to another deck in one step, and undo and redo put it back and again', async () => {
    await withDecks(3);
    const ids = ['aws-0/0', 'aws-1/0'];
    const moved = await collection.moveCards(ids, 'deck-jp');
    expect(moved).toBe(2);
    expect((await collection.db.cards.bulkGet(ids)).map((card) => card?.deckId)).toEqual(['deck-jp', 'deck-jp']);
    expect((await collection.db.deckTotals.get('deck-aws'))?.cards).toBe(1);
    expect(await collection.browse('deck:日本語', T0)).toHaveLength(4);

    expect((await collection.undo())?.action).toBe('moveCards');
    expect((await collection.db.cards.bulkGet(ids)).map((card) => card?.deckId)).toEqual(['deck-aws', 'deck-aws']);
    expect((await collection.db.deckTotals.get('deck-aws'))?.cards).toBe(3);
    expect(await collection.browse('deck:日本語', T0)).toHaveLength(2);

    expect((await collection.redo())?.action).toBe('moveCards');
    expect((await collection.db.deckTotals.get('deck-jp'))?.cards).toBe(4);
    expect(await collection.redo()).toBeNull();
  });

  it('tags, flags, suspends, buries, resets and sets due dates, each undone as one step', async () => {
    await withDecks(3);
    const ids = ['aws-0/0', 'aws-1/0', 'aws-2/0'];
    const before = await collection.db.cards.bulkGet(ids);
    expect(await collection.changeTags(ids, ['leech'], true, T0)).toBe(3);
    expect(await collection.browse('tag:leech', T0)).toHaveLength(3);
    expect(await collection.changeTags(['aws-0/0'], ['LEECH'], false, T0)).toBe(1);
    expect(await collection.browse('tag:leech', T0)).toHaveLength(2);
    expect(await collection.setFlag(ids, 3)).toBe(3);
    expect(await collection.browse('flag:3', T0)).toHaveLength(3);
    expect(await collection.setSuspended(ids.slice(0, 2), true)).toBe(2);
    expect(await collection.setSuspended(ids, true)).toBe(1);
    expect(await collection.setBuried(ids, true, T0)).toBe(3);
    expect(await collection.browse('is:buried', T0)).toHaveLength(3);
    expect(await collection.browse('is:buried', NEXT_DAY)).toHaveLength(0);
    expect(await collection.setDueDate(['aws-0/0'], '3!', T0)).toBe(1);
    expect(await collection.browse('prop:ivl=3 is:review', T0)).toHaveLength(1);
    await expect(collection.setDueDate(ids, 'soon', T0)).rejects.toThrow('Set due date: "soon"');
    expect(await collection.resetCards(['aws-0/0'], T0)).toBe(1);
    for (let step = 0; step < 8; step++) expect(await collection.undo()).not.toBeNull();
    expect(await collection.db.cards.bulkGet(ids)).toEqual(before);
    expect(await collection.browse('tag:leech', T0)).toHaveLength(0);
  });

  it('deletes the notes of a selection and brings them back on undo', async () => {
    await withDecks(2);
    await collection.answer('aws-0/0', Rating.Good, T0, 1000);
    const deleted = await collection.deleteNotes(['aws-0/0', 'jp-inu/1']);
    expect(deleted).toBe(3);
    expect(await collection.db.notes.count()).toBe(1);
    expect((await collection.db.deckTotals.get('deck-jp'))?.cards).toBe(0);
    await collection.undo();
    expect(await collection.db.notes.count()).toBe(3);
    expect(await collection.browse('cid:aws-0/0 is:learn', T0)).toHaveLength(1);
    expect((await collection.db.deckTotals.get('deck-jp'))?.cards).toBe(2);
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
    expect(aws?.value).toMatchObject({ newCount: 19, learningCount: 1, reviewCount: 0 });
    expect(aws?.children.map((child) => [child.label, child.value.newCount])).toEqual([['IAM', 0]]);
    expect(tree.find((node) => node.deck.id === 'deck-jp')?.value).toMatchObject({ newCount: 2, learningCount: 0, reviewCount: 0 });
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

  it('applies a deck exam date when a card is answered: back before the exam when the review gains enough exam-day recall', async () => {
    await withDecks(3);
    const rules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
    await collection.setDeckOptions('deck-aws', { examDate: '2026-12-05', examTarget: 0.995 });
    const pulled = (await collection.answer('aws-0/0', Rating.Easy, T0, 1000)).card;
    expect(learnerDay(pulled.due, rules)).toBeLessThan(calendarDay('2026-12-05')!);
    expect(learnerDay(pulled.due, rules)).toBeGreaterThan(learnerDay(T0, rules));
    // Predicted at 94 % for an 80 % target four days on: a review the day before lifts it to 99 %,
    // worth the learner's time (MIN_EXAM_GAIN_AT_TARGET)...
    await collection.setDeckOptions('deck-aws', { examDate: '2026-12-05', examTarget: 0.8 });
    const worth = (await collection.answer('aws-1/0', Rating.Easy, T0, 1000)).card;
    expect(learnerDay(worth.due, rules)).toBeLessThan(calendarDay('2026-12-05')!);
    // ...but two days on it is at 97 % already: FSRS's own day stands.
    await collection.setDeckOptions('deck-aws', { examDate: '2026-12-03', examTarget: 0.8 });
    const left = (await collection.answer('aws-2/0', Rating.Easy, T0, 1000)).card;
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
