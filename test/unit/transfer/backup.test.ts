import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { readBackup } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { backupCollection, restoreFile } from '../../../src/renderer/src/transfer/service';
import { NOW, bytesOf, everyRow, rezip, studiedCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

async function mutate(collection: Collection): Promise<void> {
  await collection.answer('n-cloze/0', Rating.Good, NOW + 60_000, 2000);
  await collection.addNote({ noteTypeId: 'kioku-basic-reversed', deckId: 'deck-ja', fields: ['犬', 'dog'] }, NOW + 120_000);
  await collection.deleteNote('n-kms');
  await collection.setDeckOptions('deck-ja', { newPerDay: 99 });
  await collection.setSettings({ theme: 'dark' });
  await collection.db.media.put({ name: 'new.png', mime: 'image/png', data: new Uint8Array([7]) });
}

describe('full backup and restore', () => {
  it('backup → change things → restore gives back exactly the backed-up collection, settings and deck options included', async () => {
    collection = await studiedCollection();
    const original = await everyRow(collection);
    const backup = await backupCollection(collection, NOW);
    expect(backup.fileName).toBe('kioku-2026-11-30.kioku-backup');
    const backedUp = readBackup(backup.bytes, backup.fileName);
    expect(backedUp.collection.media?.map((file) => file.name).sort()).toEqual(['kms.png', 'nihongo.mp3']);

    await mutate(collection);
    const mutated = await everyRow(collection);
    const restored = await restoreFile(collection, { name: backup.fileName, bytes: backup.bytes }, { now: NOW + 300_000 });
    expect(restored).toMatchObject({ decks: 2, notes: 2, cards: 4, reviews: 4, media: 2 });
    expect(await everyRow(collection)).toStrictEqual(original);
    expect(await collection.settings()).toMatchObject({ language: 'ja', theme: 'system', dayStartHour: 5 });
    expect((await collection.deckOptions('deck-ja')).newPerDay).toBe(7);

    const again = readBackup((await backupCollection(collection, NOW)).bytes, 'again.kioku-backup');
    expect(again).toStrictEqual(backedUp);

    await restoreFile(collection, { name: 'previous.kioku-backup', bytes: restored.previousBackup }, { now: NOW + 400_000 });
    expect(await everyRow(collection)).toStrictEqual(mutated);
  });

  it('keeps the reviews of deleted notes, which the review log never forgets', async () => {
    collection = await studiedCollection();
    await collection.deleteNote('n-kms');
    const before = await everyRow(collection);
    expect(before.reviews).toHaveLength(4);
    const backup = await backupCollection(collection, NOW);
    await collection.db.reviews.clear();
    await restoreFile(collection, { name: 'b.kioku-backup', bytes: backup.bytes }, { now: NOW });
    expect(await everyRow(collection)).toStrictEqual(before);
  });

  it('a damaged backup or a cancelled restore changes nothing', async () => {
    collection = await studiedCollection();
    const backup = await backupCollection(collection, NOW);
    await mutate(collection);
    const before = await everyRow(collection);

    const damaged = rezip(backup.bytes, (files) => {
      files['cards.json'] = bytesOf('[{"id": "x"}]');
    });
    await expect(restoreFile(collection, { name: 'bad.kioku-backup', bytes: damaged }, { now: NOW })).rejects.toThrow(
      /^bad\.kioku-backup, zip entry "cards\.json", 0\.noteId: /,
    );
    const badOptions = rezip(backup.bytes, (files) => {
      files['settings.json'] = bytesOf(JSON.stringify({ deckOptions: { 'deck-ja': { desiredRetention: 5 } } }));
    });
    await expect(restoreFile(collection, { name: 'opts.kioku-backup', bytes: badOptions }, { now: NOW })).rejects.toThrow(
      /^opts\.kioku-backup, zip entry "settings\.json", options of deck deck-ja: desiredRetention must be between 0\.7 and 0\.99/,
    );

    const controller = new AbortController();
    const cancelled = restoreFile(collection, { name: 'b.kioku-backup', bytes: backup.bytes }, {
      now: NOW,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await everyRow(collection)).toStrictEqual(before);
  });
});
