import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { StorageFullError } from '../../../src/renderer/src/storage/storage-full';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { NOW, everyRow, fixture, studiedCollection } from './collection';
import { fillDisk, type FullDisk } from './full-disk';

const collections: Collection[] = [];
afterEach(() => {
  for (const collection of collections.splice(0)) collection.close();
});

async function studied(): Promise<Collection> {
  const collection = await studiedCollection();
  collections.push(collection);
  return collection;
}

/** How many IndexedDB writes an action makes on a fresh studied collection. */
async function writesOf(action: (collection: Collection) => Promise<unknown>): Promise<number> {
  const collection = await studied();
  const disk = fillDisk(null);
  try {
    await action(collection);
  } finally {
    disk.free();
  }
  return disk.writes();
}

/** Every way the disk can fill up during an action: at each of its writes in turn, and at commit. */
async function everyFullDisk(action: (collection: Collection) => Promise<unknown>): Promise<FullDisk[]> {
  const writes = await writesOf(action);
  expect(writes).toBeGreaterThan(1);
  return [...Array.from({ length: writes }, (_, afterWrites): FullDisk => ({ kind: 'write refused', afterWrites })), { kind: 'commit refused' }];
}

async function failsUnchanged(action: (collection: Collection) => Promise<unknown>, disk: FullDisk, message: RegExp): Promise<Collection> {
  const collection = await studied();
  const before = await everyRow(collection);
  const full = fillDisk(disk);
  try {
    const error = await action(collection).then(
      () => null,
      (problem: unknown) => problem,
    );
    expect(error, JSON.stringify(disk)).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(message);
  } finally {
    full.free();
  }
  expect(await everyRow(collection), JSON.stringify(disk)).toStrictEqual(before);
  return collection;
}

/** These run the whole import once per write it makes (a dozen or more), each also recorded for undo. */
const IMPORT_PER_WRITE_MS = 30_000;

const LEARNER_MESSAGE = /: the disk is full\. Nothing was changed\. Free some disk space \(or export your decks to another drive to keep a copy\), then try again\.$/;

describe('a full disk, wherever in the write it strikes', () => {
  it('during an import: the learner is told, and not one row of the collection changes', async () => {
    const file = { name: 'vocab.csv', bytes: fixture('faults/vocab.csv') };
    const importVocab = (collection: Collection) => importFile(collection, file, { now: NOW });
    for (const disk of await everyFullDisk(importVocab)) {
      const collection = await failsUnchanged(importVocab, disk, new RegExp(`^Importing vocab\\.csv${LEARNER_MESSAGE.source}`));
      const { report } = await importVocab(collection);
      expect(report.notesAdded).toBe(4);
    }
  }, IMPORT_PER_WRITE_MS);

  it('during an Anki import with scheduling and media: nothing changes', async () => {
    const file = { name: 'media.apkg', bytes: fixture('anki/media.apkg') };
    const importAnki = (collection: Collection) => importFile(collection, file, { now: NOW });
    for (const disk of await everyFullDisk(importAnki)) {
      await failsUnchanged(importAnki, disk, new RegExp(`^Importing media\\.apkg${LEARNER_MESSAGE.source}`));
    }
  }, IMPORT_PER_WRITE_MS);

  it('while saving an answer: the card, the review log and undo stay as they were, and the answer saves once there is room', async () => {
    const answerInu = (collection: Collection) => collection.answer('n_inu/0', Rating.Good, NOW, 3000);
    for (const disk of await everyFullDisk(answerInu)) {
      const collection = await failsUnchanged(answerInu, disk, new RegExp(`^Saving your answer${LEARNER_MESSAGE.source}`));
      // The newest step is still the last change made before the failed answer.
      expect(collection.undoState()).toEqual({ undo: 'deckOptions', redo: null });
      const reviewsBefore = await collection.db.reviews.count();
      await answerInu(collection);
      expect(await collection.db.reviews.count()).toBe(reviewsBefore + 1);
      expect((await collection.db.cards.get('n_inu/0'))?.reps).toBe(4);
    }
  });

  it('while restoring a backup: the collection stays as it was', async () => {
    const source = await studied();
    await source.importData(
      { decks: [{ id: 'd_other', name: 'Other' }], noteTypes: [], notes: [] },
      { fileName: 'other.json', now: NOW, withScheduling: false },
    );
    const backup = await source.createBackup(NOW);
    const restore = (collection: Collection) => collection.restoreBackup(backup, { fileName: 'kioku.kioku-backup', now: NOW });
    await failsUnchanged(restore, { kind: 'commit refused' }, LEARNER_MESSAGE);
  });
});
