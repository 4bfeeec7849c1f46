import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebBackups } from '../../../src/renderer/src/platform/web-backups';
import { saveBackup } from '../../../src/renderer/src/desktop/save-backup';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { StorageFullError } from '../../../src/renderer/src/storage/storage-full';
import { NOW, everyRow, studiedCollection } from './collection';
import { fillDisk, type FullDisk } from './full-disk';

let collection: Collection;
let backupsName: string;
beforeEach(async () => {
  collection = await studiedCollection();
  backupsName = `kioku-backups-full-${Math.random().toString(36).slice(2)}`;
});
afterEach(() => collection.close());

const webBackups = () => createWebBackups({ dbName: backupsName, now: () => NOW, zone: 'UTC' });

const DISKS: FullDisk[] = [
  { kind: 'write refused', afterWrites: 0 },
  { kind: 'commit refused' },
];

describe('a full disk while backing up', () => {
  it('on the web (IndexedDB refuses the backup): the learner is told the disk is full, no backup is listed, the collection is unchanged', async () => {
    for (const disk of DISKS) {
      const backups = webBackups();
      const before = await everyRow(collection);
      const full = fillDisk(disk);
      const error = await saveBackup(collection, { saveBackup: backups.save }, 'manual', NOW).then(
        () => null,
        (problem: unknown) => problem,
      );
      full.free();
      expect(error, disk.kind).toBeInstanceOf(StorageFullError);
      expect((error as Error).message).toBe(
        'Backing up your collection: the disk is full. No backup was saved and nothing was changed. Free some disk space (or export your decks to another drive to keep a copy), then try again.',
      );
      expect(await backups.list()).toEqual([]);
      expect(await everyRow(collection)).toStrictEqual(before);
    }
  });

  it('on the desktop (the file system says ENOSPC through the shell): the same message, naming the import it was for', async () => {
    const shell = {
      saveBackup: () => Promise.reject(new Error("Error invoking remote method 'kioku:save-backup': Error: ENOSPC: no space left on device, write")),
    };
    await expect(saveBackup(collection, shell, 'before-import', NOW, 'vocab.csv')).rejects.toThrow(
      /^Backing up your collection before importing vocab\.csv: the disk is full\. No backup was saved and nothing was changed\./,
    );
    // Any other failure of the shell is not called a full disk.
    await expect(saveBackup(collection, { saveBackup: () => Promise.reject(new Error('EACCES: permission denied')) }, 'manual', NOW)).rejects.toThrow(/^EACCES/);
  });

});
