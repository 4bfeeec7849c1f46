import type { CollectionData, Deck, Note } from '../../collection/model';
import { ImportError, throwIfAborted } from '../errors';
import { progressReporter, type ProgressOptions } from '../progress';
import { MAX_FIELD_CHARS } from '../limits';
import { fieldAt, type SkippedItem } from '../skipped';
import { validateCollection } from '../validate';
import { ankiDeckId, ankiNoteId, ankiNoteTypeId } from './anki-ids';
import { num, requireTables, selectRows, str, tableNames } from './database';
import { readPackageMedia } from './media-in';
import { legacyDecksAndTypes, schema18DecksAndTypes, type AnkiDecksAndTypes } from './note-types-in';
import { checkCollectionBytes, openPackage, type AnkiSchema } from './open-package';
import { readAnkiCards, scheduleFromAnki, type AnkiCardRow } from './scheduling-in';
import { UTC_DAYS } from './scheduling-out';
import { loadSqlJs, type SqlJsLoader } from './sqlite';
import type { DayRules } from '../../scheduling/day';
import { dropUnicaseCollation } from './unicase';

export interface ApkgReadOptions extends ProgressOptions {
  /** Bring in card states and the review log, not just the notes. */
  withScheduling: boolean;
  /** How to load sql.js; the browser passes one that knows the wasm URL. */
  sqlJs?: SqlJsLoader;
  /** The import time, used for new cards' due; defaults to now. */
  now?: number;
  /** The learner's days (zone, hour the day starts), on which Anki's due days are counted; UTC midnights without them. */
  dayRules?: DayRules;
}

export interface ApkgReadResult {
  collection: CollectionData;
  /** Items left out, each with its reason; everything else in the file was read. */
  skipped: SkippedItem[];
  /** Which collection inside the package was read. */
  schema: AnkiSchema;
}

const DEFAULT_DECK = 1;

