import { sortFieldOf } from '../../note-types/sort-field';
import type { AnkiNoteTypeExtra, NoteType } from '../../collection/model';
import type { ProtoValue } from './protobuf';
import { protoNumber, protoString, readProtobuf } from './protobuf';

type Json = Record<string, unknown>;
type Proto = Map<number, ProtoValue[]>;

/** A legacy (col.models) note type, kept whole. */
export function legacyExtra(model: Json): AnkiNoteTypeExtra {
  return { mod: typeof model.mod === 'number' ? model.mod : 0, model };
}

const has = (proto: Proto, field: number) => proto.has(field);
const bool = (proto: Proto, field: number) => protoNumber(proto, field) !== 0;

/** Unknown legacy keys Anki carries in a config's `other` bytes (JSON), merged back as Anki does. */
function other(proto: Proto): Json {
  const value = proto.get(255)?.[0];
  if (!(value instanceof Uint8Array) || value.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(value));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : {};
  } catch {
    return {};
  }
}

/**
 * A schema-18 note type (notetypes, fields and templates rows with protobuf configs from
 * proto/anki/notetypes.proto) in the schema-11 JSON form rslib/src/notetype/schema11.rs gives it.
 */
export function schema18Extra(
  row: { id: number; name: string; mtimeSecs: number; config: Proto },
  fields: { ord: number; name: string; config: Proto }[],
  templates: { ord: number; name: string; mtimeSecs: number; config: Proto }[],
): AnkiNoteTypeExtra {
  const c = row.config;
  const reqs = (c.get(8) ?? []).flatMap((value) => {
    if (!(value instanceof Uint8Array)) return [];
    const req = readProtobuf(value);
    const kind = ['none', 'any', 'all'][protoNumber(req, 2)] ?? 'none';
    const ords = (req.get(3) ?? []).flatMap((ord) => (typeof ord === 'number' ? [ord] : ord instanceof Uint8Array ? packedVarints(ord) : []));
    return [[protoNumber(req, 1), kind, ords]];
  });
  const model: Json = {
    ...other(c),
    id: row.id,
    name: row.name,
    type: protoNumber(c, 1),
    mod: row.mtimeSecs,
    usn: 0,
    sortf: protoNumber(c, 2),
    did: protoNumber(c, 4) || null,
    tmpls: templates.map((t) => ({
      ...other(t.config),
      name: t.name,
      ord: t.ord,
      qfmt: protoString(t.config, 1),
      afmt: protoString(t.config, 2),
      bqfmt: protoString(t.config, 3),
      bafmt: protoString(t.config, 4),
      did: protoNumber(t.config, 5) || null,
      bfont: protoString(t.config, 6),
      bsize: protoNumber(t.config, 7),
      ...(has(t.config, 8) ? { id: protoNumber(t.config, 8) } : {}),
    })),
    flds: fields.map((f) => ({
      ...other(f.config),
      name: f.name,
      ord: f.ord,
      sticky: bool(f.config, 1),
      rtl: bool(f.config, 2),
      font: protoString(f.config, 3),
      size: protoNumber(f.config, 4),
      description: protoString(f.config, 5),
      plainText: bool(f.config, 6),
      collapsed: bool(f.config, 7),
      excludeFromSearch: bool(f.config, 8),
      ...(has(f.config, 9) ? { id: protoNumber(f.config, 9) } : {}),
      ...(has(f.config, 10) ? { tag: protoNumber(f.config, 10) } : {}),
      preventDeletion: bool(f.config, 11),
    })),
    css: protoString(c, 3),
    latexPre: protoString(c, 5),
    latexPost: protoString(c, 6),
    latexsvg: bool(c, 7),
    req: reqs,
    ...(protoNumber(c, 9) ? { originalStockKind: protoNumber(c, 9) } : {}),
    ...(has(c, 10) ? { originalId: protoNumber(c, 10) } : {}),
  };
  return { mod: row.mtimeSecs, model };
}

function packedVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (const byte of bytes) {
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      out.push(value);
      value = 0;
      scale = 1;
    } else scale *= 128;
  }
  return out;
}

type Entry = Json & { name?: unknown };

/** Keeps each original field/template object whose name is still there, so its settings survive a rename of another. */
function byName<T>(names: T[], originals: unknown, nameOf: (item: T) => string, make: (item: T, original: Entry | undefined, ord: number) => Json): Json[] {
  const list = Array.isArray(originals) ? (originals as Entry[]) : [];
  return names.map((item, ord) => make(item, list.find((o) => o.name === nameOf(item)) ?? list[ord], ord));
}

/**
 * The model written for a note type. A type from Anki goes back exactly as Anki had it — same id,
 * same `mod` — while Kioku's view of it is unchanged, so Anki sees nothing newer to apply; once
 * the learner changed it in Kioku, the changes are written over the original with a new `mod`.
 */
export function exportModel(type: NoteType, id: number, now: number, fresh: () => Json): Json {
  const original = type.anki?.model;
  if (!original) return fresh();
  const originalFields = Array.isArray(original.flds) ? (original.flds as Entry[]) : [];
  const originalTemplates = Array.isArray(original.tmpls) ? (original.tmpls as Entry[]) : [];
  const unchanged =
    original.name === type.name &&
    (original.type === 1) === (type.kind === 'cloze') &&
    (original.css ?? '') === (type.css ?? '') &&
    (typeof original.sortf === 'number' ? original.sortf : 0) === sortFieldOf(type) &&
    originalFields.length === type.fields.length &&
    type.fields.every((name, i) => originalFields[i]?.name === name) &&
    originalTemplates.length === type.templates.length &&
    type.templates.every((t, i) => originalTemplates[i]?.name === t.name && originalTemplates[i]?.qfmt === t.front && originalTemplates[i]?.afmt === t.back);
  if (unchanged) return { ...original, id, mod: type.anki!.mod };
  const base = fresh();
  return {
    ...base,
    ...original,
    id,
    name: type.name,
    type: type.kind === 'cloze' ? 1 : 0,
    mod: now,
    css: type.css ?? base.css,
    sortf: sortFieldOf(type),
    flds: byName(type.fields, original.flds, (name) => name, (name, kept, ord) => ({ ...((base.flds as Json[])[ord] ?? {}), ...kept, name, ord })),
    tmpls: byName(type.templates, original.tmpls, (t) => t.name, (t, kept, ord) => ({ ...((base.tmpls as Json[])[ord] ?? {}), ...kept, name: t.name, ord, qfmt: t.front, afmt: t.back })),
    req: base.req,
  };
}
