import Papa from 'papaparse';
import type { CsvColumns, CsvDelimiter } from '../../../core/formats';
import { readAnkiHeader } from '../../../core/formats/csv/anki-header';
import { columnsFromHeader, DEFAULT_COLUMNS, looksLikeHeader } from '../../../core/formats/csv/columns';
import { detectDelimiter } from '../../../core/formats/csv/delimiter';
import { decodeUtf8 } from '../../../core/formats/utf8';

/** How Kioku understood a CSV/TSV file; shown to the learner, who may change any of it. */
export interface CsvChoice {
  delimiter: CsvDelimiter;
  header: boolean;
  columns: CsvColumns;
}

export interface CsvLayout extends CsvChoice {
  /** The first row's cells, to name the columns in the mapping. */
  firstRow: string[];
}

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The same guesses the CSV reader makes, made visible: delimiter, header row and which column is
 * what. Null for a file with Anki's header lines, which says all of that itself.
 */
export function csvLayout(bytes: Uint8Array, fileName: string, tsv: boolean): CsvLayout | null {
  const text = decodeUtf8(bytes, fileName).replace(/^\uFEFF/, '');
  if (readAnkiHeader(text).length > 0) return null;
  const delimiter = tsv ? '\t' : detectDelimiter(text);
  return { delimiter, ...layoutWith(text, delimiter) };
}

/** Another delimiter splits the first row differently, so header and columns are guessed again. */
export function relayout(bytes: Uint8Array, fileName: string, delimiter: CsvDelimiter): CsvLayout {
  const text = decodeUtf8(bytes, fileName).replace(/^\uFEFF/, '');
  return { delimiter, ...layoutWith(text, delimiter) };
}

function layoutWith(text: string, delimiter: CsvDelimiter): Omit<CsvLayout, 'delimiter'> {
  const firstRow = Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? [];
  const header = looksLikeHeader(firstRow);
  return { firstRow, header, columns: header ? columnsFromHeader(firstRow) : { ...DEFAULT_COLUMNS } };
}

/** A label for column `index`: its header name when there is one, else its number from 1. */
export function columnLabel(layout: Pick<CsvLayout, 'firstRow' | 'header'>, index: number): string {
  const name = layout.header ? layout.firstRow[index]?.trim() : undefined;
  return name ? `${index + 1}: ${name}` : String(index + 1);
}
