import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CardState } from '../../../src/core/collection/model';
import { readApkg, writeApkg } from '../../../src/core/formats';
import { sha1Hex } from '../../../src/core/formats/sha1';
import { NOW, sampleCollection } from './helpers/sample-collection';

const DAY = 86_400_000;

async function openExport(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const SQL = await initSqlJs();
  const db = new SQL.Database(files['collection.anki2']);
  const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];
  return { files, db, rows };
}

describe('writeApkg', () => {
  it('writes Anki’s legacy schema: tables, columns and indexes as Anki creates them', async () => {
    const { files, rows } = await openExport(await writeApkg(sampleCollection(), { withScheduling: true, now: NOW }));
    expect(Object.keys(files).sort()).toEqual(['0', '1', 'collection.anki2', 'media']);
    const objects = rows("select type, name from sqlite_master where name not like 'sqlite_%' order by name").map(([t, n]) => `${t}:${n}`);
    expect(objects).toEqual(['table:cards', 'table:col', 'table:graves', 'index:ix_cards_nid', 'index:ix_cards_sched', 'index:ix_cards_usn', 'index:ix_notes_csum', 'index:ix_notes_usn', 'index:ix_revlog_cid', 'index:ix_revlog_usn', 'table:notes', 'table:revlog']);
    const columns = (table: string) => rows(`pragma table_info(${table})`).map((r) => r[1]);
    expect(columns('notes')).toEqual(['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data']);
    expect(columns('cards')).toEqual(['id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data']);
    expect(columns('revlog')).toEqual(['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type']);
  });

  it('fills the col row, notes and cards the way Anki’s importer checks them', async () => {
    const data = sampleCollection();
    const { files, rows } = await openExport(await writeApkg(data, { withScheduling: true, now: NOW }));
    const [col] = rows('select crt, ver, models, decks, dconf, conf from col');
    expect(col![1]).toBe(11);
    const models = JSON.parse(String(col![2])) as Record<string, { name: string; type: number; flds: { name: string }[]; tmpls: { qfmt: string }[] }>;
    expect(Object.values(models).map((m) => [m.name, m.type, m.flds.map((f) => f.name), m.tmpls.length])).toEqual([
      ['Basic (and reversed card)', 0, ['Front', 'Back'], 2],
      ['Cloze', 1, ['Text', 'Back Extra'], 1],
    ]);
    const decks = Object.values(JSON.parse(String(col![3])) as Record<string, { id: number; name: string }>).map((d) => d.name);
    expect(decks.sort()).toEqual(['AWS Security::サービス', 'Default', '日本語']);
    expect(Object.keys(JSON.parse(String(col![4])))).toEqual(['1']);

    const notes = rows('select guid, tags, flds, sfld, csum from notes order by id');
    const strippedFirst = 'KMS & keys';
    expect(notes[0]).toEqual(['n-kms', ' aws security ', '<b>KMS</b> &amp; keys\u001fKey Management Service <img src="kms.png">', strippedFirst, parseInt(sha1Hex(strippedFirst).slice(0, 8), 16)]);
    expect(notes[1]![0]).toBe('abc123');

    const crt = Number(col![0]) * 1000;
    const cards = rows('select ord, type, queue, due, ivl, reps, lapses, data from cards order by nid, ord');
    expect(cards[0]!.slice(0, 7)).toEqual([0, 2, 2, Math.floor((NOW + 3 * DAY - crt) / DAY), 9, 4, 1]);
    expect(JSON.parse(String(cards[0]![7]))).toMatchObject({ s: 12.5, d: 4.2 });
    expect(cards[1]!.slice(0, 4)).toEqual([1, 1, -1, Math.floor((NOW + 600_000) / 1000)]);
    expect(cards[2]!.slice(1, 3)).toEqual([0, 0]);
    expect(rows('select ease, ivl, time, type from revlog order by id')).toEqual([
      [3, -600, 4200, 0],
      [3, 3, 3000, 0],
      [2, 9, 8000, 1],
      [1, -660, 1500, 0],
    ]);
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ 0: 'kms.png', 1: 'nihongo.mp3' });
    expect([...files['0']!]).toEqual([...data.media![0]!.data]);
  });

  it('matches Anki’s own checksum for a real note (sha1 of "hello")', async () => {
    const data = sampleCollection();
    data.notes[0]!.fields = ['hello', 'world'];
    const { rows } = await openExport(await writeApkg(data, { withScheduling: false, now: NOW }));
    // Taken from the update1.apkg fixture, written by Anki: csum of the note "hello".
    expect(rows('select csum from notes order by id')[0]![0]).toBe(2868168221);
  });

  it('imports back with nothing lost: fields, tags, note types, templates, decks, media and scheduling', async () => {
    const data = sampleCollection();
    const bytes = await writeApkg(data, { withScheduling: true, now: NOW });
    const { collection } = await readApkg(bytes, 'export.apkg', { withScheduling: true, now: NOW });
    expect(collection.notes.map((n) => [n.fields, n.tags, n.guid ?? null])).toEqual(data.notes.map((n) => [n.fields, n.tags, n.guid ?? n.id]));
    expect(collection.noteTypes.map((t) => [t.name, t.kind, t.fields, t.templates, t.css])).toEqual(data.noteTypes.map((t) => [t.name, t.kind, t.fields, t.templates, t.css ?? expect.any(String)]));
    expect(collection.decks.map((d) => [d.name, d.description])).toEqual(data.decks.map((d) => [d.name, d.description]));
    expect(collection.media).toEqual(data.media);

    const review = collection.cards!.find((c) => c.state === CardState.Review)!;
    expect(review).toMatchObject({ stability: 12.5, difficulty: 4.2, scheduledDays: 9, reps: 4, lapses: 1, lastReview: NOW - 6 * DAY, suspended: false });
    // Anki keeps review dues to the day.
    expect(Math.abs(review.due - (NOW + 3 * DAY))).toBeLessThan(DAY);
    const learning = collection.cards!.find((c) => c.state === CardState.Learning)!;
    expect(learning).toMatchObject({ due: NOW + 600_000, stability: 0.4, difficulty: 6, suspended: true, template: 1 });
    expect(collection.cards!.filter((c) => c.state === CardState.New).map((c) => c.template)).toEqual([0, 1]);
    expect(collection.reviews!.map((r) => [r.time, r.rating, r.durationMs, r.stateBefore, r.stateAfter])).toEqual(data.reviews!.map((r) => [r.time, r.rating, r.durationMs, r.stateBefore, r.stateAfter]));
  });

  it('gives notes from Anki their Anki ids back, so Anki updates them instead of duplicating', async () => {
    const data = sampleCollection();
    data.notes[0]!.id = 'anki-note-1375933494578';
    for (const card of data.cards!) if (card.noteId === 'n-kms') card.noteId = 'anki-note-1375933494578';
    const { rows } = await openExport(await writeApkg(data, { withScheduling: true, now: NOW }));
    expect(rows('select id from notes')).toContainEqual([1375933494578]);
  });

  it('without scheduling, exports every card as new, including cards for each cloze', async () => {
    const { rows } = await openExport(await writeApkg(sampleCollection(), { withScheduling: false, now: NOW }));
    expect(rows('select ord, type, queue, ivl, reps from cards order by nid, ord')).toEqual([
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ]);
    expect(rows('select count(*) from revlog')).toEqual([[0]]);
  });

  it('refuses a media name that looks like a path', async () => {
    const data = sampleCollection();
    data.media![0]!.name = '../../etc/passwd';
    await expect(writeApkg(data, { withScheduling: false, now: NOW })).rejects.toThrow(/media file name "..\/..\/etc\/passwd" is not allowed/);
  });
});

