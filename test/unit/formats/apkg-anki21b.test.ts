import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CardState } from '../../../src/core/collection/model';
import { readApkg, writeApkg } from '../../../src/core/formats';
import { unzstd } from '../../../src/core/formats/zstd';
import { buildAnki21bPackage, pb, zstdRawFrame } from './helpers/anki21b-builder';

const DAY = 86_400_000;
const CRT = 1700000000;
/** Review due days count from the start of col.crt's day (UTC days when no learner rules are given). */
const CRT_DAY_START = Math.floor((CRT * 1000) / DAY) * DAY;

function schema18Deck(db: Database) {
  db.run('insert into notetypes values (?, ?, 1700000100, 0, ?)', [10, 'Vocab', pb([1, 0], [2, 1], [3, '.card { color: red }'], [5, '\\documentclass{article}'], [6, '\\end{document}'], [7, 1])]);
  db.run('insert into notetypes values (?, ?, 0, 0, ?)', [11, 'Cloze+', pb([1, 1])]);
  for (const [ntid, ord, name] of [[10, 0, 'Word'], [10, 1, 'Meaning'], [11, 0, 'Text'], [11, 1, 'Extra']] as const) {
    db.run('insert into fields values (?, ?, ?, ?)', [ntid, ord, name, ntid === 10 && ord === 0 ? pb([1, 1], [3, 'Noto Sans JP'], [4, 28], [5, 'the word in kanji'], [9, 123456789]) : pb([3, 'Arial'], [4, 20])]);
  }
  db.run('insert into templates values (10, 0, ?, 0, 0, ?)', ['Recognise', pb([1, '{{Word}}'], [2, '{{FrontSide}}<hr>{{Meaning}}'])]);
  db.run('insert into templates values (10, 1, ?, 0, 0, ?)', ['Recall', pb([1, '{{Meaning}}'], [2, '{{FrontSide}}<hr>{{Word}}'])]);
  db.run('insert into templates values (11, 0, ?, 0, 0, ?)', ['Cloze', pb([1, '{{cloze:Text}}'], [2, '{{cloze:Text}}{{Extra}}'])]);
  db.run('insert into decks values (1, ?, 0, 0, ?, ?)', ['Default', pb(), pb([1, pb()])]);
  db.run('insert into decks values (20, ?, 0, 0, ?, ?)', ['日本語\u001fN5', pb(), pb([1, pb([1, 1], [4, 'JLPT N5 の語彙'])])]);
  db.run('insert into decks values (21, ?, 0, 0, ?, ?)', ['Filtered', pb(), pb([2, pb()])]);
  db.run("insert into notes values (100, 'g-neko', 10, 1700000500, 0, ' jlpt animals ', ?, '猫', 0, 0, '')", ['猫\u001fcat <img src="neko.jpg">']);
  db.run("insert into notes values (101, 'g-cloze', 11, 1700000600, 0, '', ?, '', 0, 0, '')", ['{{c1::東京}} is in {{c2::Japan}}\u001f']);
  // Review card with FSRS memory state in data, due 30 days after the collection was created.
  db.run(`insert into cards values (1000, 100, 20, 0, 0, 0, 2, 2, 30, 12, 2500, 5, 1, 0, 0, 0, 0, '{"s":14.2,"d":3.3,"lrt":1702000000}')`);
  // Relearning card without FSRS data but with history: its memory state must come from replaying the log.
  db.run(`insert into cards values (1001, 100, 20, 1, 0, 0, 3, 1, 1702600000, 3, 2500, 3, 1, 1001, 0, 0, 0, '')`);
  // A cloze card sitting in a filtered deck: it stays there, linked to its original deck and due.
  db.run(`insert into cards values (1002, 101, 21, 1, 0, 0, 2, 2, 999, 4, 2500, 2, 0, 0, 40, 20, 0, '')`);
  db.run(`insert into cards values (1003, 101, 20, 0, 0, 0, 0, -1, 7, 0, 0, 0, 0, 0, 0, 0, 0, '')`);
  const revlog = [
    [1702000000000, 1001, 3, -600, 0, 0],
    [1702000600000, 1001, 3, 1, 0, 0],
    [1702086400000, 1001, 3, 4, 1, 1],
    [1702432000000, 1001, 1, -600, 4, 1],
  ];
  for (const [id, cid, ease, ivl, lastIvl, type] of revlog) {
    db.run('insert into revlog values (?, ?, 0, ?, ?, ?, 2500, 5000, ?)', [id!, cid!, ease!, ivl!, lastIvl!, type!]);
  }
}

