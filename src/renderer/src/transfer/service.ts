import type { CollisionChoices } from '../../../core/collection/collisions';
import type { SqlJsLoader } from '../../../core/formats';
import type { Collection } from '../storage/collection';
import type { ImportReport } from '../storage/transfer/import-collection';
import type { Restored } from '../storage/transfer/backup';
import { EXTENSION_OF, MIME_OF, exportFileName, type ExportFormat, type TransferFormat } from '../../../core/files/formats';
import { readDeckFile } from '../../../core/files/read-file';
import { writeDeckFile } from '../../../core/files/write-file';

/** Where a long import or export is: reading the file, saving into the collection, or writing the file. */
export type TransferStage = 'reading' | 'saving' | 'writing';

export interface TransferProgress {
  onProgress?: (done: number, total: number, stage: TransferStage) => void;
  signal?: AbortSignal;
  sqlJs?: SqlJsLoader;
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportFileOptions extends TransferProgress {
  now: number;
  /** Bring in card schedules and review history when the file has them (default: yes). */
  withScheduling?: boolean;
  /** What becomes of the learner's items the file reuses the ids of (default: the learner's are kept). */
  collisions?: CollisionChoices;
}

export interface ImportFileResult {
  format: TransferFormat;
  report: ImportReport;
  warnings: string[];
}

const stage = (options: TransferProgress, name: TransferStage) => (done: number, total: number) => options.onProgress?.(done, total, name);

export async function importFile(collection: Collection, file: PickedFile, options: ImportFileOptions): Promise<ImportFileResult> {
  const withScheduling = options.withScheduling ?? true;
  const read = await readDeckFile(file.bytes, file.name, {
    withScheduling,
    now: options.now,
    sqlJs: options.sqlJs,
    dayRules: await collection.dayRules(),
    signal: options.signal,
    onProgress: stage(options, 'reading'),
  });
  const report = await collection.importData(read.data, {
    fileName: file.name,
    now: options.now,
    withScheduling,
    collisions: options.collisions,
    signal: options.signal,
    onProgress: stage(options, 'saving'),
  });
  return { format: read.format, report, warnings: read.warnings };
}

export interface ExportOptions extends TransferProgress {
  format: ExportFormat;
  /** Decks to export, each with its subdecks; the whole collection when left out. */
  deckIds?: string[];
  /** The notes of these cards only (a Browse selection), in place of decks. */
  cardIds?: string[];
  /** Include card schedules and review history (JSON, Anki; a backup always has them). */
  withScheduling: boolean;
  now: number;
}

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
}

export async function exportDecks(collection: Collection, options: ExportOptions): Promise<ExportedFile> {
  if (options.format === 'kioku-backup') return backupCollection(collection, options.now);
  // Anki keeps its filtered decks in a package with scheduling, each card linked to its home deck.
  const keepFiltered = options.format === 'apkg' && options.withScheduling;
  const data = await collection.exportData({ deckIds: options.deckIds, cardIds: options.cardIds, withScheduling: options.withScheduling, keepFiltered, withMedia: true });
  const topDecks = data.decks.filter((deck) => !data.decks.some((other) => deck.name.startsWith(`${other.name}::`)));
  const only = topDecks.length === 1 ? topDecks[0] : undefined;
  const bytes = await writeDeckFile(data, options.format, {
    withScheduling: options.withScheduling,
    now: options.now,
    sqlJs: options.sqlJs,
    dayRules: await collection.dayRules(),
    signal: options.signal,
    onProgress: stage(options, 'writing'),
  });
  return { bytes, fileName: exportFileName(only?.name ?? 'Kioku', options.format), mime: MIME_OF[options.format] };
}

/** The date in the file name is UTC so the name does not depend on where the backup was made. */
export async function backupCollection(collection: Collection, now: number): Promise<ExportedFile> {
  const bytes = await collection.createBackup(now);
  const day = new Date(now).toISOString().slice(0, 10);
  return { bytes, fileName: `kioku-${day}${EXTENSION_OF['kioku-backup']}`, mime: MIME_OF['kioku-backup'] };
}

export interface RestoreFileOptions {
  now: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Replaces the collection with a backup; `previousBackup` in the result holds the collection as it was. */
export function restoreFile(collection: Collection, file: PickedFile, options: RestoreFileOptions): Promise<Restored> {
  return collection.restoreBackup(file.bytes, { fileName: file.name, ...options });
}