describe('writeApkg gives Anki what a current collection has, so nothing changes on import', () => {
  it('marks the collection as v2/v3 scheduling, so Anki does not upgrade (and shift) the answers', async () => {
    const { rows } = await openExport(await writeApkg(sampleCollection(), { withScheduling: true, now: NOW }));
    const conf = JSON.parse(String(rows('select conf from col')[0]![0])) as Record<string, unknown>;
    expect(conf).toMatchObject({ schedVer: 2, sched2021: true });
  });

  it('gives a Kioku note type and deck the same Anki id on every export, so a re-import updates the notes', async () => {
    const ids = async (now: number) => {
      const { rows } = await openExport(await writeApkg(sampleCollection(), { withScheduling: false, now }));
      const [models, decks] = rows('select models, decks from col')[0]!;
      return [Object.keys(JSON.parse(String(models))).sort(), Object.keys(JSON.parse(String(decks))).sort(), rows('select distinct mid from notes order by mid').flat()];
    };
    const first = await ids(NOW);
    expect(await ids(NOW + 3 * DAY)).toEqual(first);
    expect(first[0]).toEqual(first[2]!.map(String));
  });

  it('writes a changed time for a note that never had one, and keeps the time of the others', async () => {
    const data = sampleCollection();
    data.notes[0]!.modified = 0;
    const { rows } = await openExport(await writeApkg(data, { withScheduling: false, now: NOW }));
    expect(rows("select guid, mod from notes order by guid")).toEqual([
      ['abc123', Math.floor(NOW / 1000)],
      ['n-kms', Math.floor(NOW / 1000)],
    ]);
    data.notes[0]!.modified = NOW - 5 * DAY;
    const again = await openExport(await writeApkg(data, { withScheduling: false, now: NOW }));
    expect(again.rows("select mod from notes where guid = 'n-kms'")[0]![0]).toBe(Math.floor((NOW - 5 * DAY) / 1000));
  });

  it("sends Anki's Default deck back as deck 1, not as a second deck named Default", async () => {
    const data = sampleCollection();
    data.decks.push({ id: 'anki-deck-1', name: 'Default' });
    data.notes[0]!.deckId = 'anki-deck-1';
    for (const card of data.cards!) if (card.noteId === data.notes[0]!.id) card.deckId = 'anki-deck-1';
    const { rows } = await openExport(await writeApkg(data, { withScheduling: true, now: NOW }));
    const decks = JSON.parse(String(rows('select decks from col')[0]![0])) as Record<string, { name: string }>;
    expect(Object.values(decks).filter((deck) => deck.name === 'Default')).toHaveLength(1);
    expect(decks['1']!.name).toBe('Default');
    expect(rows("select distinct did from cards where nid = (select id from notes where guid = 'n-kms')")).toEqual([[1]]);
  });
});

