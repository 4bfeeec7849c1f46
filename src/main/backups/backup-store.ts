import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { localZone } from '../../core/scheduling/day';
import type { BackupEntry, BackupInfo, BackupResult } from '../../preload/bridge';
import { parseBackupFileName } from '../../preload/backup-name';
import { planBackup } from '../../preload/backup-plan';
import { createBackupDetails } from './backup-details';
import { writeAtomically } from './write-atomically';

const TEMP_PATTERN = /^\.kioku-.*\.tmp$/;

export interface BackupStore {
  readonly dir: string;
  /** Copies every backup into `dir` (keeping the originals) and keeps new backups there. */
  moveTo(dir: string): Promise<void>;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  save(bytes: Uint8Array, info: BackupInfo): Promise<BackupResult>;
  read(fileName: string): Promise<Uint8Array>;
}

export interface BackupStoreOptions {
  now?: () => number;
  /** The learner's zone, whose calendar days the thinning counts. */
  zone?: string;
}

export function createBackupStore(firstDir: string, options: BackupStoreOptions = {}): BackupStore {
  let dir = firstDir;
  const now = options.now ?? Date.now;
  const zone = options.zone ?? localZone();
  let details = createBackupDetails(dir);
  // Saves run one after another, so two at once cannot both pass the duplicate check.
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<BackupEntry[]> {
    await mkdir(dir, { recursive: true });
    const names = await readdir(dir);
    const known = await details.read();
    const entries = await Promise.all(
      names.map(async (name) => {
        const entry = parseBackupFileName(name);
        if (!entry) return null;
        const size = (await stat(join(dir, name)).catch(() => null))?.size;
        const detail = known[name];
        return { ...entry, ...(size === undefined ? {} : { size }), ...(detail === undefined ? {} : { detail }) };
      }),
    );
    return entries.filter((entry): entry is BackupEntry => entry !== null).sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
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

  async function saveNow(bytes: Uint8Array, info: BackupInfo): Promise<BackupResult> {
    const plan = planBackup(await list(), info, now(), zone);
    if (!plan.save) return { saved: false, reason: plan.reason };
    await removeLeftovers();
    await writeAtomically(dir, plan.fileName, bytes);
    for (const old of plan.obsolete) await rm(join(dir, old.fileName), { force: true });
    await details.update(info.detail === undefined ? {} : { [plan.fileName]: info.detail }, plan.obsolete.map((entry) => entry.fileName));
    return { saved: true, fileName: plan.fileName };
  }

  async function moveTo(next: string): Promise<void> {
    await mkdir(next, { recursive: true });
    const nextDetails = createBackupDetails(next);
    const known = await details.read();
    for (const entry of await list()) {
      await writeAtomically(next, entry.fileName, await read(entry.fileName));
    }
    await nextDetails.update(known, []);
    dir = next;
    details = nextDetails;
  }

  return {
    get dir() {
      return dir;
    },
    moveTo(next) {
      const result = queue.then(() => moveTo(next));
      queue = result.catch(() => undefined);
      return result;
    },
    list,
    read,
    save(bytes, info) {
      const result = queue.then(() => saveNow(bytes, info));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
