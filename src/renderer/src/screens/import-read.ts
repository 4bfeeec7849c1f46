import type { CollisionChoices } from '../../../core/collection/collisions';
import type { CollectionData } from '../../../core/collection/model';
import { readCsv } from '../../../core/formats';
import type { SkippedItem } from '../../../core/formats/skipped';
import type { DayRules } from '../../../core/scheduling/day';
import type { Collection } from '../storage/collection';
import { browserSqlJs } from '../transfer/browser-sql';
import type { ImportReport, PickedFile, TransferFormat } from '../transfer';
import { detectFormat } from '../transfer';
import { readDeckFile } from '../../../core/files/read-file';
import type { CsvChoice } from './import-csv';

export interface ImportPreview {
  name: string;
  format: TransferFormat;
  /** Everything the file holds, read and validated; nothing is written until the learner confirms. */
  data: CollectionData;
  warnings: string[];
  /** Items of the file that will not be imported, with their reasons; shown before anything is written. */
  skipped: SkippedItem[];
}

export interface PreviewCounts {
  decks: number;
  notes: number;
  cards: number;
  reviews: number;
  media: number;
}

export interface Progress {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export const isCsv = (format: TransferFormat | null) => format === 'csv' || format === 'tsv';

/** Whether the learner chooses to keep schedules: only files that carry them (Kioku JSON, Anki) offer it. */
export function offersScheduling(preview: ImportPreview): boolean {
  return (preview.format === 'kioku-deck' || preview.format === 'apkg') && (preview.data.cards?.length ?? 0) > 0;
}

export function previewCounts(data: CollectionData): PreviewCounts {
  return {
    decks: data.decks.length,
    notes: data.notes.length,
    cards: data.cards?.length ?? 0,
    reviews: data.reviews?.length ?? 0,
    media: data.media?.length ?? 0,
  };
}

export function formatOf(file: PickedFile): TransferFormat | null {
  return detectFormat(file.name, file.bytes);
}

/**
 * Reads the whole file with its schedules, so the preview can count them; whether they are used is
 * decided on import. A CSV/TSV is read with the learner's delimiter, header and column choice.
 */
export async function readForImport(file: PickedFile, options: Progress & { now: number; csv?: CsvChoice; dayRules?: DayRules }): Promise<ImportPreview> {
  const progress = { signal: options.signal, onProgress: options.onProgress };
  const format = formatOf(file);
  if (isCsv(format) && options.csv) {
    const { collection, skipped } = readCsv(file.bytes, file.name, { ...progress, ...options.csv, now: options.now });
    return { name: file.name, format: format ?? 'csv', data: collection, warnings: [], skipped };
  }
  const read = await readDeckFile(file.bytes, file.name, { ...progress, withScheduling: true, now: options.now, sqlJs: browserSqlJs, dayRules: options.dayRules });
  return { name: file.name, format: read.format, data: read.data, warnings: read.warnings, skipped: read.skipped };
}

/** Writes what the preview showed, in one transaction: a cancel or an error leaves the collection as it was. */
export function saveImport(collection: Collection, preview: ImportPreview, options: Progress & { now: number; withScheduling: boolean; collisions: CollisionChoices }): Promise<ImportReport> {
  return collection.importData(preview.data, {
    fileName: preview.name,
    now: options.now,
    withScheduling: options.withScheduling,
    collisions: options.collisions,
    signal: options.signal,
    onProgress: options.onProgress,
  });
}
