import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { StorageFullError } from '../../../src/renderer/src/storage/storage-full';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { NOW, bytesOf, everyRow, studiedCollection } from './helpers';
import Dexie from 'dexie';

let collection: Collection;
afterEach(() => {
  vi.restoreAllMocks();
  collection.close();
});

const diskFull = () => Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

describe('a full disk', () => {
  it('during an import leaves the collection unchanged and says the disk is full', async () => {
    collection = await studiedCollection();
    const before = await everyRow(collection);
    vi.spyOn(collection.db.cards, 'bulkPut').mockImplementation(diskFull);
    const csv = bytesOf('front,back,deck\nWhat is S3?,Object storage,AWS Storage\n');
    const result = importFile(collection, { name: 'storage.csv', bytes: csv }, { now: NOW });
    await expect(result).rejects.toThrow(StorageFullError);
    await expect(result).rejects.toThrow('Importing storage.csv: the disk is full. Nothing was changed. Free some disk space (or export your decks to another drive to keep a copy), then try again.');
    expect(await everyRow(collection)).toStrictEqual(before);
  });

  it('while saving an answer leaves the card and the review log unchanged', async () => {
    collection = await studiedCollection();
    const before = await everyRow(collection);
    const lastStep = collection.undoState();
    vi.spyOn(collection.db.reviews, 'add').mockImplementation(diskFull);
    await expect(collection.answer('n-cloze/0', Rating.Good, NOW, 1000)).rejects.toThrow(/^Saving your answer: the disk is full/);
    expect(await everyRow(collection)).toStrictEqual(before);
    expect(collection.undoState()).toEqual(lastStep);
    expect((await collection.undo())?.subject.cardId).not.toBe('n-cloze/0');
  });
});
