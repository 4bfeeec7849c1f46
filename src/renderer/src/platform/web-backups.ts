import Dexie, { type Table } from 'dexie';
import { localZone, type TimeZone } from '../../../core/scheduling/day';
import type { BackupEntry, BackupInfo, BackupResult } from '../../../preload/bridge';
import { parseBackupFileName } from '../../../preload/backup-name';
import { planBackup } from '../../../preload/backup-plan';

interface StoredBackup extends BackupEntry {
  bytes: Uint8Array;
}

export interface WebBackups {
  list(): Promise<BackupEntry[]>;
  save(bytes: Uint8Array, info: BackupInfo): Promise<BackupResult>;
  read(fileName: string): Promise<Uint8Array>;
}

export interface WebBackupsOptions {
  dbName?: string;
  now?: () => number;
  zone?: TimeZone;
}

const withoutBytes = ({ bytes, ...entry }: StoredBackup): BackupEntry => ({ ...entry, size: bytes.byteLength });

/** Backups kept in the browser's IndexedDB, in a database of their own so a broken collection cannot take them along. */
export function createWebBackups(options: WebBackupsOptions = {}): WebBackups {
  const now = options.now ?? Date.now;
  const zone = options.zone ?? localZone();
  const db = new Dexie(options.dbName ?? 'kioku-backups');
  db.version(1).stores({ backups: 'fileName, createdAt' });
  const table: Table<StoredBackup, string> = db.table('backups');

  async function list(): Promise<BackupEntry[]> {
    const rows: BackupEntry[] = [];
    // Reads one row at a time so listing never holds every backup's bytes at once.
    await table.orderBy('createdAt').reverse().each((row) => rows.push(withoutBytes(row)));
    return rows.sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
  }

  return {
    list,
    async save(bytes, info) {
      return db.transaction('rw', table, async () => {
        const plan = planBackup(await list(), info, now(), zone);
        if (!plan.save) return { saved: false, reason: plan.reason } as const;
        const entry = parseBackupFileName(plan.fileName);
        if (!entry) throw new Error(`Backup file name ${plan.fileName} does not match its own pattern`);
        await table.add({ ...entry, ...(info.detail === undefined ? {} : { detail: info.detail }), bytes: bytes.slice() });
        await table.bulkDelete(plan.obsolete.map((old) => old.fileName));
        return { saved: true, fileName: plan.fileName } as const;
      });
    },
    async read(fileName) {
      if (parseBackupFileName(fileName) === null) throw new Error(`Not a Kioku backup file name: ${JSON.stringify(fileName)}`);
      const found = await table.get(fileName);
      if (!found) throw new Error(`No backup named ${fileName}`);
      return found.bytes;
    },
  };
}
