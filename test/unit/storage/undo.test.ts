import { MINUTE, T0, basicNote, builtInDecks, collectionsClosedAfterEach } from './helpers';
import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import { Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { UNDO_ACTIONS, type UndoAction } from '../../../src/renderer/src/storage/undo/actions';
import { UNDO_LIMIT } from '../../../src/renderer/src/storage/undo/undo-stack';
import { en } from '../../../src/renderer/src/i18n/en';
import { ja } from '../../../src/renderer/src/i18n/ja';

const fresh = collectionsClosedAfterEach();
async function studied(): Promise<Collection> {
  const collection = fresh();
  await collection.installDecks(builtInDecks(3), T0);
  await collection.answer('aws-0/0', Rating.Good, T0, 1000);
  return collection;
}

/**
 * Every stored row, deck totals included: undo must put back all of them. Sync's marks of what
 * changed since the last sync are left out: undoing a change is one more change to send.
 */
async function everyRow(collection: Collection) {
  const { db } = collection;
  const tables = db.tables.filter((table) => table.name !== 'syncChanges');
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

const changes: [UndoAction, (collection: Collection) => Promise<unknown>][] = [
  ['answer', (c) => c.answer('aws-1/0', Rating.Again, T0 + MINUTE, 2000)],
  ['bury', (c) => c.bury('aws-1/0', T0 + MINUTE)],
  ['suspend', (c) => c.suspend('aws-1/0')],
  ['resetCard', (c) => c.resetCard('aws-0/0', T0 + MINUTE)],
  ['addNote', (c) => c.addNote({ noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'deck-jp', fields: ['{{c1::犬}}は{{c2::dog}}', ''] }, T0 + MINUTE)],
  ['editNote', (c) => c.updateNote('aws-0', { fields: ['Changed', 'Answer 0'], tags: ['edited'] }, T0 + MINUTE)],
  ['deleteNote', (c) => c.deleteNote('aws-0')],
  ['flag', (c) => c.toggleFlag('aws-1/0', 3)],
  ['mark', (c) => c.toggleMark('aws-1', T0 + MINUTE)],
  ['buryNote', (c) => c.buryNote('jp-inu/0', T0 + MINUTE)],
  ['suspendNote', (c) => c.suspendNote('jp-inu/1')],
  ['deckOptions', (c) => c.setDeckOptions('deck-aws', { newPerDay: 5 })],
  ['collectionOptions', (c) => c.setCollectionOptions({ reviewsPerDay: 50 })],
  ['addNoteType', (c) => c.addNoteType({ ...BASIC_NOTE_TYPE, id: 'vocab', name: 'Vocab' })],
  [
    'editNoteType',
    (c) =>
      c.saveNoteType(
        { ...BASIC_NOTE_TYPE, fields: ['Back', 'Front'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{Back}}' }, { name: 'Card 2', front: '{{Back}}', back: '{{Front}}' }] },
        [{ name: 'Back', from: 1 }, { name: 'Front', from: 0 }],
        T0 + MINUTE,
      ),
  ],
  ['deleteNoteType', (c) => c.deleteNoteType(CLOZE_NOTE_TYPE.id)],
  [
    'import',
    (c) =>
      c.importData(
        { decks: [{ id: 'deck-new', name: 'Imported' }], noteTypes: builtInDecks(0).noteTypes, notes: [basicNote('imp-1', 'Q', 'A', 'deck-new'), { ...basicNote('aws-2', 'Question 2 v2', 'Answer 2') }] },
        { fileName: 'deck.json', now: T0 + MINUTE, withScheduling: false },
      ),
  ],
];

describe('one undo stack for the whole collection', () => {
  it.each(changes)('%s: undo puts back every row, redo does it again, and the menu names it', async (action, change) => {
    const collection = await studied();
    const before = await everyRow(collection);
    await change(collection);
    const after = await everyRow(collection);
    expect(after).not.toEqual(before);
    expect(collection.undoState()).toEqual({ undo: action, redo: null });

    expect((await collection.undo())?.action).toBe(action);
    expect(await everyRow(collection)).toEqual(before);
    expect(collection.undoState()).toEqual({ undo: 'answer', redo: action });

    expect((await collection.redo())?.action).toBe(action);
    expect(await everyRow(collection)).toEqual(after);
    expect(collection.undoState()).toEqual({ undo: action, redo: null });
  });

  it('takes back a bury and shows the card in today’s queue again', async () => {
    const collection = await studied();
    const queue = async () => (await collection.todayQueue('deck-aws', T0 + MINUTE)).cards.map((card) => card.id);
    const shown = await queue();
    await collection.bury('aws-1/0', T0 + MINUTE);
    expect(await queue()).not.toContain('aws-1/0');
    expect(await collection.undo()).toEqual({ action: 'bury', subject: { cardId: 'aws-1/0' } });
    expect(await queue()).toEqual(shown);
  });

  it('sees options as they were after undo, though they are cached', async () => {
    const collection = await studied();
    await collection.setDeckOptions('deck-aws', { newPerDay: 1 });
    expect((await collection.deckOptions('deck-aws')).newPerDay).toBe(1);
    await collection.undo();
    expect((await collection.deckOptions('deck-aws')).newPerDay).toBe(20);
  });

  it('undoes steps newest first, and a new change forgets what could be redone', async () => {
    const collection = await studied();
    await collection.suspend('aws-1/0');
    await collection.bury('aws-2/0', T0);
    expect((await collection.undo())?.action).toBe('bury');
    expect(collection.undoState()).toEqual({ undo: 'suspend', redo: 'bury' });
    await collection.resetCard('aws-0/0', T0);
    expect(collection.undoState()).toEqual({ undo: 'resetCard', redo: null });
    expect(await collection.redo()).toBeNull();
    expect((await collection.undo())?.action).toBe('resetCard');
    expect((await collection.undo())?.action).toBe('suspend');
    expect((await collection.undo())?.action).toBe('answer');
    expect(await collection.undo()).toBeNull();
  });

  it(`keeps Anki's ${UNDO_LIMIT} newest steps`, async () => {
    const collection = await studied();
    for (let i = 0; i < UNDO_LIMIT + 5; i++) await (i % 2 ? collection.unsuspend('aws-1/0') : collection.suspend('aws-1/0'));
    let undone = 0;
    while (await collection.undo()) undone++;
    expect(undone).toBe(UNDO_LIMIT);
  });

  it('adds no step for a change that failed, and tells listeners of each change', async () => {
    const collection = await studied();
    const heard: unknown[] = [];
    const stop = collection.onUndoChange((state) => heard.push(state));
    await expect(collection.suspend('no-such-card')).rejects.toThrow('No card with id no-such-card');
    expect(collection.undoState()).toEqual({ undo: 'answer', redo: null });
    await collection.suspend('aws-1/0');
    await collection.undo();
    stop();
    await collection.redo();
    expect(heard).toEqual([
      { undo: 'suspend', redo: null },
      { undo: 'answer', redo: 'suspend' },
    ]);
  });

  it('forgets every step when a backup is restored', async () => {
    const collection = await studied();
    const backup = await collection.createBackup(T0);
    await collection.suspend('aws-1/0');
    await collection.restoreBackup(backup, { fileName: 'backup.kioku-backup', now: T0 + MINUTE });
    expect(collection.undoState()).toEqual({ undo: null, redo: null });
  });

  it('names every action in English and Japanese', () => {
    for (const action of UNDO_ACTIONS) {
      expect(en.undo.actions[action]).toBeTruthy();
      expect(ja.undo.actions[action]).toBeTruthy();
    }
  });
});
