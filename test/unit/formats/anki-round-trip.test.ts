import { unzipSync } from 'fflate';
import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readApkg, writeApkg } from '../../../src/core/formats';
import { unzstd } from '../../../src/core/formats/zstd';
import { buildAnki21bPackage, pb } from './helpers/anki21b-builder';

const CRT = 1_700_000_000;
const NOW = Date.UTC(2026, 10, 30, 12);

/** A learner's collection as Anki 2.1.50+ exports it: custom note type, Default deck, nested deck, studied cards. */
function learnerCollection(db: Database) {
  db.run('insert into notetypes values (?, ?, ?, 0, ?)', [1_650_000_000_001, 'Vocab', 1_690_000_000, pb([1, 0], [2, 0], [3, '.card { font-size: 28px }'], [5, '\\documentclass{article}'])]);
  db.run('insert into fields values (?, 0, ?, ?)', [1_650_000_000_001, 'Word', pb([1, 1], [3, 'Noto Sans JP'], [4, 28])]);
  db.run('insert into fields values (?, 1, ?, ?)', [1_650_000_000_001, 'Meaning', pb([3, 'Arial'], [4, 20], [5, 'in English'])]);
  db.run('insert into templates values (?, 0, ?, 0, 0, ?)', [1_650_000_000_001, 'Recognise', pb([1, '{{Word}}'], [2, '{{FrontSide}}<hr id=answer>{{Meaning}}'])]);
  db.run('insert into decks values (1, ?, 0, 0, ?, ?)', ['Default', pb(), pb([1, pb([1, 1])])]);
  db.run('insert into decks values (1_650_000_000_100, ?, 0, 0, ?, ?)', ['日本語\u001fN5', pb(), pb([1, pb([1, 1], [4, 'JLPT N5'])])]);
  const notes = [
    [1_660_000_000_001, 'g-neko', '猫\u001fcat', ' jlpt ', 1_695_000_000],
    [1_660_000_000_002, 'g-inu', '犬\u001fdog', '', 1_695_000_100],
    [1_660_000_000_003, 'g-tori', '鳥\u001fbird', ' marked ', 1_695_000_200],
    [1_660_000_000_004, 'g-kame', '亀\u001fturtle', '', 1_695_000_300],
    [1_660_000_000_005, 'g-uma', '馬\u001fhorse', '', 1_695_000_400],
    [1_660_000_000_006, 'g-ushi', '牛\u001fcow', '', 1_695_000_500],
  ] as const;
  for (const [id, guid, flds, tags, mod] of notes) {
    db.run("insert into notes values (?, ?, 1650000000001, ?, 0, ?, ?, '', 0, 0, '')", [id, guid, mod, tags, flds]);
  }
  // A review card due on day 400, a new card in the Default deck, a suspended review card.
  // An SM-2 ease of 230 %, FSRS desired retention and decay in data, a relearning card with its interval, a flagged card.
  db.run(`insert into cards values (1_670_000_000_001, 1_660_000_000_001, 1650000000100, 0, 0, 0, 2, 2, 400, 30, 2300, 6, 1, 0, 0, 0, 0, '{"s":31.5,"d":4.1,"lrt":1733000000,"dr":0.85,"decay":0.2}')`);
  db.run(`insert into cards values (1_670_000_000_002, 1_660_000_000_002, 1, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, '')`);
  db.run(`insert into cards values (1_670_000_000_003, 1_660_000_000_003, 1650000000100, 0, 0, 0, 2, -1, 410, 12, 2650, 3, 0, 0, 0, 0, 3, '{"s":12.0,"d":5.0,"lrt":1733500000}')`);
  db.run(`insert into cards values (1_670_000_000_004, 1_660_000_000_004, 1650000000100, 0, 0, 0, 3, 1, 1735000000, 4, 1900, 9, 3, 1002, 0, 0, 0, '{"s":2.5,"d":8.2,"lrt":1734990000}')`);
  // Buried today: one by the learner (queue -3), one by an answer on a sibling (queue -2); Anki keeps them apart.
  db.run(`insert into cards values (1_670_000_000_005, 1_660_000_000_005, 1650000000100, 0, 0, 0, 2, -3, 405, 20, 2500, 4, 0, 0, 0, 0, 0, '{"s":20.0,"d":5.0,"lrt":1733100000}')`);
  db.run(`insert into cards values (1_670_000_000_006, 1_660_000_000_006, 1650000000100, 0, 0, 0, 2, -2, 406, 21, 2500, 4, 0, 0, 0, 0, 0, '{"s":21.0,"d":5.0,"lrt":1733200000}')`);
  const revlog = [
    [1_730_000_000_000, 1_670_000_000_001, 3, -600, 0, 0],
    [1_730_000_600_000, 1_670_000_000_001, 3, 1, -600, 0],
    [1_731_000_000_000, 1_670_000_000_001, 3, 8, 1, 1],
    [1_733_000_000_000, 1_670_000_000_001, 3, 30, 8, 1],
    [1_733_500_000_000, 1_670_000_000_003, 4, 12, 0, 0],
      // "Set due date" in the browser: a manual entry (type 4, ease 0), which is no answer.
    [1_733_600_000_000, 1_670_000_000_003, 0, 12, 12, 4],
    // FSRS "Reschedule cards on change": a rescheduled entry (type 5, ease 0), no answer either.
    [1_733_700_000_000, 1_670_000_000_003, 0, 14, 12, 5],
    [1_734_990_000_000, 1_670_000_000_004, 1, -600, 10, 1],
  ];
  for (const [id, cid, ease, ivl, lastIvl, type] of revlog) db.run('insert into revlog values (?, ?, 0, ?, ?, ?, ?, 6000, ?)', [id!, cid!, ease!, ivl!, lastIvl!, 2000 + (id! % 1000), type!]);
}

