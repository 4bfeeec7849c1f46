import Papa from 'papaparse';
import { BASIC_NOTE_TYPE } from '../../cards/note-types';
import type { CollectionData, Deck, Note } from '../../collection/model';
import { normalizeDeckName } from '../../collection/validity';
import { ImportError, throwIfAborted } from '../errors';
import { MAX_FIELD_CHARS } from '../limits';
import { progressReporter, type ProgressOptions } from '../progress';
import { sha1Hex } from '../sha1';
import type { SkippedItem } from '../skipped';
import { decodeUtf8 } from '../utf8';
import { validateCollection } from '../validate';
import { readAnkiHeader, type AnkiDelimiter } from './anki-header';
import { detectDelimiter, type CsvDelimiter } from './delimiter';
import { unescapeFormula } from './formula';
import { readAnkiText } from './read-anki-text';
import { columnsFromHeader, DEFAULT_COLUMNS, looksLikeHeader, resolveColumn, type CsvColumns } from './columns';

export interface CsvReadOptions extends ProgressOptions {
  /** Whether the first row is a header; detected from its cell names when left out. */
  header?: boolean;
  columns?: CsvColumns;
  /** Forces the delimiter instead of detecting it. */
  delimiter?: CsvDelimiter;
  /** Deck for rows without a deck column; defaults to the file name without its extension. */
  deckName?: string;
  /** Modification time given to the notes; defaults to now. */
  now?: number;
}

export interface CsvReadResult {
  collection: CollectionData;
  /** The file's delimiter; Anki text files may also use a pipe, colon or space. */
  delimiter: CsvDelimiter | AnkiDelimiter;
  hasHeader: boolean;
  /** Rows left out, each with its reason. */
  skipped: SkippedItem[];
}

/** Reads a CSV or TSV deck: each row becomes a Basic note in the deck named by its deck column or the file. */
export function readCsv(input: string | Uint8Array, fileName: string, options: CsvReadOptions = {}): CsvReadResult {
  throwIfAborted(options.signal, fileName);
  const text = (typeof input === 'string' ? input : decodeUtf8(input, fileName)).replace(/^\uFEFF/, '');
  const defaultDeck = options.deckName ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const now = options.now ?? Date.now();
  const ankiHeader = readAnkiHeader(text);
  if (ankiHeader.length > 0 && options.columns === undefined) {
    const read = readAnkiText(text, ankiHeader, fileName, { ...options, deckName: defaultDeck, now });
    return { collection: read.collection, delimiter: read.delimiter, hasHeader: false, skipped: read.skipped };
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    throw new ImportError(fileName, `row ${(quoteError.row ?? 0) + 1}`, 'a quoted field is never closed or is malformed (unbalanced " quote)');
  }
  const rows = parsed.data;
  const firstRow = rows[0] ?? [];
  const hasHeader = options.header ?? looksLikeHeader(firstRow);
  const header = hasHeader ? firstRow : null;
  const columns = options.columns ?? (header ? columnsFromHeader(header) : DEFAULT_COLUMNS);
  const roles = resolveRoles(columns, header, fileName);

  const decks = new Map<string, Deck>();
  const notes: Note[] = [];
  const rowOfNote = new Map<string, number>();
  const progress = progressReporter(options, fileName, rows.length);
  const skipped: SkippedItem[] = [];

  for (let index = hasHeader ? 1 : 0; index < rows.length; index++) {
    progress.tick(index + 1);
    const row = rows[index]!;
    if (row.every((cell) => cell.trim() === '')) continue;
    const rowNumber = index + 1;
    const cell = (column: number | undefined) => (column === undefined ? '' : unescapeFormula(row[column] ?? ''));
    const front = cell(roles.front);
    const back = cell(roles.back);
    const long = [front, back].findIndex((value) => value.length > MAX_FIELD_CHARS);
    if (long >= 0) {
      skipped.push({ kind: 'row', name: String(rowNumber), reason: 'field-too-long', detail: { side: long === 0 ? 'front' : 'back', characters: [front, back][long]!.length } });
      continue;
    }
    if (front.trim() === '') {
      skipped.push({ kind: 'row', name: String(rowNumber), reason: 'empty-first-field', detail: {} });
      continue;
    }
    const deckName = normalizeDeckName(cell(roles.deck).trim() || defaultDeck);
    const id = `csv-note-${sha1Hex(`${deckName}\u001f${front}`).slice(0, 24)}`;
    const earlier = rowOfNote.get(id);
    if (earlier !== undefined) {
      skipped.push({ kind: 'row', name: String(rowNumber), reason: 'duplicate-row', detail: { row: earlier, deck: deckName } });
      continue;
    }
    const deck = deckNamed(decks, deckName);
    rowOfNote.set(id, rowNumber);
    notes.push({
      id,
      noteTypeId: BASIC_NOTE_TYPE.id,
      deckId: deck.id,
      fields: [front, back],
      tags: cell(roles.tags).split(/\s+/).filter((tag) => tag !== ''),
      modified: now,
    });
  }

  if (notes.length === 0) throw new ImportError(fileName, null, 'has no rows with a front and back');
  const collection = validateCollection({ decks: [...decks.values()], noteTypes: [BASIC_NOTE_TYPE], notes }, fileName);
  return { collection, delimiter, hasHeader, skipped };
}

function deckNamed(decks: Map<string, Deck>, name: string): Deck {
  let deck = decks.get(name);
  if (!deck) {
    deck = { id: `csv-deck-${sha1Hex(name).slice(0, 24)}`, name };
    decks.set(name, deck);
  }
  return deck;
}

function resolveRoles(columns: CsvColumns, header: string[] | null, fileName: string) {
  const resolve = (role: keyof CsvColumns) => {
    const index = resolveColumn(columns[role], header);
    if (index === null) throw new ImportError(fileName, 'row 1', `no column named "${String(columns[role])}" for the ${role}`);
    return index;
  };
  return { front: resolve('front'), back: resolve('back'), tags: resolve('tags'), deck: resolve('deck') };
}
