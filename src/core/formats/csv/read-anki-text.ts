import Papa from 'papaparse';
import { BUILT_IN_NOTE_TYPES } from '../../cards/note-types';
import type { CollectionData, Deck, Note, NoteType } from '../../collection/model';
import { normalizeDeckName } from '../../collection/validity';
import { ImportError } from '../errors';
import { MAX_FIELD_CHARS } from '../limits';
import { progressReporter, type ProgressOptions } from '../progress';
import { sha1Hex } from '../sha1';
import type { SkippedItem } from '../skipped';
import { validateCollection } from '../validate';
import { plainTextToHtml, type AnkiDelimiter, type AnkiTextHeader } from './anki-header';
import { detectDelimiter } from './delimiter';
import { unescapeFormula } from './formula';

export interface AnkiTextRead {
  collection: CollectionData;
  delimiter: AnkiDelimiter;
  skipped: SkippedItem[];
}

const hash = (text: string) => sha1Hex(text).slice(0, 24);

/**
 * Reads a text file that carries Anki's header (rslib/src/import_export/text/csv/import.rs):
 * `#` lines are comments, the guid, note type, deck and tags columns are what the header says,
 * every other column is a field in order, and `#html:false` fields are escaped. Notes with a guid
 * keep it, so importing the file again updates them; note types are matched by name.
 */
export function readAnkiText(text: string, header: AnkiTextHeader, fileName: string, options: ProgressOptions & { delimiter?: AnkiDelimiter; deckName: string; now: number }): AnkiTextRead {
  const body = text.slice(header.length);
  const delimiter = options.delimiter ?? header.delimiter ?? (detectDelimiter(body) as AnkiDelimiter);
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false, comments: '#' });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) throw new ImportError(fileName, `row ${(quoteError.row ?? 0) + 1}`, 'a quoted field is never closed or is malformed (unbalanced " quote)');

  const meta = new Set([header.guidColumn, header.notetypeColumn, header.deckColumn, header.tagsColumn].filter((c): c is number => c !== undefined));
  const cell = (row: string[], column: number | undefined) => (column === undefined ? '' : unescapeFormula(row[column - 1] ?? ''));
  const noteTypes = new Map<string, NoteType>();
  const decks = new Map<string, Deck>();
  const notes: Note[] = [];
  const skipped: SkippedItem[] = [];
  const rowOfNote = new Map<string, number>();
  const progress = progressReporter(options, fileName, parsed.data.length);
  // Rows are numbered by file line, header lines included, so the learner finds them in an editor.
  const firstRow = text.slice(0, header.length).split('\n').length;

  parsed.data.forEach((row, index) => {
    progress.tick(index + 1);
    if (row.every((value) => value.trim() === '')) return;
    const rowNumber = String(firstRow + index);
    let fields = row.filter((_, i) => !meta.has(i + 1)).map(unescapeFormula);
    if (header.html === false) fields = fields.map(plainTextToHtml);
    const long = fields.findIndex((field) => field.length > MAX_FIELD_CHARS);
    if (long >= 0) return skipped.push({ kind: 'row', name: rowNumber, reason: 'field-too-long', detail: { fieldNumber: long + 1, characters: fields[long]!.length } });
    if ((fields[0] ?? '').trim() === '') return skipped.push({ kind: 'row', name: rowNumber, reason: 'empty-first-field', detail: {} });

    const type = noteTypeNamed(noteTypes, cell(row, header.notetypeColumn).trim() || header.notetype || 'Basic', fields.length);
    const deckName = normalizeDeckName(cell(row, header.deckColumn).trim() || header.deck || options.deckName);
    const guid = cell(row, header.guidColumn).trim();
    const id = `csv-note-${hash(guid ? `guid\u001f${guid}` : `${deckName}\u001f${fields[0]}`)}`;
    const earlier = rowOfNote.get(id);
    if (earlier !== undefined) return skipped.push({ kind: 'row', name: rowNumber, reason: 'duplicate-row', detail: { row: earlier, deck: deckName } });
    rowOfNote.set(id, Number(rowNumber));
    const deck = decks.get(deckName) ?? { id: `csv-deck-${hash(deckName)}`, name: deckName };
    decks.set(deckName, deck);
    const note: Note = {
      id,
      noteTypeId: type.id,
      deckId: deck.id,
      fields: fields,
      tags: [...header.tags, ...cell(row, header.tagsColumn).split(/\s+/).filter(Boolean)],
      modified: options.now,
    };
    if (guid) note.guid = guid;
    notes.push(note);
  });
  if (notes.length === 0) throw new ImportError(fileName, null, 'has no rows with a first field');
  // Each note gets exactly its type's fields: missing ones empty, extra columns dropped, as Anki does.
  for (const note of notes) {
    const count = noteTypes.get(note.noteTypeId)!.fields.length;
    note.fields = Array.from({ length: count }, (_, i) => note.fields[i] ?? '');
  }
  const collection = validateCollection({ decks: [...decks.values()], noteTypes: [...noteTypes.values()], notes }, fileName);
  return { collection, delimiter, skipped };
}

/** Kioku's built-in type of that name (Anki's stock names), or a plain type with numbered fields for any other name. */
function noteTypeNamed(types: Map<string, NoteType>, name: string, fieldCount: number): NoteType {
  const builtIn = BUILT_IN_NOTE_TYPES.find((type) => type.name.toLowerCase() === name.toLowerCase());
  if (builtIn) {
    types.set(builtIn.id, builtIn);
    return builtIn;
  }
  const id = `csv-notetype-${hash(name)}`;
  const known = types.get(id);
  const count = Math.max(fieldCount, known?.fields.length ?? 0, 1);
  const fields = Array.from({ length: count }, (_, i) => `Field ${i + 1}`);
  const type: NoteType = {
    id,
    name,
    kind: 'standard',
    fields,
    templates: [{ name: 'Card 1', front: '{{Field 1}}', back: `{{FrontSide}}<hr id=answer>${fields.slice(1).map((f) => `{{${f}}}`).join('<br>')}` }],
  };
  types.set(id, type);
  return type;
}