async function openCollection(bytes: Uint8Array): Promise<Database> {
  const files = unzipSync(bytes);
  const SQL = await initSqlJs();
  const modern = files['collection.anki21b'];
  return new SQL.Database(modern ? unzstd(modern, 'x', 'x') : files['collection.anki2']);
}

const rows = (db: Database, sql: string) => db.exec(sql)[0]?.values ?? [];

/** What Anki compares on import (rslib/src/import_export/package/apkg/import): notes by guid, note types by id and mod, cards by note and ordinal, revlog by id. */
function ankiView(db: Database, modern: boolean) {
  const crt = Number(rows(db, 'select crt from col')[0]![0]);
  const noteTypeMods = modern
    ? rows(db, 'select id, name, mtime_secs from notetypes').map(([id, name, mod]) => [id, name, mod])
    : Object.values(JSON.parse(String(rows(db, 'select models from col')[0]![0])) as Record<string, { id: number; name: string; mod: number }>).map((m) => [m.id, m.name, m.mod]);
  const deckNames = modern
    ? rows(db, 'select id, name from decks').map(([id, name]) => [id, String(name).replaceAll('\u001f', '::')])
    : Object.values(JSON.parse(String(rows(db, 'select decks from col')[0]![0])) as Record<string, { id: number; name: string }>).map((d) => [d.id, d.name]);
  return {
    notes: rows(db, 'select guid, mid, mod, tags, flds from notes order by guid'),
    noteTypeMods,
    decks: deckNames.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    cards: rows(db, `select n.guid, c.ord, c.did, c.type, c.queue, case when c.type = 2 then ${crt} / 86400 + c.due else c.due end, c.ivl, c.factor, c.reps, c.lapses, c.left, c.flags from cards c join notes n on n.id = c.nid order by n.guid, c.ord`),
    cardData: rows(db, 'select n.guid, c.ord, c.data from cards c join notes n on n.id = c.nid order by n.guid, c.ord').map(([guid, ord, data]) => [guid, ord, data ? JSON.parse(String(data)) : {}]),
    revlog: rows(db, 'select r.id, n.guid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type from revlog r join cards c on c.id = r.cid join notes n on n.id = c.nid order by r.id'),
  };
}

describe('Anki → Kioku → Anki', () => {
  it('gives Anki back what it had: notes by guid, note types by id and mod, decks, cards and the review log', async () => {
    const original = await buildAnki21bPackage({ build: learnerCollection }, CRT);
    const { collection } = await readApkg(original, 'learner.apkg', { withScheduling: true, now: NOW });
    const exported = await writeApkg(collection, { withScheduling: true, now: NOW });

    const before = ankiView(await openCollection(original), true);
    const after = ankiView(await openCollection(exported), false);
    expect(after.notes).toEqual(before.notes);
    expect(after.noteTypeMods).toEqual(before.noteTypeMods);
    expect(after.decks).toEqual(before.decks);
    expect(after.cards).toEqual(before.cards);
    expect(after.cardData).toEqual(before.cardData);
    expect(after.revlog).toEqual(before.revlog);
  });
});

describe('buried cards between Anki and Kioku', () => {
  it('keeps a card Anki buried hidden until the learner\'s next day, and sends Anki a bury only while it lasts', async () => {
    const original = await buildAnki21bPackage({ build: learnerCollection }, CRT);
    const { collection } = await readApkg(original, 'learner.apkg', { withScheduling: true, now: NOW });
    const card = (guid: string) => collection.cards!.find((c) => c.noteId === `anki-note-${guid}`)!;
    const tomorrow = Date.UTC(2026, 11, 1);
    expect([card('1660000000005').buriedUntil, card('1660000000005').buriedBy]).toEqual([tomorrow, 'learner']);
    expect([card('1660000000006').buriedUntil, card('1660000000006').buriedBy]).toEqual([tomorrow, 'sibling']);
    expect(card('1660000000001').buriedUntil).toBeNull();

    const queues = async (now: number) => rows(await openCollection(await writeApkg(collection, { withScheduling: true, now })), "select n.guid, c.queue from cards c join notes n on n.id = c.nid where n.guid in ('g-uma', 'g-ushi') order by n.guid");
    expect(await queues(NOW)).toEqual([['g-uma', -3], ['g-ushi', -2]]);
    // Two days on the bury has lapsed: Anki must not hide the cards for another day.
    expect(await queues(NOW + 2 * 86_400_000)).toEqual([['g-uma', 2], ['g-ushi', 2]]);
  });
});

describe('flags between Anki and Kioku', () => {
  it('shows an Anki flag as the card’s flag, and exports a flag set in Kioku', async () => {
    const original = await buildAnki21bPackage({ build: learnerCollection }, CRT);
    const { collection } = await readApkg(original, 'learner.apkg', { withScheduling: true, now: NOW });
    const flagged = collection.cards!.filter((card) => card.flag);
    expect(flagged.map((card) => [card.noteId, card.flag])).toEqual([['anki-note-1660000000003', 3]]);

    const tori = flagged[0]!;
    tori.flag = 6;
    const inu = collection.cards!.find((card) => card.noteId === 'anki-note-1660000000002')!;
    inu.flag = 1;
    const exported = await openCollection(await writeApkg(collection, { withScheduling: true, now: NOW }));
    expect(rows(exported, 'select n.guid, c.flags from cards c join notes n on n.id = c.nid where c.flags != 0 order by n.guid')).toEqual([
      ['g-inu', 1],
      ['g-tori', 6],
    ]);
  });
});
