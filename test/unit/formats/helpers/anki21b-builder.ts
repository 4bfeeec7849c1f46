import initSqlJs, { type Database } from 'sql.js';
import { zipSync, type Zippable } from 'fflate';
import { LEGACY_SCHEMA_SQL } from '../../../../src/core/formats/apkg/legacy-schema';

/** A zstd frame made of raw (uncompressed) blocks: valid zstd that needs no encoder. */
export function zstdRawFrame(data: Uint8Array): Uint8Array {
  const maxBlock = 128 * 1024;
  const blocks: Uint8Array[] = [];
  for (let at = 0; at < data.length || blocks.length === 0; at += maxBlock) {
    const chunk = data.subarray(at, Math.min(at + maxBlock, data.length));
    const last = at + maxBlock >= data.length ? 1 : 0;
    const header = (chunk.length << 3) | last;
    blocks.push(new Uint8Array([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk);
  }
  // Frame header: single segment, 4-byte content size.
  const head = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xa0, 0, 0, 0, 0]);
  new DataView(head.buffer).setUint32(5, data.length, true);
  const total = head.length + blocks.reduce((sum, block) => sum + block.length, 0);
  const frame = new Uint8Array(total);
  let offset = 0;
  for (const part of [head, ...blocks]) {
    frame.set(part, offset);
    offset += part.length;
  }
  return frame;
}

/** Protobuf writer for the few messages the tests need. */
export function pb(...fields: [number, number | string | Uint8Array][]): Uint8Array {
  const out: number[] = [];
  const varint = (value: number) => {
    let v = value;
    while (v >= 0x80) {
      out.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  for (const [field, value] of fields) {
    if (typeof value === 'number') {
      varint(field * 8);
      varint(value);
    } else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      varint(field * 8 + 2);
      varint(bytes.length);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const SCHEMA_18_TABLES = `
create table notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
create table fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord)) without rowid;
create table templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
create table decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
create table deck_config (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
create table config (KEY text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
create table tags (tag text not null primary key, usn integer not null, collapsed boolean not null, config blob null) without rowid;
`;

export interface Schema18Content {
  build(db: Database): void;
  media?: { name: string; data: Uint8Array }[];
}

/** Builds an .apkg like Anki 23.10+ writes: zstd collection.anki21b, protobuf media list, zstd media files, legacy stub. */
export async function buildAnki21bPackage(content: Schema18Content): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(LEGACY_SCHEMA_SQL);
  db.run(SCHEMA_18_TABLES);
  db.run("insert into col values (1, 1700000000, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
  content.build(db);
  const collection = db.export();
  db.close();

  const stub = new SQL.Database();
  stub.run(LEGACY_SCHEMA_SQL);
  stub.run("insert into col values (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}')");
  const files: Zippable = {
    'collection.anki2': stub.export(),
    'collection.anki21b': zstdRawFrame(collection),
    meta: pb([1, 3]),
  };
  stub.close();
  const media = content.media ?? [];
  const entries = media.map((file) => pb([1, file.name], [2, file.data.length]));
  files.media = zstdRawFrame(pb(...entries.map((entry): [number, Uint8Array] => [1, entry])));
  media.forEach((file, index) => {
    files[String(index)] = zstdRawFrame(file.data);
  });
  return zipSync(files);
}
