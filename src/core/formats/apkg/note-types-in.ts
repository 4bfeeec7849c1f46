import type { Database } from 'sql.js';
import type { Deck, NoteType } from '../../collection/model';
import { normalizeDeckName } from '../../collection/validity';
import { DEFAULT_DECK_OPTIONS } from '../../scheduling/options';
import { ImportError } from '../errors';
import type { SkipReason, SkippedItem } from '../skipped';
import { filteredFromJson, filteredFromProto, kiokuFiltered, type AnkiFiltered } from './filtered-in';
import { fsrsFromLegacyConfig, fsrsFromProtoConfig, type DeckConfigRead } from './deck-config';
import { ankiDeckId, ankiNoteTypeId } from './anki-ids';
import { num, selectRows, str } from './database';
import { legacyExtra, schema18Extra } from './note-type-extra';
import { protoNumber, protoString, readProtobuf, type ProtoValue } from './protobuf';

export interface AnkiDecksAndTypes {
  noteTypes: Map<number, NoteType>;
  /** The normal decks. */
  decks: Map<number, Deck>;
  /** The filtered decks, each with what Kioku's filtered deck could not keep of it. */
  filtered: Map<number, { deck: Deck; problems: SkipReason[] }>;
  /** Decks whose deck config (preset) has FSRS values Kioku cannot use: they keep Kioku's defaults. */
  skipped: SkippedItem[];
}

/** One deck of the file, whichever schema held it; its kind decides what Kioku makes of it. */
interface AnkiDeck {
  id: number;
  name: string;
  kind: { normal: { description: string; preset: number } } | { filtered: AnkiFiltered };
}

/** Sorts the file's decks into Kioku's normal and filtered decks; a normal deck takes what its preset says about FSRS. */
function kiokuDecks(decks: AnkiDeck[], presetOf: (id: number) => DeckConfigRead | undefined): Pick<AnkiDecksAndTypes, 'decks' | 'filtered' | 'skipped'> {
  const result: Pick<AnkiDecksAndTypes, 'decks' | 'filtered' | 'skipped'> = { decks: new Map(), filtered: new Map(), skipped: [] };
  for (const { id, name, kind } of decks) {
    const deck: Deck = { id: ankiDeckId(id), name: normalizeDeckName(name) };
    if ('filtered' in kind) {
      const { config, problems } = kiokuFiltered(kind.filtered);
      result.filtered.set(id, { deck: { ...deck, filtered: config }, problems });
      continue;
    }
    if (kind.normal.description) deck.description = kind.normal.description;
    withConfig(deck, presetOf(kind.normal.preset), result.skipped);
    result.decks.set(id, deck);
  }
  return result;
}

/**
 * Puts what a deck's preset says about FSRS on the deck; a desired retention equal to Kioku's
 * default is left out, so the deck keeps following the collection's.
 */
function withConfig(deck: Deck, config: DeckConfigRead | undefined, skipped: SkippedItem[]): void {
  if (!config) return;
  const { fsrsParameters, desiredRetention } = config.options;
  const options = {
    ...(fsrsParameters ? { fsrsParameters } : {}),
    ...(desiredRetention !== undefined && desiredRetention !== DEFAULT_DECK_OPTIONS.desiredRetention ? { desiredRetention } : {}),
  };
  if (Object.keys(options).length > 0) deck.options = options;
  if (config.problems.length > 0) skipped.push({ kind: 'deck-options', name: deck.name, reason: 'bad-deck-config', detail: {} });
}

interface LegacyModel {
  id?: number | string;
  name?: string;
  type?: number;
  css?: string;
  flds?: { name?: string; ord?: number }[];
  tmpls?: { name?: string; ord?: number; qfmt?: string; afmt?: string }[];
}

interface LegacyDeck extends Record<string, unknown> {
  id?: number | string;
  name?: string;
  desc?: string;
  /** 1 (or true) for a filtered deck (rslib decks/schema11.rs, dynfix). */
  dyn?: number | boolean;
  /** The id of its preset in `col.dconf`. */
  conf?: number | string;
}