describe('readApkg on an anki21b (schema 18) package', { timeout: 30_000 }, () => {
  it('reads note types, fields, templates and decks from their own tables', async () => {
    const bytes = await buildAnki21bPackage({ build: schema18Deck, media: [{ name: 'neko.jpg', data: new Uint8Array([1, 2, 3, 4]) }] });
    const { collection, schema } = await readApkg(bytes, 'modern.apkg', { withScheduling: false });
    expect(schema).toBe('anki21b');
    expect(collection.noteTypes.map(({ anki: _anki, ...type }) => type)).toEqual([
      { id: 'anki-notetype-10', name: 'Vocab', kind: 'standard', fields: ['Word', 'Meaning'], css: '.card { color: red }', templates: [
        { name: 'Recognise', front: '{{Word}}', back: '{{FrontSide}}<hr>{{Meaning}}' },
        { name: 'Recall', front: '{{Meaning}}', back: '{{FrontSide}}<hr>{{Word}}' },
      ] },
      { id: 'anki-notetype-11', name: 'Cloze+', kind: 'cloze', fields: ['Text', 'Extra'], templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}{{Extra}}' }] },
    ]);
    expect(collection.decks).toEqual([{ id: 'anki-deck-20', name: '日本語::N5', description: 'JLPT N5 の語彙' }]);
    expect(collection.notes.map((n) => [n.id, n.guid, n.deckId, n.fields, n.tags])).toEqual([
      ['anki-note-100', 'g-neko', 'anki-deck-20', ['猫', 'cat <img src="neko.jpg">'], ['jlpt', 'animals']],
      ['anki-note-101', 'g-cloze', 'anki-deck-20', ['{{c1::東京}} is in {{c2::Japan}}', ''], []],
    ]);
    expect(collection.media).toEqual([{ name: 'neko.jpg', mime: 'image/jpeg', data: new Uint8Array([1, 2, 3, 4]) }]);
  });

  it("keeps every note-type property Anki has and writes it back unchanged, with Anki's mod", async () => {
    const { collection } = await readApkg(await buildAnki21bPackage({ build: schema18Deck }), 'modern.apkg', { withScheduling: false });
    const vocab = collection.noteTypes.find((type) => type.name === 'Vocab')!;
    expect(vocab.anki?.mod).toBe(1700000100);
    expect(vocab.anki?.model).toMatchObject({ sortf: 1, latexPre: '\\documentclass{article}', latexPost: '\\end{document}', latexsvg: true });
    expect((vocab.anki?.model.flds as unknown[])[0]).toMatchObject({ name: 'Word', sticky: true, font: 'Noto Sans JP', size: 28, description: 'the word in kanji', id: 123456789 });

    const exported = await readApkg(await writeApkg(collection, { withScheduling: false, now: Date.UTC(2026, 11, 1) }), 'back.apkg', { withScheduling: false });
    const back = exported.collection.noteTypes.find((type) => type.name === 'Vocab')!;
    expect(back.id).toBe(vocab.id);
    expect(back.anki).toEqual(vocab.anki);

    const renamed = { ...collection, noteTypes: collection.noteTypes.map((type) => (type === vocab ? { ...type, fields: ['Word', 'Meaning (en)'] } : type)) };
    const changed = await readApkg(await writeApkg(renamed, { withScheduling: false, now: Date.UTC(2026, 11, 1) }), 'changed.apkg', { withScheduling: false });
    const model = changed.collection.noteTypes.find((type) => type.name === 'Vocab')!.anki!.model;
    expect(model.mod).toBe(Date.UTC(2026, 11, 1) / 1000);
    expect((model.flds as { name: string; sticky: boolean }[]).map((f) => [f.name, f.sticky])).toEqual([['Word', true], ['Meaning (en)', false]]);
    expect(model.latexPre).toBe('\\documentclass{article}');
  });

  it('reads a .colpkg whose schema declares COLLATE unicase exactly as Anki 2.1.50+ stores it', async () => {
    const bytes = await buildAnki21bPackage({ build: schema18Deck });
    const SQL = await initSqlJs();
    const stored = new SQL.Database(unzstd(unzipSync(bytes)['collection.anki21b']!, 'x', 'x'));
    const fieldsTable = stored.exec("select sql from sqlite_master where name = 'fields'")[0]!.values[0]![0];
    stored.close();
    expect(fieldsTable).toContain('name text NOT NULL COLLATE unicase');
    const { collection } = await readApkg(bytes, 'collection.colpkg', { withScheduling: true });
    expect(collection.notes).toHaveLength(2);
    expect(collection.cards).toHaveLength(4);
  });

  it('converts card states and due dates, and replays the review log when FSRS data is missing', async () => {
    const bytes = await buildAnki21bPackage({ build: schema18Deck });
    const now = Date.UTC(2026, 10, 30);
    const { collection } = await readApkg(bytes, 'modern.apkg', { withScheduling: true, now });
    const card = (id: string) => collection.cards!.find((c) => c.id === id)!;

    expect(card('anki-note-100/0')).toMatchObject({ state: CardState.Review, due: CRT_DAY_START + 30 * DAY, stability: 14.2, difficulty: 3.3, scheduledDays: 12, reps: 5, lapses: 1, lastReview: 1702000000000 });

    const relearning = card('anki-note-100/1');
    expect(relearning).toMatchObject({ state: CardState.Relearning, due: 1702600000 * 1000, lastReview: 1702432000000 });
    expect(relearning.stability).toBeGreaterThan(0);
    const reviews = collection.reviews!.filter((r) => r.cardId === relearning.id);
    expect(reviews.map((r) => [r.rating, r.stateBefore, r.stateAfter])).toEqual([
      [3, CardState.New, CardState.Learning],
      [3, CardState.Learning, CardState.Review],
      [3, CardState.Review, CardState.Review],
      [1, CardState.Review, CardState.Relearning],
    ]);
    // The lapse at the end lowers stability, as replaying with FSRS says it should.
    expect(reviews[3]!.stabilityAfter).toBeLessThan(reviews[2]!.stabilityAfter);
    expect(relearning.stability).toBe(reviews[3]!.stabilityAfter);

    expect(card('anki-note-101/1')).toMatchObject({ deckId: 'anki-deck-21', homeDeckId: 'anki-deck-20', homeDue: CRT_DAY_START + 40 * DAY, template: 1 });
    expect(card('anki-note-101/0')).toMatchObject({ state: CardState.New, suspended: true, due: now + 7 });
  });

  it('refuses a zstd collection that declares more than 512 MiB before decompressing it', async () => {
    const frame = zstdRawFrame(new Uint8Array(16));
    new DataView(frame.buffer).setUint32(5, 600 * 1024 * 1024, true);
    const bytes = zipSync({ 'collection.anki21b': frame });
    await expect(readApkg(bytes, 'bomb.apkg', { withScheduling: false })).rejects.toThrow(/bomb\.apkg, zip entry "collection\.anki21b": declares 629145600 bytes of content, more than the 512 MiB limit; refusing to unpack it \(possible zip bomb\)/);
  });

  it('skips a media name that is a path, in a zstd media list, and keeps the others', async () => {
    for (const name of ['../../etc/passwd', 'C:\\x', 'a\u0000b']) {
      const media = [{ name, data: new Uint8Array([1]) }, { name: 'neko..v2.jpg', data: new Uint8Array([2]) }];
      const { collection, skipped } = await readApkg(await buildAnki21bPackage({ build: schema18Deck, media }), 'evil.apkg', { withScheduling: false });
      expect(collection.media!.map((m) => m.name)).toEqual(['neko..v2.jpg']);
      expect(skipped).toEqual([{ kind: 'media', name: JSON.stringify(name), reason: 'unsafe-media-name', detail: {} }]);
    }
  });
});
