import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as v from 'valibot';
import { writeAtomically } from './write-atomically';

const FILE = 'backup-folder.json';
const Saved = v.object({ path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096), v.check(isAbsolute, 'an absolute path')) });

/** The folder the learner chose for backups, or null for the default (a damaged setting too). */
export async function readBackupFolder(userData: string): Promise<string | null> {
  try {
    const parsed = v.safeParse(Saved, JSON.parse(await readFile(join(userData, FILE), 'utf8')));
    return parsed.success ? parsed.output.path : null;
  } catch {
    return null;
  }
}

export async function writeBackupFolder(userData: string, path: string): Promise<void> {
  await writeAtomically(userData, FILE, new TextEncoder().encode(JSON.stringify({ path })));
}
