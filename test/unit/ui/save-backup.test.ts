import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup, readCsv } from '../../../src/core/formats';
import type { BackupReason } from '../../../src/preload/bridge';
import { changeFingerprint, saveBackup } from '../../../src/renderer/src/desktop/save-backup';
import { Collection } from '../../../src/renderer/src/storage/collection';

const NOW = Date.UTC(2026, 10, 30, 9);
let collection: Collection;

beforeEach(() => {
  collection = new Collection({ name: `save-backup-${Math.random()}` });
});
afterEach(() => collection.close());

async function addWords(csv: string): Promise<void> {
  await collection.importData(readCsv(csv, 'words.csv', { now: NOW }).collection, { fileName: 'words.csv', now: NOW, withScheduling: false });
}

describe('backups the page makes', () => {
  it('hands the shell a readable backup of the whole collection with its card count and reason', async () => {
    await addWords('front,back\n犬,dog\n猫,cat\n');
    const handed: { bytes: Uint8Array; cards: number; reason: BackupReason }[] = [];
    await saveBackup(collection, { saveBackup: async (bytes, info) => (handed.push({ bytes, ...info }), { saved: true, fileName: 'x' }) }, 'periodic', NOW);
    expect(handed.map(({ cards, reason }) => ({ cards, reason }))).toEqual([{ cards: 2, reason: 'periodic' }]);
    expect(readBackup(handed[0]!.bytes, 'x').collection.notes.map((note) => note.fields[0]).sort()).toEqual(['犬', '猫']);
  });

  it('sees a change once notes are added or a card is answered, and none when nothing happened', async () => {
    await addWords('front,back\n犬,dog\n');
    const before = await changeFingerprint(collection);
    expect(await changeFingerprint(collection)).toBe(before);
    await addWords('front,back\n猫,cat\n');
    const afterImport = await changeFingerprint(collection);
    expect(afterImport).not.toBe(before);
    const card = (await collection.db.cards.toArray())[0]!;
    await collection.answer(card.id, 3, NOW + 60_000, 4000);
    expect(await changeFingerprint(collection)).not.toBe(afterImport);
  });
});
