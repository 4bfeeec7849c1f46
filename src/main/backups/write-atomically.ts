import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes to a temporary file in the same folder, then renames it: a crash never leaves half a backup under a backup's name. */
export async function writeAtomically(dir: string, fileName: string, bytes: Uint8Array): Promise<void> {
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
