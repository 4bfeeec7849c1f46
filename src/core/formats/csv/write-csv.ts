import Papa from 'papaparse';
import type { CollectionData } from '../../collection/model';
import type { CsvDelimiter } from './delimiter';
import { FORMULA_CELL } from './formula';

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
}

/**
 * Writes one row per note: front, back, tags, deck, with a header row. The first two fields of
 * any note type are used, which is all a Basic note has. A cell a spreadsheet would run as a
 * formula is escaped (see formula.ts).
 */
export function writeCsv(data: CollectionData, options: CsvWriteOptions = {}): string {
  const deckNames = new Map(data.decks.map((deck) => [deck.id, deck.name]));
  const rows = data.notes.map((note) => [note.fields[0] ?? '', note.fields[1] ?? '', note.tags.join(' '), deckNames.get(note.deckId) ?? '']);
  return Papa.unparse(
    { fields: ['front', 'back', 'tags', 'deck'], data: rows },
    { delimiter: options.delimiter ?? ',', newline: '\r\n', quotes: false, escapeFormulae: FORMULA_CELL },
  );
}