/** Reads an Anki package (.apkg / .colpkg) or a bare collection.anki2 file. */
export async function readApkg(bytes: Uint8Array, fileName: string, options: ApkgReadOptions): Promise<ApkgReadResult> {
  throwIfAborted(options.signal, fileName);
  const pkg = openPackage(bytes, fileName, options.signal);
  checkCollectionBytes(pkg, fileName);
  const SQL = await loadSqlJs(options.sqlJs);
  throwIfAborted(options.signal, fileName);
  let db;
  try {
    db = new SQL.Database(pkg.collection);
  } catch (error) {
    throw new ImportError(fileName, `collection.${pkg.schema}`, `is not a readable SQLite database (${(error as Error).message})`);
  }
  try {
    dropUnicaseCollation(db, fileName);
    const tables = tableNames(db, fileName);
    requireTables(tables, ['col', 'notes', 'cards', 'revlog'], fileName);
    const schema18 = tables.has('notetypes');
    if (schema18) requireTables(tables, ['notetypes', 'fields', 'templates', 'decks'], fileName);
    const { noteTypes, decks, filtered, skipped: presetProblems } = schema18 ? schema18DecksAndTypes(db, fileName) : legacyDecksAndTypes(db, fileName);

    const ankiCards = readAnkiCards(db, fileName);
    const keptFiltered = options.withScheduling && filteredDecksHold(ankiCards, decks, filtered) ? filtered : new Map<number, never>();
    const deckOfNote = new Map<number, number>();
    for (const card of ankiCards) if (!deckOfNote.has(card.noteId)) deckOfNote.set(card.noteId, card.deckId);

    const noteRows = selectRows(db, 'select id, guid, mid, mod, tags, flds from notes order by id', 'notes', fileName);
    const progress = progressReporter(options, fileName, noteRows.length);
    const skipped: SkippedItem[] = [...presetProblems];
    for (const { deck, problems } of keptFiltered.values()) for (const reason of problems) skipped.push({ kind: 'deck-options', name: deck.name, reason, detail: {} });
    const notes: Note[] = [];
    noteRows.forEach((row, index) => {
      progress.tick(index + 1);
      const id = num(row[0]);
      const typeId = num(row[2]);
      const type = noteTypes.get(typeId);
      if (!type) return skipped.push({ kind: 'note', name: String(id), reason: 'missing-note-type', detail: { noteType: String(typeId) } });
      const fields = str(row[5]).split('\u001f');
      const long = fields.findIndex((field) => field.length > MAX_FIELD_CHARS);
      if (long >= 0) {
        return skipped.push({ kind: 'note', name: String(id), reason: 'field-too-long', detail: { ...fieldAt(type.fields, long), characters: fields[long]!.length } });
      }
      const note: Note = {
        id: ankiNoteId(id),
        noteTypeId: ankiNoteTypeId(typeId),
        deckId: ankiDeckId(deckOfNote.get(id) ?? DEFAULT_DECK),
        fields,
        tags: str(row[4]).split(/\s+/).filter((tag) => tag !== ''),
        modified: modifiedTime(num(row[3])),
      };
      const guid = str(row[1]);
      if (guid) note.guid = guid;
      notes.push(note);
    });

    const usedDecks = new Set<string>(notes.map((note) => note.deckId));
    const collection: CollectionData = {
      // Anki always writes its Default deck; it is only brought in when something is in it.
      decks: [...[...decks.entries()].filter(([id, deck]) => id !== DEFAULT_DECK || usedDecks.has(deck.id)).map(([, deck]) => deck), ...[...keptFiltered.values()].map(({ deck }) => deck)],
      noteTypes: [...noteTypes.values()],
      notes,
    };
    if (options.withScheduling) {
      const skippedNotes = new Set(skipped.filter((item) => item.kind === 'note').map((item) => Number(item.name)));
      const notesInFile = new Set(noteRows.map((row) => num(row[0])));
      const { cards, reviews } = scheduleFromAnki(db, ankiCards, fileName, options.now ?? Date.now(), (card) => {
        if (skippedNotes.has(card.noteId)) return false;
        if (!notesInFile.has(card.noteId)) {
          skipped.push({ kind: 'card', name: String(card.id), reason: 'missing-note', detail: { note: String(card.noteId) } });
          return false;
        }
        return true;
      }, skipped, options.dayRules ?? UTC_DAYS, new Set(keptFiltered.keys()));
      collection.cards = cards;
      collection.reviews = reviews;
      for (const card of cards) usedDecks.add(card.homeDeckId ?? card.deckId);
    }
    addMissingDecks(collection.decks, usedDecks, filtered);
    throwIfAborted(options.signal, fileName);
    if (pkg.zip) collection.media = readPackageMedia(pkg.zip, pkg.schema, fileName, options, skipped);
    return { collection: validateCollection(collection, fileName), schema: pkg.schema, skipped };
  } finally {
    db.close();
  }
}

/**
 * notes.mod is in seconds, but some deck tools write milliseconds; a value past the year 5000
 * in seconds can only be milliseconds.
 */
function modifiedTime(mod: number): number {
  return mod > 100_000_000_000 ? mod : mod * 1000;
}

/**
 * Cards can point at a deck that was deleted in Anki; such a deck is recreated so no card is lost.
 * A filtered deck not brought in that still holds cards with no home (left by an export without
 * scheduling from Anki before 2.1.50) becomes a normal deck of its name, as Anki's importer makes it.
 */
function addMissingDecks(decks: Deck[], used: Set<string>, filtered: AnkiDecksAndTypes['filtered']): void {
  const present = new Set(decks.map((deck) => deck.id));
  const filteredNames = new Map([...filtered.values()].map(({ deck }) => [deck.id, deck.name]));
  for (const id of used) {
    if (!present.has(id)) decks.push({ id, name: filteredNames.get(id) ?? (id === ankiDeckId(DEFAULT_DECK) ? 'Default' : `Deck ${id.replace('anki-deck-', '')}`) });
  }
}

/**
 * Anki keeps a file's filtered decks only when every card is either in a normal deck or linked to
 * a home deck the file has (rslib import_export/gather.rs enables_filtered_decks); otherwise each
 * card goes home. Kioku's filtered deck also needs that home to be a normal deck.
 */
function filteredDecksHold(cards: readonly AnkiCardRow[], normal: ReadonlyMap<number, Deck>, filtered: ReadonlyMap<number, unknown>): boolean {
  return cards.every((card) =>
    card.filteredDeckId === 0 ? normal.has(card.deckId) : filtered.has(card.filteredDeckId) && (card.deckId === DEFAULT_DECK || normal.has(card.deckId)),
  );
}
