import type { CollectionData } from '../collection/model';
import { serializeDeckFile } from '../deck-format';
import { writeApkg, writeBackup, writeCsv, type ProgressOptions, type SqlJsLoader } from '../formats';
import type { DayRules } from '../scheduling/day';
import type { ExportFormat } from './formats';

export interface WriteOptions extends ProgressOptions {
  /** Include card schedules and review history (JSON, Anki); a backup always holds what it is given. */
  withScheduling: boolean;
  now?: number;
  sqlJs?: SqlJsLoader;
  /** Settings stored in a backup. */
  settings?: Record<string, unknown>;
  /** The learner's days, on which an Anki package's due days are counted. */
  dayRules?: DayRules;
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Writes data in one of the export formats. CSV and TSV hold notes only (front, back, tags, deck). */
export async function writeDeckFile(data: CollectionData, format: ExportFormat, options: WriteOptions): Promise<Uint8Array> {
  const progress = { onProgress: options.onProgress, signal: options.signal };
  switch (format) {
    case 'kioku-deck': {
      const { cards: _cards, reviews: _reviews, ...notesOnly } = data;
      return encode(serializeDeckFile(options.withScheduling ? data : notesOnly));
    }
    case 'csv':
      return encode(writeCsv(data));
    case 'tsv':
      return encode(writeCsv(data, { delimiter: '\t' }));
    case 'apkg':
      return writeApkg(data, { ...progress, withScheduling: options.withScheduling, now: options.now, sqlJs: options.sqlJs, dayRules: options.dayRules });
    case 'kioku-backup':
      return writeBackup(data, { ...progress, settings: options.settings, now: options.now });
  }
}
