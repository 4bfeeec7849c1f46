import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, writeApkg } from '../../../src/core/formats';
import { serializeDeckFile } from '../../../src/core/deck-format';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { isFileProblem } from '../../../src/renderer/src/transfer/file-problem';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { NOW, bytesOf, everyRow, fixture, patchDeclaredSize, rezip, sampleCollection, studiedCollection } from './helpers';

let collection: Collection;
let before: Awaited<ReturnType<typeof everyRow>>;
beforeAll(async () => {
  collection = await studiedCollection();
  before = await everyRow(collection);
});
afterAll(() => collection.close());

async function apkgWithout(table: string): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  return rezip(await writeApkg(sampleCollection(), { withScheduling: true, now: NOW }), (files) => {
    const db = new SQL.Database(files['collection.anki2'] as Uint8Array);
    db.run(`drop table ${table}`);
    files['collection.anki2'] = db.export();
    db.close();
  });
}

function withDuplicateNote(): Uint8Array {
  const data = sampleCollection();
  const json = JSON.parse(serializeDeckFile(data)) as { notes: unknown[] };
  json.notes.push(json.notes[0]);
  return bytesOf(JSON.stringify(json, null, 2));
}

const media = fixture('anki/media.apkg');

const cases: [string, string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
  ['a truncated zip', 'cut.apkg', () => media.subarray(0, media.length - 40), /^cut\.apkg: not a zip archive, or the archive is truncated/],
  ['a zip that is not an Anki package', 'holiday.zip', () => zipSync({ 'notes.txt': strToU8('hello') }), /^holiday\.zip: not an Anki package: the zip has no collection\.anki2/],
  ['an SQLite file with missing tables', 'old.apkg', () => apkgWithout('revlog'), /^old\.apkg, table revlog: is missing/],
  ['invalid UTF-8', 'latin1.csv', () => new Uint8Array([...bytesOf('front,back\nd'), 0xe9, ...bytesOf('j\u00e0,vu\n')]), /^latin1\.csv, line 2: the text is not valid UTF-8/],
  ['an enormous field', 'huge.csv', () => bytesOf(`front,back\nq,${'x'.repeat(MAX_FIELD_CHARS + 1)}\n`), /^huge\.csv: has no rows with a front and back/],
  ['a zip bomb', 'bomb.apkg', () => patchDeclaredSize(media, 'collection.anki2', 600 * 1024 * 1024), /^bomb\.apkg, zip entry "collection\.anki2": .*possible zip bomb/],
  ['duplicate ids', 'twice.json', withDuplicateNote, /^twice\.json: notes\[2\]\.id: duplicate id "n-cloze" \(also notes\[0\]\)/],
  ['a CSV with unbalanced quotes', 'quotes.csv', () => bytesOf('front,back\n"open,never closed\nnext,row\n'), /^quotes\.csv, row 2: a quoted field is never closed/],
];

describe('a bad file changes nothing and says what is wrong and where', () => {
  it.each(cases)('%s', async (_, name, make, message) => {
    const error = await importFile(collection, { name, bytes: await make() }, { now: NOW + 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isFileProblem(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(await everyRow(collection)).toStrictEqual(before);
  });
});
