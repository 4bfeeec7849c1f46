import type { MediaFile } from '../../../core/collection/model';
import type { KiokuDb } from './db';

/**
 * Stores a pasted or dropped file under its content-derived name (core/media/pasted-media.ts).
 * A file of that name is the same content, so it is not written again: pasting a picture twice
 * keeps one copy. Returns whether the file was new.
 */
export async function storeMedia(db: KiokuDb, file: MediaFile): Promise<boolean> {
  return db.transaction('rw', db.media, async () => {
    if ((await db.media.where('name').equals(file.name).count()) > 0) return false;
    await db.media.add(file);
    return true;
  });
}
