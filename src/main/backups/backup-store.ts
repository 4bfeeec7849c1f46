import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry, BackupReason, BackupResult } from '../../preload/bridge';
import { backupFileName, parseBackupFileName } from '../../preload/backup-name';
import { backupsToDelete } from './rotation';

/** The page asks every 30 minutes; a little slack lets a timer that fires early still count. */
export const MIN_PERIODIC_INTERVAL = 25 * 60 * 1000;

const TEMP_PATTERN = /^\.kioku-.*\.tmp$/;

export interface BackupStore {
  readonly dir: string;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  save(bytes: Uint8Array, info: { cards: number; reason: BackupReason }): Promise<BackupResult>;
  read(fileName: string): Promise<Uint8Array>;
}

/** Writes to a temporary file in the same folder, then renames it: a crash never leaves half a backup under a backup's name. */
async function writeAtomically(dir: string, fileName: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dir, `.${fileName}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(dir, fileName));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

export function createBackupStore(dir: string, now: () => number = Date.now): BackupStore {
  // Saves run one after another, so two at once cannot both pass the duplicate check.
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<BackupEntry[]> {
    await mkdir(dir, { recursive: true });
    const names = await readdir(dir);
    return names
      .map(parseBackupFileName)
      .filter((entry): entry is BackupEntry => entry !== null)
      .sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
  }

  async function read(fileName: string): Promise<Uint8Array> {
    if (parseBackupFileName(fileName) === null) throw new Error(`Not a Kioku backup file name: ${JSON.stringify(fileName)}`);
    return new Uint8Array(await readFile(join(dir, fileName)));
  }

  async function removeLeftovers(): Promise<void> {
    for (const name of await readdir(dir)) {
      if (TEMP_PATTERN.test(name)) await rm(join(dir, name), { force: true });
    }
  }

  async function saveNow(bytes: Uint8Array, info: { cards: number; reason: BackupReason }): Promise<BackupResult> {
    const time = now();
    const existing = await list();
    const newest = existing[0];
    if (info.reason === 'periodic' && newest && time - newest.createdAt < MIN_PERIODIC_INTERVAL) {
      return { saved: false, reason: 'too-soon' };
    }
    if (newest && sameBytes(await read(newest.fileName), bytes)) return { saved: false, reason: 'duplicate' };
    const fileName = backupFileName(time, info.cards);
    if (existing.some((entry) => entry.fileName === fileName)) return { saved: false, reason: 'too-soon' };
    await removeLeftovers();
    await writeAtomically(dir, fileName, bytes);
    const created = parseBackupFileName(fileName);
    if (!created) throw new Error(`Backup file name ${fileName} does not match its own pattern`);
    for (const old of backupsToDelete([created, ...existing], time)) await rm(join(dir, old.fileName), { force: true });
    return { saved: true, fileName };
  }

  return {
    dir,
    list,
    read,
    save(bytes, info) {
      const result = queue.then(() => saveNow(bytes, info));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
