import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_FIELD_CHARS, readApkg, writeApkg } from '../../../src/core/formats';
import { describeSkipped } from '../../../src/core/formats/skipped';
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

describe('readApkg skips an odd item inside a good package, says why, and reads the rest', () => {
  it('a note whose note type is missing, with its cards', async () => {
    const bytes = await withCollection((db) => db.run("update notes set mid = 42 where guid = 'n-kms'"));
    const { collection, skipped } = await read(bytes);
    expect(collection.notes.map((n) => n.guid)).toEqual(['abc123']);
    expect(collection.cards!.every((c) => c.noteId === collection.notes[0]!.id)).toBe(true);
    expect(skipped).toEqual([expect.objectContaining({ kind: 'note', reason: 'missing-note-type', detail: { noteType: '42' } })]);
  });

  it('a note with a field over 1 MiB (a pasted image), with its cards and reviews', async () => {
    const big = 'x'.repeat(MAX_FIELD_CHARS + 1);
    const bytes = await withCollection((db) => db.run("update notes set flds = ? || char(31) || 'b' where guid = 'n-kms'", [big]));
    const { collection, skipped } = await read(bytes);
    expect(collection.notes).toHaveLength(1);
    expect(collection.reviews).toEqual([]);
    expect(skipped).toEqual([expect.objectContaining({ kind: 'note', reason: 'field-too-long', detail: { field: 'Front', characters: 1048577 } })]);
    expect(describeSkipped(skipped[0]!)).toMatch(/^note \d+: a field is longer than 1 MiB \(field "Front", 1048577 characters\)$/);
  });

  it('a card whose data column is not JSON, and a card whose note is gone', async () => {
    const bytes = await withCollection((db) => {
      db.run("update cards set data = '{oops' where id = (select max(id) from cards where ord = 1)");
      db.run("insert into cards select id + 100000, 999, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data from cards where ord = 0 limit 1");
    });
    const { collection, skipped } = await read(bytes);
    expect(collection.notes).toHaveLength(2);
    expect(skipped.map((item) => item.reason).sort()).toEqual(['bad-card-data', 'missing-note']);
    expect(collection.cards).toHaveLength(sampleCollection().cards!.length - 1);
  });

  it('accepts ".." inside a media name, as Anki does, and skips only names that are paths', async () => {
    const bytes = rezip(fixture('anki/media.apkg'), (files) => {
      files.media = strToU8(JSON.stringify({ 0: 'diagram..v2.png', 1: '../../etc/passwd', 2: 'C:\\x', 3: 'dir/file.png', 4: 'missing.png' }));
      for (const entry of ['1', '2', '3']) files[entry] = files['0']!;
    });
    const { collection, skipped } = await read(bytes, 'evil.apkg');
    expect(collection.media!.map((m) => m.name)).toEqual(['diagram..v2.png']);
    expect(skipped.map((item) => [item.name, item.reason])).toEqual([
      ['"../../etc/passwd"', 'unsafe-media-name'],
      ['"C:\\\\x"', 'unsafe-media-name'],
      ['"dir/file.png"', 'unsafe-media-name'],
      ['missing.png', 'missing-media-data'],
    ]);
  });
});
