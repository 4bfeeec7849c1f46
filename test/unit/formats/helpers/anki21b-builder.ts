import type { Database } from 'sql.js';
import { exportAnkiCollection, modernPackage, pb, schema18Collection, type MediaSpec } from '../../../fixtures/anki-format/build-package';

export { pb } from '../../../fixtures/anki-format/build-package';

export interface Schema18Content {
  build(db: Database): void;
  media?: MediaSpec[];
}

/** Builds an .apkg like Anki 2.1.50+ writes, on Anki's own schema SQL (collation included). */
export async function buildAnki21bPackage(content: Schema18Content, crt = 1700000000): Promise<Uint8Array> {
  const db = await schema18Collection(crt);
  content.build(db);
  return modernPackage(exportAnkiCollection(db), content.media);
}

/** A raw-block zstd frame that declares its content size, so tests can forge the declaration. */
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



/** Anki's Basic note type (Front, Back; one card) under id `id`, as schema 18 stores it in notetypes, fields and templates. */
export function addBasicNoteType(db: Database, id = 1): void {
  db.run('insert into notetypes values (?, ?, 0, 0, ?)', [id, 'Basic', pb([1, 0])]);
  db.run("insert into fields values (?, 0, 'Front', ?), (?, 1, 'Back', ?)", [id, pb(), id, pb()]);
  db.run('insert into templates values (?, 0, ?, 0, 0, ?)', [id, 'Card 1', pb([1, '{{Front}}'], [2, '{{Back}}'])]);
}

/** A normal deck (Deck.KindContainer.normal, preset 1 unless `preset` names another); `name` in Anki's form, parts joined by U+001F. */
export function addNormalDeck(db: Database, id: number, name: string, preset?: number): void {
  db.run('insert into decks values (?, ?, 0, 0, ?, ?)', [id, name, pb(), pb([1, preset === undefined ? pb() : pb([1, preset])])]);
}

/** Collection settings as Anki keeps them in the config table: each value JSON, as bytes. */
export function setAnkiConfig(db: Database, entries: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(entries)) db.run('insert into config values (?, 0, 0, ?)', [key, new TextEncoder().encode(JSON.stringify(value))]);
}