/** Legacy collections (anki2, anki21) keep note types and decks as JSON in the col row. */
export function legacyDecksAndTypes(db: Database, fileName: string): AnkiDecksAndTypes {
  const row = selectRows(db, 'select models, decks, dconf from col', 'col', fileName)[0];
  if (!row) throw new ImportError(fileName, 'table col', 'is empty');
  const models = parseJson<Record<string, LegacyModel>>(str(row[0]), fileName, 'table col, column models');
  const deckJson = parseJson<Record<string, LegacyDeck>>(str(row[1]), fileName, 'table col, column decks');
  const presets = legacyPresets(str(row[2]));

  const noteTypes = new Map<number, NoteType>();
  for (const [key, model] of Object.entries(models)) {
    const where = `table col, note type ${key}`;
    const id = Number(model.id ?? key);
    if (!Number.isFinite(id) || !Array.isArray(model.flds) || !Array.isArray(model.tmpls)) {
      throw new ImportError(fileName, where, 'is missing its id, fields or templates');
    }
    const templates = [...model.tmpls]
      .sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0))
      .map((t) => ({ name: t.name ?? '', front: t.qfmt ?? '', back: t.afmt ?? '' }));
    // The oldest collections predate the model type flag; their cloze types are recognised by their templates.
    const cloze = model.type === 1 || (model.type === undefined && templates.some((t) => t.front.includes('{{cloze:')));
    const type: NoteType = {
      id: ankiNoteTypeId(id),
      name: model.name ?? '',
      kind: cloze ? 'cloze' : 'standard',
      fields: [...model.flds].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((f) => f.name ?? ''),
      templates,
    };
    if (model.css) type.css = model.css;
    type.anki = legacyExtra(model as Record<string, unknown>);
    noteTypes.set(id, type);
  }

  const decks = Object.entries(deckJson).map(([key, deck]): AnkiDeck => {
    const id = Number(deck.id ?? key);
    if (!Number.isFinite(id) || typeof deck.name !== 'string') throw new ImportError(fileName, `table col, deck ${key}`, 'is missing its id or name');
    const filtered = deck.dyn === true || deck.dyn === 1;
    return { id, name: deck.name, kind: filtered ? { filtered: filteredFromJson(deck) } : { normal: { description: deck.desc ?? '', preset: Number(deck.conf ?? 1) } } };
  });
  return { noteTypes, ...kiokuDecks(decks, (id) => presets(String(id))) };
}

/** The presets of `col.dconf` by id; unreadable JSON makes every preset unreadable, never the file. */
function legacyPresets(text: string): (id: string) => DeckConfigRead | undefined {
  let entries: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) entries = parsed as Record<string, unknown>;
  } catch {
    entries = null;
  }
  return (id) => {
    if (entries === null) return { options: {}, problems: ['col.dconf is not JSON'] };
    const entry = entries[id];
    return entry === undefined ? undefined : fsrsFromLegacyConfig(entry);
  };
}

