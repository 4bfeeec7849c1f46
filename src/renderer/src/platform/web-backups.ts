import Dexie, { type Table } from 'dexie';
import type { BackupEntry, BackupReason, BackupResult } from '../../../preload/bridge';
import { backupFileName, parseBackupFileName } from '../../../preload/backup-name';

/** Same rule as the desktop: the page asks every 30 minutes, with slack for timers that fire early. */
export const WEB_MIN_PERIODIC_INTERVAL = 25 * 60 * 1000;
/** A browser's storage quota is small and shared with the collection itself, so only the newest few are kept. */
export const WEB_KEEP_NEWEST = 10;

interface StoredBackup extends BackupEntry {
  bytes: Uint8Array;
}

export interface WebBackups {
  list(): Promise<BackupEntry[]>;
  save(bytes: Uint8Array, info: { cards: number; reason: BackupReason }): Promise<BackupResult>;
  read(fileName: string): Promise<Uint8Array>;
  newest(): Promise<{ fileName: string; bytes: Uint8Array } | null>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/** Backups kept in the browser's IndexedDB, in a database of their own so a broken collection cannot take them along. */
export function createWebBackups(dbName = 'kioku-backups', now: () => number = Date.now): WebBackups {
  const db = new Dexie(dbName);
  db.version(1).stores({ backups: 'fileName, createdAt' });
  const table: Table<StoredBackup, string> = db.table('backups');

  async function newestFirst(): Promise<StoredBackup[]> {
    return (await table.orderBy('createdAt').reverse().toArray()).sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
  }

  return {
    async list() {
      return (await newestFirst()).map(({ fileName, createdAt, cards }) => ({ fileName, createdAt, cards }));
    },
    async save(bytes, { cards, reason }) {
      return db.transaction('rw', table, async () => {
        const time = now();
        const existing = await newestFirst();
        const newest = existing[0];
        if (reason === 'periodic' && newest && time - newest.createdAt < WEB_MIN_PERIODIC_INTERVAL) return { saved: false, reason: 'too-soon' } as const;
        if (newest && sameBytes(newest.bytes, bytes)) return { saved: false, reason: 'duplicate' } as const;
        const fileName = backupFileName(time, cards);
        if (existing.some((entry) => entry.fileName === fileName)) return { saved: false, reason: 'too-soon' } as const;
        const createdAt = parseBackupFileName(fileName)?.createdAt ?? time;
        await table.add({ fileName, createdAt, cards, bytes: bytes.slice() });
        await table.bulkDelete(existing.slice(WEB_KEEP_NEWEST - 1).map((entry) => entry.fileName));
        return { saved: true, fileName } as const;
      });
    },
    async read(fileName) {
      if (parseBackupFileName(fileName) === null) throw new Error(`Not a Kioku backup file name: ${JSON.stringify(fileName)}`);
      const found = await table.get(fileName);
      if (!found) throw new Error(`No backup named ${fileName}`);
      return found.bytes;
    },
    async newest() {
      const found = (await newestFirst())[0];
      return found ? { fileName: found.fileName, bytes: found.bytes } : null;
    },
  };
}