describe('writeApkg and readApkg at the edges Anki draws', () => {
  it('computes sort field and checksum as Anki does, for entities and <audio> tags', async () => {
    const data = sampleCollection();
    data.notes[0]!.fields[0] = '<audio controls src="say.mp3"></audio>&nbsp;猫&hellip;<!-- x -->';
    const { rows } = await openExport(await writeApkg(data, { withScheduling: false, now: NOW }));
    const [sfld, csum] = rows("select sfld, csum from notes where guid = 'n-kms'")[0]!;
    // rslib/src/text.rs strip_html_preserving_media_filenames: the media tag becomes " say.mp3 ", entities decode, &nbsp; is a space.
    expect(sfld).toBe(' say.mp3  猫…');
    expect(csum).toBe(parseInt(sha1Hex(' say.mp3  猫…').slice(0, 8), 16));
  });

  it('refuses a field holding U+001F, naming the note and field, instead of writing a package no one can read', async () => {
    const data = sampleCollection();
    data.notes[0]!.fields[1] = 'a\u001fb';
    await expect(writeApkg(data, { withScheduling: false, now: NOW })).rejects.toThrow(/export\.apkg, note n-kms, field "Back": contains the invisible character U\+001F/);
  });

  it('reads a notes.mod written in milliseconds by a deck tool as that time, not 1000 times later', async () => {
    const bytes = await writeApkg(sampleCollection(), { withScheduling: false, now: NOW });
    const files = unzipSync(bytes);
    const SQL = await initSqlJs();
    const db = new SQL.Database(files['collection.anki2']);
    db.run("update notes set mod = ? where guid = 'n-kms'", [NOW - DAY]);
    const changed = db.export();
    db.close();
    const { collection } = await readApkg(zipSync({ ...files, 'collection.anki2': changed }), 'tool.apkg', { withScheduling: false });
    expect(collection.notes.find((n) => n.guid === 'n-kms')!.modified).toBe(NOW - DAY);
  });
});
