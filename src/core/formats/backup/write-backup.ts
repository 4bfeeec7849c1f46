import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CollectionData } from '../../collection/model';
import { throwIfAborted } from '../errors';
import type { ProgressOptions } from '../progress';
import { BACKUP_ENTRIES, mediaEntry } from './entries';

export interface BackupWriteOptions extends ProgressOptions {
  /** The learner's settings, stored as they are. */
  settings?: Record<string, unknown>;
  now?: number;
  /** The hash of what the backup holds (see `backupContents`), kept in its manifest. */
  contentHash?: string;
}

/** Everything a backup holds except its manifest, as the bytes of each zip entry. */
export interface BackupContents {
  data: CollectionData;
  entries: Record<string, Uint8Array>;
}

const json = (value: unknown) => strToU8(JSON.stringify(value));

/** Serialises the collection once, so the same bytes can be hashed and zipped. */
export function backupContents(data: CollectionData, settings: Record<string, unknown> = {}): BackupContents {
  const media = data.media ?? [];
  const entries: Record<string, Uint8Array> = {
    [BACKUP_ENTRIES.decks]: json(data.decks),
    [BACKUP_ENTRIES.noteTypes]: json(data.noteTypes),
    [BACKUP_ENTRIES.notes]: json(data.notes),
    [BACKUP_ENTRIES.cards]: json(data.cards ?? []),
    [BACKUP_ENTRIES.reviews]: json(data.reviews ?? []),
    [BACKUP_ENTRIES.settings]: json(settings),
    [BACKUP_ENTRIES.media]: json(media.map((file, index) => ({ name: file.name, mime: file.mime, entry: mediaEntry(index) }))),
  };
  media.forEach((file, index) => {
    entries[mediaEntry(index)] = file.data;
  });
  return { data, entries };
}

/** Zips serialised contents into one `.kioku-backup`. */
export function zipBackup(contents: BackupContents, options: Omit<BackupWriteOptions, 'settings'> = {}): Uint8Array {
  throwIfAborted(options.signal, 'backup');
  const { data, entries } = contents;
  const media = data.media ?? [];
  const manifest = {
    format: 'kioku-backup',
    version: 1,
    created: options.now ?? Date.now(),
    hasCards: data.cards !== undefined,
    hasReviews: data.reviews !== undefined,
    hasMedia: data.media !== undefined,
    ...(options.contentHash === undefined ? {} : { contentHash: options.contentHash }),
  };
  const files: Zippable = { [BACKUP_ENTRIES.manifest]: json(manifest) };
  for (const [name, bytes] of Object.entries(entries)) files[name] = bytes;
  media.forEach((_, index) => {
    // Media is usually already compressed; storing it avoids burning time for nothing.
    files[mediaEntry(index)] = [entries[mediaEntry(index)]!, { level: 0 }];
    options.onProgress?.(index + 1, media.length);
  });
  return zipSync(files, { level: 6 });
}

/** Writes the whole collection, settings and media into one `.kioku-backup` zip. */
export function writeBackup(data: CollectionData, options: BackupWriteOptions = {}): Uint8Array {
  throwIfAborted(options.signal, 'backup');
  return zipBackup(backupContents(data, options.settings), options);
}
