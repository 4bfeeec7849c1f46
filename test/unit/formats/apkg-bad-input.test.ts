import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_FIELD_CHARS, readApkg, writeApkg } from '../../../src/core/formats';
import { fixture } from './helpers/fixtures';
import { NOW, sampleCollection } from './helpers/sample-collection';
import { patchDeclaredSize, rezip } from './helpers/zip-surgery';

const read = (bytes: Uint8Array, name = 'bad.apkg') => readApkg(bytes, name, { withScheduling: true, now: NOW });

async function withCollection(change: (db: import('sql.js').Database) => void): Promise<Uint8Array> {
  const good = await writeApkg(sampleCollection(), { withScheduling: true, now: NOW });
  const SQL = await initSqlJs();
  return rezip(good, (files) => {
    const db = new SQL.Database(files['collection.anki2'] as Uint8Array);
    change(db);
    files['collection.anki2'] = db.export();
    db.close();
  });
}

describe('readApkg refuses bad packages with a clear message', () => {
  it('a truncated zip', async () => {
    const good = fixture('anki/media.apkg');
    await expect(read(good.subarray(0, good.length - 40), 'cut.apkg')).rejects.toThrow(/cut\.apkg: not a zip archive, or the archive is truncated/);
    await expect(read(good.subarray(0, 1000), 'cut.apkg')).rejects.toThrow(ImportError);
  });

  it('a zip that is not an Anki package', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    await expect(read(zip, 'holiday.zip')).rejects.toThrow(/holiday\.zip: not an Anki package: the zip has no collection\.anki2/);
    await expect(read(strToU8('just text'), 'text.apkg')).rejects.toThrow(/text\.apkg: not a zip archive/);
  });

  it('a collection entry that is not SQLite', async () => {
    const zip = zipSync({ 'collection.anki2': strToU8('definitely not a database') });
    await expect(read(zip)).rejects.toThrow(/bad\.apkg, zip entry "collection\.anki2": is not an SQLite database/);
  });

  it('an SQLite file with missing tables', async () => {
    const bytes = await withCollection((db) => db.run('drop table revlog'));
    await expect(read(bytes)).rejects.toThrow(/bad\.apkg, table revlog: is missing/);
  });

  it('damaged JSON in the col row, naming the column', async () => {
    const bytes = await withCollection((db) => db.run("update col set models = '{oops'"));
    await expect(read(bytes)).rejects.toThrow(/bad\.apkg, table col, column models: is not valid JSON/);
  });

  it('a note whose note type is missing', async () => {
    const bytes = await withCollection((db) => db.run('update notes set mid = 42 where rowid = (select min(rowid) from notes)'));
    await expect(read(bytes)).rejects.toThrow(/bad\.apkg, table notes, note \d+: refers to note type 42/);
  });

  it('duplicate ids: two cards for the same note and template', async () => {
    const bytes = await withCollection((db) => db.run('update cards set ord = 0'));
    await expect(read(bytes)).rejects.toThrow(/bad\.apkg, card anki-note-\d+\/0: duplicate card id/);
  });

  it('skips review log entries of deleted cards instead of refusing the package, as Anki keeps them', async () => {
    const bytes = await withCollection((db) => db.run('insert into revlog values (1600000000000, 999, -1, 3, 1, 0, 2500, 1000, 1)'));
    const { collection } = await read(bytes);
    expect(collection.reviews!.map((r) => r.time)).not.toContain(1600000000000);
    expect(collection.reviews).toHaveLength(sampleCollection().reviews!.length);
  });

  it('an enormous field (over 1 MiB)', async () => {
    const big = 'x'.repeat(MAX_FIELD_CHARS + 1);
    const bytes = await withCollection((db) => db.run("update notes set flds = ? || char(31) || 'b' where guid = 'n-kms'", [big]));
    await expect(read(bytes)).rejects.toThrow(/bad\.apkg, note anki-note-\d+, field "Front": field is 1048577 characters long; the limit is 1048576/);
  });

  it('hostile media names, which are never used as paths', async () => {
    for (const name of ['../../etc/passwd', 'C:\\x', 'dir/file.png']) {
      const bytes = rezip(fixture('anki/media.apkg'), (files) => {
        files.media = strToU8(JSON.stringify({ 0: name }));
      });
      await expect(read(bytes, 'evil.apkg')).rejects.toThrow(/evil\.apkg, zip entry "media", file .*: media file name .* is not allowed/);
    }
  });

  it('a media list pointing at a missing entry', async () => {
    const bytes = rezip(fixture('anki/media.apkg'), (files) => {
      delete files['0'];
    });
    await expect(read(bytes)).rejects.toThrow(/bad\.apkg, zip entry "media", file "foo\.wav": its data \(zip entry "0"\) is missing/);
  });
});

describe('zip bomb protection', () => {
  it('refuses an archive whose declared sizes exceed 512 MiB before inflating anything', async () => {
    const zip = patchDeclaredSize(fixture('anki/media.apkg'), 'collection.anki2', 600 * 1024 * 1024);
    await expect(read(zip, 'bomb.apkg')).rejects.toThrow(/bomb\.apkg, zip entry "collection\.anki2": the archive declares more than 512 MiB of uncompressed data; refusing to unpack it \(possible zip bomb\)/);
  });

  it('stops inflating an entry that produces more than it declared', async () => {
    const zeros = zipSync({ 'collection.anki2': new Uint8Array(4 * 1024 * 1024) });
    const lying = patchDeclaredSize(zeros, 'collection.anki2', 1000);
    await expect(read(lying, 'bomb.apkg')).rejects.toThrow(/bomb\.apkg, zip entry "collection\.anki2": inflates to more than its declared 1000 bytes .* \(possible zip bomb\)/);
  });
});

describe('cancelling an import', () => {
  it('throws an abort error and returns nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readApkg(fixture('anki/media.apkg'), 'm.apkg', { withScheduling: true, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('can be cancelled from the progress callback midway', async () => {
    const data = sampleCollection();
    data.notes = Array.from({ length: 300 }, (_, i) => ({ ...data.notes[0]!, id: `n${i}`, guid: `g${i}`, fields: [`q${i}`, 'a'] }));
    delete data.cards;
    delete data.reviews;
    const bytes = await writeApkg(data, { withScheduling: false, now: NOW });
    const controller = new AbortController();
    const progress: number[] = [];
    const result = readApkg(bytes, 'big.apkg', {
      withScheduling: false,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done >= 150) controller.abort();
      },
    });
    await expect(result).rejects.toMatchObject({ name: 'AbortError', message: 'big.apkg: cancelled' });
    expect(Math.max(...progress)).toBeLessThan(300);
  });
});
