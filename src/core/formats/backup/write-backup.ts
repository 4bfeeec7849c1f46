import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CollectionData } from '../../collection/model';
import { throwIfAborted } from '../errors';
import type { ProgressOptions } from '../progress';
import { BACKUP_ENTRIES, mediaEntry } from './entries';

export interface BackupWriteOptions extends ProgressOptions {
  /** The learner's settings, stored as they are. */
  settings?: Record<string, unknown>;
  now?: number;
}

const json = (value: unknown) => strToU8(JSON.stringify(value));

/** Writes the whole collection, settings and media into one `.kioku-backup` zip. */
export function writeBackup(data: CollectionData, options: BackupWriteOptions = {}): Uint8Array {
  throwIfAborted(options.signal, 'backup');
  const media = data.media ?? [];
  const files: Zippable = {
    [BACKUP_ENTRIES.manifest]: json({ format: 'kioku-backup', version: 1, created: options.now ?? Date.now(), hasCards: data.cards !== undefined, hasReviews: data.reviews !== undefined, hasMedia: data.media !== undefined }),
    [BACKUP_ENTRIES.decks]: json(data.decks),
    [BACKUP_ENTRIES.noteTypes]: json(data.noteTypes),
    [BACKUP_ENTRIES.notes]: json(data.notes),
    [BACKUP_ENTRIES.cards]: json(data.cards ?? []),
    [BACKUP_ENTRIES.reviews]: json(data.reviews ?? []),
    [BACKUP_ENTRIES.settings]: json(options.settings ?? {}),
    [BACKUP_ENTRIES.media]: json(media.map((file, index) => ({ name: file.name, mime: file.mime, entry: mediaEntry(index) }))),
  };
  media.forEach((file, index) => {
    // Media is usually already compressed; storing it avoids burning time for nothing.
    files[mediaEntry(index)] = [file.data, { level: 0 }];
    options.onProgress?.(index + 1, media.length);
  });
  return zipSync(files, { level: 6 });
}