/** Schema 18 (anki21b) moved note types, fields, templates and decks into tables of their own. */
export function schema18DecksAndTypes(db: Database, fileName: string): AnkiDecksAndTypes {
  const noteTypes = new Map<number, NoteType>();
  type Proto = Map<number, ProtoValue[]>;
  const rows = new Map<number, { row: { id: number; name: string; mtimeSecs: number; config: Proto }; fields: { ord: number; name: string; config: Proto }[]; templates: { ord: number; name: string; mtimeSecs: number; config: Proto }[] }>();
  for (const row of selectRows(db, 'select id, name, mtime_secs, config from notetypes', 'notetypes', fileName)) {
    const id = num(row[0]);
    const config = proto(row[3], fileName, `table notetypes, note type ${id}`);
    const type: NoteType = {
      id: ankiNoteTypeId(id),
      name: str(row[1]),
      kind: protoNumber(config, 1) === 1 ? 'cloze' : 'standard',
      fields: [],
      templates: [],
    };
    const css = protoString(config, 3);
    if (css) type.css = css;
    noteTypes.set(id, type);
    rows.set(id, { row: { id, name: type.name, mtimeSecs: num(row[2]), config }, fields: [], templates: [] });
  }
  const owner = (id: number, table: string) => {
    const type = noteTypes.get(id);
    const parts = rows.get(id);
    if (!type || !parts) throw new ImportError(fileName, `table ${table}`, `refers to note type ${id}, which is not in table notetypes`);
    return { type, parts };
  };
  for (const row of selectRows(db, 'select ntid, ord, name, config from fields order by ntid, ord', 'fields', fileName)) {
    const { type, parts } = owner(num(row[0]), 'fields');
    type.fields.push(str(row[2]));
    parts.fields.push({ ord: num(row[1]), name: str(row[2]), config: proto(row[3], fileName, `table fields, note type ${num(row[0])}`) });
  }
  for (const row of selectRows(db, 'select ntid, ord, name, mtime_secs, config from templates order by ntid, ord', 'templates', fileName)) {
    const config = proto(row[4], fileName, `table templates, note type ${num(row[0])}`);
    const { type, parts } = owner(num(row[0]), 'templates');
    type.templates.push({ name: str(row[2]), front: protoString(config, 1), back: protoString(config, 2) });
    parts.templates.push({ ord: num(row[1]), name: str(row[2]), mtimeSecs: num(row[3]), config });
  }
  for (const [id, parts] of rows) noteTypes.get(id)!.anki = schema18Extra(parts.row, parts.fields, parts.templates);

  const presets = new Map<number, DeckConfigRead>();
  if (hasTable(db, 'deck_config')) {
    for (const row of selectRows(db, 'select id, config from deck_config', 'deck_config', fileName)) {
      presets.set(num(row[0]), row[1] instanceof Uint8Array ? fsrsFromProtoConfig(row[1]) : { options: {}, problems: ['config is not a protobuf blob'] });
    }
  }
  const decks = selectRows(db, 'select id, name, kind from decks', 'decks', fileName).map((row): AnkiDeck => {
    const id = num(row[0]);
    const where = `table decks, deck ${id}`;
    // Deck.KindContainer (proto/anki/decks.proto): normal 1 → Deck.Normal (config_id 1, description 4), filtered 2 → Deck.Filtered.
    const kind = proto(row[2], fileName, where);
    const name = str(row[1]).split('\u001f').join('::');
    const filtered = kind.get(2)?.[0];
    if (filtered !== undefined) return { id, name, kind: { filtered: filteredFromProto(proto(filtered, fileName, where)) } };
    const normal = kind.get(1)?.[0];
    const fields = normal instanceof Uint8Array ? readProtobuf(normal) : new Map<number, ProtoValue[]>();
    return { id, name, kind: { normal: { description: protoString(fields, 4), preset: protoNumber(fields, 1) || 1 } } };
  });
  return { noteTypes, ...kiokuDecks(decks, (id) => presets.get(id)) };
}

function hasTable(db: Database, name: string): boolean {
  return db.exec('select 1 from sqlite_master where type = ? and name = ?', [ 'table', name ]).length > 0;
}

function proto(value: unknown, fileName: string, where: string) {
  if (value === null || value === undefined || value === '') return new Map();
  if (!(value instanceof Uint8Array)) throw new ImportError(fileName, where, 'config is not a protobuf blob');
  try {
    return readProtobuf(value);
  } catch (error) {
    throw new ImportError(fileName, where, `config is damaged (${(error as Error).message})`);
  }
}

function parseJson<T>(text: string, fileName: string, where: string): T {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value as T;
  } catch (error) {
    throw new ImportError(fileName, where, `is not valid JSON (${(error as Error).message})`);
  }
}
