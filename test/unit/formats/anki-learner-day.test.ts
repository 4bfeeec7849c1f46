import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CardState } from '../../../src/core/collection/model';
import { readApkg, writeApkg } from '../../../src/core/formats';
import { dayStartOf, learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { addBasicNoteType, addNormalDeck, buildAnki21bPackage, setAnkiConfig } from './helpers/anki21b-builder';
import { NOW, sampleCollection } from './helpers/sample-collection';

const TOKYO: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const NEW_YORK: DayRules = { zone: 'America/New_York', dayStartHour: 4 };

describe("Anki's day numbers on the learner's days", () => {
  it('exports a review due at 08:00 in Tokyo on that Tokyo day, with crt at 04:00 there and the rollover and offsets Anki reads', async () => {
    const data = sampleCollection();
    const review = data.cards!.find((c) => c.state === CardState.Review)!;
    // 2026-12-05 08:00 JST is still 2026-12-04 in UTC.
    review.due = Date.UTC(2026, 11, 4, 23);
    const bytes = await writeApkg(data, { withScheduling: true, now: NOW, dayRules: TOKYO });
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(bytes)['collection.anki2']);
    const [crt, conf] = db.exec('select crt, conf from col')[0]!.values[0]!;
    const due = db.exec('select due from cards where type = 2')[0]!.values[0]![0];
    db.close();
    const crtMs = Number(crt) * 1000;
    expect(crtMs).toBe(dayStartOf(learnerDay(crtMs, TOKYO), TOKYO));
    expect(new Date(crtMs + 9 * 3_600_000).getUTCHours()).toBe(4);
    expect(dayStartOf(learnerDay(crtMs, TOKYO) + Number(due), TOKYO)).toBe(Date.UTC(2026, 11, 4, 19));
    expect(JSON.parse(String(conf))).toMatchObject({ rollover: 4, creationOffset: -540, localOffset: -540 });
  });

  it('imports a day number across a daylight-saving change as the start of that learner day, not an hour before it', async () => {
    // crt: 2026-07-01 04:00 EDT. Day 150 is 2026-11-28, after clocks went back: it starts at 04:00 EST.
    const crt = Date.UTC(2026, 6, 1, 8) / 1000;
    const bytes = await buildAnki21bPackage(
      {
        build(db) {
          addBasicNoteType(db);
          addNormalDeck(db, 1, 'Default');
          db.run("insert into notes values (10, 'g', 1, 0, 0, '', ?, '', 0, 0, '')", ['q\u001fa']);
          db.run(`insert into cards values (100, 10, 1, 0, 0, 0, 2, 2, 150, 20, 2500, 3, 0, 0, 0, 0, 0, '')`);
        },
      },
      crt,
    );
    const { collection } = await readApkg(bytes, 'ny.apkg', { withScheduling: true, now: NOW, dayRules: NEW_YORK });
    expect(collection.cards![0]!.due).toBe(Date.UTC(2026, 10, 28, 9));
  });

  it('reads a card on the calendar day it was due in Tokyo, when Kioku exported it on Tokyo days and the learner now counts UTC days', async () => {
    const data = sampleCollection();
    const review = data.cards!.find((c) => c.state === CardState.Review)!;
    // 2026-12-03 21:00 in Tokyo: the Tokyo day of 3 December, which starts at 19:00 UTC on the 2nd.
    review.due = Date.UTC(2026, 11, 3, 12);
    const bytes = await writeApkg(data, { withScheduling: true, now: NOW, dayRules: TOKYO });
    const { collection } = await readApkg(bytes, 'tokyo.apkg', { withScheduling: true, now: NOW, dayRules: { zone: 'UTC', dayStartHour: 0 } });
    const back = collection.cards!.filter((c) => c.state === CardState.Review);
    expect(back.map((c) => new Date(c.due).toISOString())).toEqual(['2026-12-03T00:00:00.000Z']);
  });

  it("reads an Anki 2.1.50+ file made in Tokyo (creationOffset -540, rollover 4) in New York on the date Anki there shows", async () => {
    // crt: 2026-07-01 04:00 in Tokyo, which is still 30 June in New York.
    const crt = Date.UTC(2026, 5, 30, 19) / 1000;
    const bytes = await buildAnki21bPackage(
      {
        build(db) {
          setAnkiConfig(db, { schedVer: 2, sched2021: true, rollover: 4, creationOffset: -540 });
          addBasicNoteType(db);
          addNormalDeck(db, 1, 'Default');
          db.run("insert into notes values (10, 'g', 1, 0, 0, '', ?, '', 0, 0, '')", ['q\u001fa']);
          // Day 160 after 1 July: 8 December.
          db.run(`insert into cards values (100, 10, 1, 0, 0, 0, 2, 2, 160, 20, 2500, 3, 0, 0, 0, 0, 0, '')`);
        },
      },
      crt,
    );
    const { collection } = await readApkg(bytes, 'tokyo-anki.apkg', { withScheduling: true, now: NOW, dayRules: NEW_YORK });
    // 8 December starts at 04:00 EST in New York.
    expect(new Date(collection.cards![0]!.due).toISOString()).toBe('2026-12-08T09:00:00.000Z');
  });

  it("reads a v1 file's relearning cards (type 2 in a learning queue) as relearning, as Anki's upgrade to v2 does, instead of refusing the file", async () => {
    // No schedVer: a v1 collection. rslib scheduler/upgrade.rs makes type 2 in queue 1 or 3 a relearning card (type 3).
    const crt = Date.UTC(2026, 6, 1, 4) / 1000;
    const bytes = await buildAnki21bPackage(
      {
        build(db) {
          addBasicNoteType(db);
          addNormalDeck(db, 1, 'Default');
          db.run("insert into notes values (10, 'g1', 1, 0, 0, '', ?, '', 0, 0, ''), (11, 'g2', 1, 0, 0, '', ?, '', 0, 0, '')", ['q\u001fa', 'r\u001fb']);
          // Relearning in minutes (due a Unix time), and relearning across a day (due a day number).
          db.run(`insert into cards values (100, 10, 1, 0, 0, 0, 2, 1, ${NOW / 1000 + 600}, 20, 2500, 3, 1, 1001, 0, 0, 0, '')`);
          db.run(`insert into cards values (101, 11, 1, 0, 0, 0, 2, 3, 150, 20, 2500, 3, 1, 1001, 0, 0, 0, '')`);
        },
      },
      crt,
    );
    const { collection } = await readApkg(bytes, 'v1.apkg', { withScheduling: true, now: NOW });
    expect(collection.cards!.map((card) => card.state)).toEqual([CardState.Relearning, CardState.Relearning]);
    expect(collection.cards![0]!.due).toBe(NOW + 600_000);
  });
});
