import type { CollectionData } from '../collection/model';
import { parseDeckFile } from '../deck-format';
import { deckFromNotesFile } from '../decks';
import { ImportError, readApkg, readBackup, readCsv, type ProgressOptions, type SqlJsLoader } from '../formats';
import type { SkippedItem } from '../formats/skipped';
import { decodeUtf8 } from '../formats/utf8';
import { validateCollection } from '../formats/validate';
import type { DayRules } from '../scheduling/day';
import { detectFormat, type TransferFormat } from './formats';

export interface ReadOptions extends ProgressOptions {
  /** Keep card schedules and review history from files that carry them. */
  withScheduling: boolean;
  /** Time given to notes and new cards from files without their own; defaults to now. */
  now?: number;
  /** How to load sql.js for Anki packages; the browser passes one that knows the wasm URL. */
  sqlJs?: SqlJsLoader;
  /** The learner's days, on which an Anki package's due days fall. */
  dayRules?: DayRules;
}

export interface ReadFile {
  format: TransferFormat;
  data: CollectionData;
  /** Problems that did not stop the file from being read, each naming the file and line. */
  warnings: string[];
  /** Items inside the file that were left out, each with its reason; the rest was read. */
  skipped: SkippedItem[];
  /** Present for a `.kioku-backup`: its settings and when it was made. */
  backup?: { settings: Record<string, unknown>; created: number };
}

function withoutScheduling(data: CollectionData): CollectionData {
  const { cards: _cards, reviews: _reviews, ...rest } = data;
  return rest;
}

/**
 * Reads any file Kioku knows into validated CollectionData. A bad file throws an error naming
 * the file and where (ImportError, or DeckFormatError / NotesFileError for Kioku's own files);
 * see `isFileProblem`.
 */
export async function readDeckFile(bytes: Uint8Array, fileName: string, options: ReadOptions): Promise<ReadFile> {
  const format = detectFormat(fileName, bytes);
  const now = options.now ?? Date.now();
  const progress = { onProgress: options.onProgress, signal: options.signal };
  switch (format) {
    case 'kioku-deck': {
      const data = parseDeckFile(decodeUtf8(bytes, fileName), fileName);
      return { format, data: validateCollection(options.withScheduling ? data : withoutScheduling(data), fileName), warnings: [], skipped: [] };
    }
    case 'kioku-notes': {
      const { data, warnings } = deckFromNotesFile(decodeUtf8(bytes, fileName), fileName);
      return { format, data: validateCollection(data, fileName), warnings: warnings.map((w) => `${fileName}:${w.line}: ${w.message}`), skipped: [] };
    }
    case 'csv':
    case 'tsv': {
      const { collection, skipped } = readCsv(bytes, fileName, { ...progress, now, ...(format === 'tsv' ? { delimiter: '\t' } : {}) });
      return { format, data: collection, warnings: [], skipped };
    }
    case 'apkg': {
      const { collection, skipped } = await readApkg(bytes, fileName, { ...progress, withScheduling: options.withScheduling, now, sqlJs: options.sqlJs, dayRules: options.dayRules });
      return { format, data: collection, warnings: [], skipped };
    }
    case 'kioku-backup': {
      const { collection, settings, created } = readBackup(bytes, fileName, progress);
      return { format, data: options.withScheduling ? collection : withoutScheduling(collection), warnings: [], skipped: [], backup: { settings, created } };
    }
    case null:
      throw new ImportError(fileName, null, 'unknown file format (expected .json, .md, .csv, .tsv, .txt, .apkg or .kioku-backup)');
  }
}
