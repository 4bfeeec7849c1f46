import { defaultDayRules, nextDayStart } from '../src/core/scheduling/day';
import { toCard } from '../src/renderer/src/storage/card-row';
import { Collection } from '../src/renderer/src/storage/collection';
import { subtreeIds } from '../src/renderer/src/storage/deck-tree';
import { browserSqlJs } from '../src/renderer/src/transfer/browser-sql';
import { measureAnswerCalls, measureCommitFloor } from './figures/answer';
import { measureDeckListCalls } from './figures/deck-list';
import { measureHostileText } from './figures/hostile-text';
import { importFiles, measureImport } from './figures/import';
import { BROWSE_SEARCHES, measureFirstRows, measureSearch, measureSort } from './figures/browse';
import { measureQueue } from './figures/queue';
import { measureExam, measureExamFromStorage } from './figures/questions';
import { measureProjection, measureReadiness, measureReadinessCold } from './figures/readiness';
import { measureSqliteQueue, sqliteCards } from './figures/sqlite';
import { measureSync } from './figures/sync';
import type { BenchPage } from './page-api';
import { seedCollection } from './seed';
import { FULL_SIZE, syntheticCollection, TOP_DECK_ID } from './synthetic';

const DAY_MS = 86_400_000;
/** An exam two months out: far enough that many cards will have faded by then. */
const EXAM_IN_DAYS = 60;

/** The app's own database (KiokuDb's default name), so the web app opens the seeded collection. */
const collection = new Collection();
/** Imports go to a scratch database, so they leave the measured collection as it was. */
const scratch = new Collection({ name: 'kioku-bench-import' });
const rules = defaultDayRules();

const page: BenchPage = {
  async seed() {
    const started = performance.now();
    const data = syntheticCollection(FULL_SIZE, Date.now());
    const generateMs = performance.now() - started;
    const seeded = await seedCollection(collection.db, data);
    return { cards: seeded.cards, notes: seeded.notes, reviews: seeded.reviews, generateMs, writeMs: seeded.ms };
  },

  /** The whole collection's exam date: Readiness opens on the whole collection, not on one deck. */
  async setExamDate() {
    const exam = new Date(Date.now() + EXAM_IN_DAYS * DAY_MS).toISOString().slice(0, 10);
    await collection.setCollectionOptions({ examDate: exam });
  },

  queue: (times) => measureQueue(collection, TOP_DECK_ID, Date.now(), rules, times),

  commitFloor: (times) => measureCommitFloor(collection, times),

  answerCalls: (times) => measureAnswerCalls(collection, TOP_DECK_ID, times),

  deckListCalls: (times) => measureDeckListCalls(collection, times),

  async readiness(times) {
    const [rows, notes, decks] = await Promise.all([collection.db.cards.toArray(), collection.db.notes.toArray(), collection.db.decks.toArray()]);
    const cards = rows.map(toCard);
    const now = Date.now();
    const examDate = now + EXAM_IN_DAYS * DAY_MS;
    return {
      warm: await measureReadiness(cards, notes, decks, examDate, times),
      cold: await measureReadinessCold(cards, notes, decks, examDate, Math.max(5, Math.round(times / 3))),
      projection: await measureProjection(cards, now, examDate, Math.max(5, Math.round(times / 4))),
    };
  },

  async sqliteQueue(times) {
    const db = sqliteCards(await browserSqlJs(), await collection.db.cards.toArray());
    try {
      const now = Date.now();
      const deckIds = subtreeIds(await collection.db.decks.toArray(), TOP_DECK_ID);
      const { newPerDay } = await collection.deckOptions(TOP_DECK_ID);
      const { samples, note } = await measureSqliteQueue(db, deckIds, nextDayStart(now, rules), newPerDay, times);
      return { figure: samples, note };
    } finally {
      db.close();
    }
  },

  async browse(times) {
    const searches = {} as Record<keyof typeof BROWSE_SEARCHES, Awaited<ReturnType<typeof measureSearch>>>;
    for (const [key, search] of Object.entries(BROWSE_SEARCHES) as [keyof typeof BROWSE_SEARCHES, string][]) {
      searches[key] = await measureSearch(collection, search, times);
    }
    return { ...searches, browseFirstRows: await measureFirstRows(Math.max(5, Math.round(times / 4))), browseSort: await measureSort(collection, Math.max(5, Math.round(times / 4))) };
  },

  async questions(times) {
    return { exam: await measureExam(collection, times), scope: await measureExamFromStorage(collection, Math.max(3, Math.round(times / 6))) };
  },

  async imports(times) {
    const files = await importFiles(Date.now());
    return {
      csv: await measureImport(scratch, 'bench-import.csv', files.csv, times),
      apkg: await measureImport(scratch, 'bench-import.apkg', files.apkg, times),
      apkgModern: await measureImport(scratch, 'bench-import-anki2150.apkg', files.apkgModern, times),
    };
  },

  hostileText: (times) => measureHostileText(scratch, times),

  sync: measureSync,
};

window.kiokuBench = page;
document.getElementById('status')!.textContent = 'ready';
