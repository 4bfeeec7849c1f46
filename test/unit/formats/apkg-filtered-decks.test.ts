import { describe, expect, it } from 'vitest';
import { CardState, type CollectionData } from '../../../src/core/collection/model';
import { readApkg, writeApkg } from '../../../src/core/formats';
import { dayStartOf, learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { exportAnkiCollection, legacyPackage, schema11Collection } from '../../fixtures/anki-format/build-package';
import { addBasicNoteType, addNormalDeck, buildAnki21bPackage, pb, setAnkiConfig } from './helpers/anki21b-builder';
import { NOW } from './helpers/sample-collection';

const TOKYO: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
/** 2026-07-01 04:00 in Tokyo, the collection's creation: day numbers count Tokyo days from there. */
const CRT = Date.UTC(2026, 5, 30, 19) / 1000;
const CONF = { schedVer: 2, sched2021: true, rollover: 4, creationOffset: -540 };
const dayInTokyo = (day: number) => dayStartOf(learnerDay(CRT * 1000, TOKYO) + day, TOKYO);

/**
 * Three cards of a "Japanese" deck as Anki leaves them after building two filtered decks
 * (rslib scheduler/filtered/card.rs move_into_filtered_deck): odid the home deck, odue the due
 * there, due the place in the filtered deck counted from -100,000; a deck that does not
 * reschedule puts every card in the review queue (2). Columns as rslib/src/storage/schema11.sql.
 */
const CARDS = [
  // Review card due on day 150 at home, first in "Exam week".
  [100, 10, 1600, 0, 0, 0, 2, 2, -100_000, 20, 2500, 3, 0, 0, 150, 1500, 0, ''],
  // New card, 7th in the new queue at home, second in "Preview".
  [101, 11, 1700, 0, 0, 0, 0, 2, -99_999, 0, 0, 0, 0, 0, 7, 1500, 0, ''],
  // Review card left at home, due on day 160.
  [102, 12, 1500, 0, 0, 0, 2, 2, 160, 30, 2500, 4, 0, 0, 0, 0, 0, ''],
];

function addNotesAndCards(db: import('sql.js').Database, noteType: number): void {
  for (const id of [10, 11, 12]) db.run("insert into notes values (?, ?, ?, 0, 0, '', ?, '', 0, 0, '')", [id, `g${id}`, noteType, `q${id}\u001fa${id}`]);
  for (const row of CARDS) db.run(`insert into cards values (${row.map(() => '?').join(', ')})`, row);
}

/** The filtered decks as Anki 23.10+ writes them into col.decks (rslib/src/decks/schema11.rs FilteredDeckSchema11). */
function legacyFilteredDeck(id: number, name: string, resched: boolean, terms: [string, number, number][], preview: [number, number, number]) {
  const [previewAgainSecs, previewHardSecs, previewGoodSecs] = preview;
  return { id, mod: 0, name, usn: 0, lrnToday: [0, 0], revToday: [0, 0], newToday: [0, 0], timeToday: [0, 0], collapsed: false, browserCollapsed: false, desc: '', dyn: 1, resched, terms, separate: true, delays: null, previewDelay: 10, previewAgainSecs, previewHardSecs, previewGoodSecs };
}

const normalDeck = (id: number, name: string) => ({ id, mod: 0, name, usn: 0, lrnToday: [0, 0], revToday: [0, 0], newToday: [0, 0], timeToday: [0, 0], collapsed: false, browserCollapsed: false, desc: '', dyn: 0, conf: 1, extendNew: 0, extendRev: 0 });

/** A collection.anki21 package from before 2.1.50, its decks as JSON in the col row. */
async function legacyWithFilteredDecks(): Promise<Uint8Array> {
  const db = await schema11Collection(CRT);
  db.run('update col set conf = ?, decks = ?, models = ?', [
    JSON.stringify(CONF),
    JSON.stringify({
      1: normalDeck(1, 'Default'),
      1500: normalDeck(1500, 'Japanese'),
      // decks.proto SearchTerm.Order: DUE = 6, ADDED = 5.
      1600: legacyFilteredDeck(1600, 'Exam week', true, [['deck:Japanese is:due', 50, 6]], [60, 600, 0]),
      1700: legacyFilteredDeck(1700, 'Preview', false, [['is:new', 20, 5], ['is:due', 30, 6]], [30, 300, 0]),
    }),
    JSON.stringify({ 5: { id: 5, name: 'Basic', type: 0, flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }], tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{Back}}' }] } }),
  ]);
  addNotesAndCards(db, 5);
  return legacyPackage(exportAnkiCollection(db), 'collection.anki21');
}

/** The same collection as Anki 2.1.50+ writes it: decks.kind a Deck.KindContainer, filtered = field 2 (proto/anki/decks.proto). */
function modernWithFilteredDecks(): Promise<Uint8Array> {
  const term = (search: string, limit: number, order: number) => pb([1, search], [2, limit], [3, order]);
  return buildAnki21bPackage(
    {
      build(db) {
        setAnkiConfig(db, CONF);
        addBasicNoteType(db, 5);
        addNormalDeck(db, 1, 'Default');
        addNormalDeck(db, 1500, 'Japanese');
        // Deck.Filtered: reschedule 1, search_terms 2, preview_delay 4, preview_hard_secs 5, preview_good_secs 6, preview_again_secs 7.
        db.run('insert into decks values (1600, ?, 0, 0, ?, ?)', ['Exam week', pb(), pb([2, pb([1, 1], [2, term('deck:Japanese is:due', 50, 6)], [4, 10], [5, 600], [7, 60])])]);
        db.run('insert into decks values (1700, ?, 0, 0, ?, ?)', ['Preview', pb(), pb([2, pb([2, term('is:new', 20, 5)], [2, term('is:due', 30, 6)], [4, 10], [5, 300], [7, 30])])]);
        addNotesAndCards(db, 5);
      },
    },
    CRT,
  );
}

/** Each card as "deck ← home deck, due at home", by names and Tokyo days; new cards by state. */
function placed(collection: CollectionData) {
  const name = new Map(collection.decks.map((deck) => [deck.id, deck.name]));
  const note = new Map(collection.notes.map((n) => [n.id, n.fields[0]]));
  return (collection.cards ?? []).map((card) => ({
    note: note.get(card.noteId),
    deck: name.get(card.deckId),
    home: card.homeDeckId === undefined ? undefined : name.get(card.homeDeckId),
    homeDue: card.homeDue === undefined ? undefined : card.state === CardState.New ? 'new' : learnerDay(card.homeDue, TOKYO) - learnerDay(CRT * 1000, TOKYO),
    position: card.filteredPosition,
  }));
}

describe.each([
  ['a package from before 2.1.50 (decks as JSON)', legacyWithFilteredDecks],
  ['an Anki 2.1.50+ package (decks table)', modernWithFilteredDecks],
])("Anki's filtered decks in %s", (_, build) => {
  it('become filtered decks with their search, limit, order and rescheduling, their cards in them with their home deck and home due', async () => {
    const { collection } = await readApkg(await build(), 'filtered.apkg', { withScheduling: true, now: NOW, dayRules: TOKYO });
    const filtered = Object.fromEntries(collection.decks.filter((deck) => deck.filtered).map((deck) => [deck.name, deck.filtered]));
    expect(filtered).toEqual({
      'Exam week': { search: 'deck:Japanese is:due', limit: 50, order: 'due', reschedule: true },
      Preview: { search: 'is:new', limit: 20, order: 'added', reschedule: false, second: { search: 'is:due', limit: 30, order: 'due' }, previewDelays: { again: 30, hard: 300, good: 0 } },
    });
    expect(placed(collection)).toEqual([
      { note: 'q10', deck: 'Exam week', home: 'Japanese', homeDue: 150, position: 0 },
      { note: 'q11', deck: 'Preview', home: 'Japanese', homeDue: 'new', position: 1 },
      { note: 'q12', deck: 'Japanese', home: undefined, homeDue: undefined, position: undefined },
    ]);
    // Waiting in the filtered deck, so due now; at home, on the Tokyo day Anki counts.
    expect(collection.cards!.map((card) => card.due)).toEqual([NOW, NOW, dayInTokyo(160)]);
    expect(collection.cards![0]!.homeDue).toBe(dayInTokyo(150));
    // Notes belong to the home deck, never to a filtered one.
    expect(collection.notes.map((note) => collection.decks.find((deck) => deck.id === note.deckId)?.name)).toEqual(['Japanese', 'Japanese', 'Japanese']);
  });

  it('keeps a second filter, so nothing of these decks is reported left out', async () => {
    const { skipped } = await readApkg(await build(), 'filtered.apkg', { withScheduling: true, now: NOW, dayRules: TOKYO });
    expect(skipped).toEqual([]);
  });

  it('writes the filtered decks back as Anki had them: search, limit, order, rescheduling and preview delays', async () => {
    const { collection } = await readApkg(await build(), 'filtered.apkg', { withScheduling: true, now: NOW, dayRules: TOKYO });
    const again = await readApkg(await writeApkg(collection, { withScheduling: true, now: NOW, dayRules: TOKYO }), 'again.apkg', { withScheduling: true, now: NOW, dayRules: TOKYO });
    const filtered = (data: CollectionData) => Object.fromEntries(data.decks.filter((deck) => deck.filtered).map((deck) => [deck.name, deck.filtered]));
    expect(filtered(again.collection)).toEqual(filtered(collection));
    expect(placed(again.collection)).toEqual(placed(collection));
  });

  it('without scheduling, brings no filtered deck: every note in its home deck, nothing said about the filtered decks', async () => {
    const { collection, skipped } = await readApkg(await build(), 'filtered.apkg', { withScheduling: false, now: NOW, dayRules: TOKYO });
    expect(collection.decks.map((deck) => deck.name).sort()).toEqual(['Japanese']);
    expect(collection.decks.some((deck) => deck.filtered)).toBe(false);
    expect(collection.notes.map((note) => note.deckId)).toEqual(collection.notes.map(() => collection.decks[0]!.id));
    expect(skipped).toEqual([]);
  });
});

describe('a filtered deck whose cards have no home deck', () => {
  it('becomes a normal deck of its name holding them, as Anki makes it, when an old export reset its cards but left them there', async () => {
    // Anki before 2.1.50 exported without scheduling by resetting cards (odid 0) in place; gather.rs enables_filtered_decks then refuses the filtered decks.
    const bytes = await buildAnki21bPackage(
      {
        build(db) {
          setAnkiConfig(db, CONF);
          addBasicNoteType(db, 5);
          addNormalDeck(db, 1, 'Default');
          db.run('insert into decks values (1600, ?, 0, 0, ?, ?)', ['Exam week', pb(), pb([2, pb([1, 1], [2, pb([1, 'is:due'], [2, 50], [3, 6])])])]);
          db.run("insert into notes values (10, 'g10', 5, 0, 0, '', ?, '', 0, 0, '')", ['q10\u001fa10']);
          db.run("insert into cards values (100, 10, 1600, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')");
        },
      },
      CRT,
    );
    const { collection } = await readApkg(bytes, 'old.apkg', { withScheduling: true, now: NOW, dayRules: TOKYO });
    expect(collection.decks.map((deck) => [deck.name, deck.filtered])).toEqual([['Exam week', undefined]]);
    expect(collection.cards!.map((card) => [card.deckId, card.homeDeckId])).toEqual([[collection.decks[0]!.id, undefined]]);
  });
});

describe('a filtered deck in an order Kioku does not have', () => {
  it('selects by due date instead, and the preview says so', async () => {
    // decks.proto SearchTerm.Order RELATIVE_OVERDUENESS = 10.
    const bytes = await buildAnki21bPackage(
      {
        build(db) {
          setAnkiConfig(db, CONF);
          addBasicNoteType(db, 5);
          addNormalDeck(db, 1500, 'Japanese');
          db.run('insert into decks values (1600, ?, 0, 0, ?, ?)', ['Overdue', pb(), pb([2, pb([1, 1], [2, pb([1, 'is:due'], [2, 50], [3, 10])])])]);
          db.run("insert into notes values (10, 'g10', 5, 0, 0, '', ?, '', 0, 0, '')", ['q10\u001fa10']);
          db.run("insert into cards values (100, 10, 1600, 0, 0, 0, 2, 2, -100000, 20, 2500, 3, 0, 0, 150, 1500, 0, '')");
        },
      },
      CRT,
    );
    const { collection, skipped } = await readApkg(bytes, 'overdue.apkg', { withScheduling: true, now: NOW, dayRules: TOKYO });
    // No preview delays in the file: Anki reads them as 0 (each button ends the preview), and so does Kioku.
    const previewDelays = { again: 0, hard: 0, good: 0 };
    expect(collection.decks.find((deck) => deck.name === 'Overdue')?.filtered).toEqual({ search: 'is:due', limit: 50, order: 'due', reschedule: true, previewDelays });
    expect(skipped).toEqual([{ kind: 'deck-options', name: 'Overdue', reason: 'filtered-order', detail: {} }]);
  });
});
