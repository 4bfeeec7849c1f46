import { localZone, type TimeZone } from '../../../core/scheduling/day';
import type { BackupEntry } from '../../../preload/bridge';
import { parseBackupFileName } from '../../../preload/backup-name';
import { planBackup } from '../../../preload/backup-plan';
import type { WebBackups } from './web-backups';

/**
 * What the import a backup was made before was called. A backup's name carries everything else;
 * this one free-text detail is kept beside the backups in the same folder, as the desktop app does.
 */
const DETAILS_FILE = 'kioku-backup-details.json';

async function readDetails(folder: FileSystemDirectoryHandle): Promise<Record<string, string>> {
  try {
    const text = await (await (await folder.getFileHandle(DETAILS_FILE)).getFile()).text();
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    // No details yet, or a file a person edited into something else: the backups still list.
    return {};
  }
}

async function writeFile(folder: FileSystemDirectoryHandle, name: string, data: Uint8Array | string): Promise<void> {
  const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
  // The browser writes to a swap file and moves it into place on close: a tab closed mid-write
  // leaves the older file (or none), never half a backup under a backup's name.
  await writable.write(typeof data === 'string' ? data : data.slice());
  await writable.close();
}

export interface FolderBackupsOptions {
  now?: () => number;
  zone?: TimeZone;
}

/**
 * Backups as files in a folder the learner chose (File System Access API), outside the browser's
 * own storage, so clearing this site's data leaves them. Same names and same keeping rule as the
 * desktop folder; files there that are not backups are never read or removed.
 */
export function createFolderBackups(folder: FileSystemDirectoryHandle, options: FolderBackupsOptions = {}): WebBackups {
  const now = options.now ?? Date.now;
  const zone = options.zone ?? localZone();
  // One write at a time: two backups planned side by side would each miss the other.
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<BackupEntry[]> {
    const details = await readDetails(folder);
    const entries: BackupEntry[] = [];
    for await (const handle of folder.values()) {
      if (handle.kind !== 'file') continue;
      const entry = parseBackupFileName(handle.name);
      if (!entry) continue;
      const size = (await (handle as FileSystemFileHandle).getFile()).size;
      const detail = details[handle.name];
      entries.push({ ...entry, size, ...(detail === undefined ? {} : { detail }) });
    }
    return entries.sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
  }

  return {
    list,
    save(bytes, info) {
      const run = queue.then(async () => {
        const plan = planBackup(await list(), info, now(), zone);
        if (!plan.save) return { saved: false, reason: plan.reason } as const;
        await writeFile(folder, plan.fileName, bytes);
        for (const old of plan.obsolete) await folder.removeEntry(old.fileName);
        const details = await readDetails(folder);
        if (info.detail !== undefined) details[plan.fileName] = info.detail;
        for (const old of plan.obsolete) delete details[old.fileName];
        await writeFile(folder, DETAILS_FILE, JSON.stringify(details, null, 1));
        return { saved: true, fileName: plan.fileName } as const;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async read(fileName) {
      if (parseBackupFileName(fileName) === null) throw new Error(`Not a Kioku backup file name: ${JSON.stringify(fileName)}`);
      return new Uint8Array(await (await (await folder.getFileHandle(fileName)).getFile()).arrayBuffer());
    },
  };
}

/** Copies every backup of one store into another, oldest first, skipping names already there. */
export async function copyBackups(from: WebBackups, folder: FileSystemDirectoryHandle): Promise<number> {
  const present = new Set<string>();
  for await (const handle of folder.values()) present.add(handle.name);
  const details = await readDetails(folder);
  let copied = 0;
  for (const entry of [...(await from.list())].reverse()) {
    if (present.has(entry.fileName)) continue;
    await writeFile(folder, entry.fileName, await from.read(entry.fileName));
    if (entry.detail !== undefined) details[entry.fileName] = entry.detail;
    copied++;
  }
  await writeFile(folder, DETAILS_FILE, JSON.stringify(details, null, 1));
  return copied;
}
