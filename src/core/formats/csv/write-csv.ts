import Papa from 'papaparse';
import type { CollectionData } from '../../collection/model';
import { writeAnkiHeader } from './anki-header';
import type { CsvDelimiter } from './delimiter';
import { FORMULA_CELL } from './formula';

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
}

/**
 * Writes Anki's "Notes in Plain Text" layout (rslib/src/import_export/text/csv/export.rs): header
 * lines naming the separator, HTML and the guid, note type, deck and tags columns, then one row per
 * note — guid, note type name, deck, every field, tags — and no column-name row, which Anki would
 * take for a note. Without the note type column Anki (and Kioku) would put every row into one
 * type, turning clozes into Basic notes and dropping fields past the second; by name, Anki finds
 * its stock types (Basic, Cloze…) that Kioku's built-in ones are named after.
 * The guid (Anki's, or the Kioku note id) lets Anki update the notes when the file comes again.
 * A cell a spreadsheet would run as a formula is escaped (see formula.ts).
 */
export function writeCsv(data: CollectionData, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const deckNames = new Map(data.decks.map((deck) => [deck.id, deck.name]));
  const noteTypeNames = new Map(data.noteTypes.map((type) => [type.id, type.name]));
  const fieldCount = Math.max(2, ...data.notes.map((note) => note.fields.length));
  const rows = data.notes.map((note) => [
    note.guid ?? note.id,
    noteTypeNames.get(note.noteTypeId) ?? '',
    deckNames.get(note.deckId) ?? '',
    ...Array.from({ length: fieldCount }, (_, i) => note.fields[i] ?? ''),
    note.tags.join(' '),
  ]);
  const header = writeAnkiHeader({ delimiter, html: true, guidColumn: 1, notetypeColumn: 2, deckColumn: 3, tagsColumn: 4 + fieldCount });
  // Quoting every cell keeps a field that starts with `#` from being read as a comment line.
  return header + Papa.unparse(rows, { delimiter, newline: '\n', quotes: true, escapeFormulae: FORMULA_CELL });
}
