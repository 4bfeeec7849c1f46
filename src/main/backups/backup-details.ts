import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { writeAtomically } from './write-atomically';

const FILE = 'kioku-backup-details.json';
const Details = v.record(v.string(), v.pipe(v.string(), v.maxLength(300)));

/**
 * What a backup's name cannot hold: the file an import came from. Kept beside the backups; a
 * missing or damaged file loses only these words, never a backup.
 */
export function createBackupDetails(dir: string) {
  async function read(): Promise<Record<string, string>> {
    try {
      const parsed = v.safeParse(Details, JSON.parse(await readFile(join(dir, FILE), 'utf8')));
      return parsed.success ? parsed.output : {};
    } catch {
      return {};
    }
  }
  return {
    read,
    async update(added: Record<string, string>, removed: readonly string[]): Promise<void> {
      if (Object.keys(added).length === 0 && removed.length === 0) return;
      const next = { ...(await read()), ...added };
      for (const name of removed) delete next[name];
      await writeAtomically(dir, FILE, new TextEncoder().encode(JSON.stringify(next)));
    },
  };
}
