import type { Goal, Unit } from './goals';

export interface FigureSpec {
  name: string;
  unit: Unit;
  goal: Goal;
  /** Items handled per second, reported beside the figure. */
  rate?: { items: number; what: string };
}

/** Each figure's goal from the issue, as data; the numbers decide whether it is met. */
export const FIGURES = {
  queue: { name: "today's queue, top deck", unit: 'ms', goal: { maxRatio: 1.5, belowMedian: 30 } },
  answer: { name: 'answer → next card painted', unit: 'ms', goal: { belowP95: 16 } },
  answerCalls: { name: 'answer → next card, Collection calls only', unit: 'ms', goal: {} },
  deckList: { name: 'deck list with counts, from page load', unit: 'ms', goal: { belowMedian: 400 } },
  deckListCalls: { name: 'deck list, Collection reads only', unit: 'ms', goal: {} },
  // The floor is this machine's IndexedDB writing the same rows; 20,000 notes/s is several times
  // what it writes at all (README, "Benchmarks"), so the goal is the ratio and the rate is reported.
  importCsv: { name: 'import 20,000-note CSV', unit: 'ms', goal: { maxRatio: 1.5 }, rate: { items: 20_000, what: 'notes' } },
  importApkg: { name: 'import 20,000-note .apkg', unit: 'ms', goal: { maxRatio: 1.5 }, rate: { items: 20_000, what: 'notes' } },
  // Floor: the legacy .apkg import of the same deck in the same run (#13).
  importApkgModern: { name: 'import 20,000-note .apkg (Anki 2.1.50+)', unit: 'ms', goal: { maxRatio: 1.5 }, rate: { items: 20_000, what: 'notes' } },
  // #15: Optimise in Options on the seeded collection, click → evaluation table; and the longest frame meanwhile.
  optimise: { name: 'optimise FSRS-6, 500,000 reviews of 50,000 cards', unit: 'ms', goal: { belowMedian: 60_000 } },
  optimiseFrame: { name: 'longest frame while optimising', unit: 'ms', goal: { belowMedian: 50 } },
  // #12 item 7: a 1 MiB field built to make a parser work hardest imports, shows and lists in under 1 s.
  hostileText: { name: '1 MiB hostile field: import, show, Browse row', unit: 'ms', goal: { belowP95: 1000 } },
  readiness: { name: 'readiness on an exam date', unit: 'ms', goal: { maxRatio: 2, belowMedian: 30 } },
  readinessCold: { name: 'readiness, topic index rebuilt', unit: 'ms', goal: {} },
  projection: { name: 'projection to the exam day, 60 days', unit: 'ms', goal: { belowMedian: 1000 } },
  sqliteQueue: { name: "today's queue on SQLite (sql.js)", unit: 'ms', goal: {} },
  searchWord: { name: 'Browse search: a word', unit: 'ms', goal: { belowP95: 100 } },
  searchDeckDue: { name: 'Browse search: deck: + is:due', unit: 'ms', goal: { belowP95: 100 } },
  searchTag: { name: 'Browse search: tag: with wildcard', unit: 'ms', goal: { belowP95: 100 } },
  searchProp: { name: 'Browse search: prop:ivl>30', unit: 'ms', goal: { belowP95: 100 } },
  searchRated: { name: 'Browse search: rated:7', unit: 'ms', goal: { belowP95: 100 } },
  searchNegation: { name: 'Browse search: a negation', unit: 'ms', goal: { belowP95: 100 } },
  browseFirstRows: { name: 'Browse first rows, nothing kept', unit: 'ms', goal: { belowMedian: 200 } },
  browseSort: { name: 'Browse sort 50,000 rows by question', unit: 'ms', goal: { belowMedian: 300 } },
  examQuestions: { name: 'mock exam: 100 questions from 50,000 cards', unit: 'ms', goal: { belowMedian: 200 } },
  examScope: { name: 'mock exam: scope read from IndexedDB, then drawn', unit: 'ms', goal: {} },
  memory: { name: 'renderer JS heap, collection open', unit: 'MB', goal: { belowMedian: 150 } },
  statsOpen: { name: 'Statistics open, click → charts drawn', unit: 'ms', goal: { belowMedian: 500 } },
  statsFirstOpen: { name: 'Statistics first open, review totals built from the log', unit: 'ms', goal: {} },
  readinessOpen: { name: 'Readiness open, click → predicted score shown', unit: 'ms', goal: { belowMedian: 300 } },
  browseOpen: { name: 'Browse open, click → first rows shown', unit: 'ms', goal: { belowMedian: 200 } },
  // #21: the floor is plain PouchDB replicating the same documents (number and size) to the same server.
  syncFirst: { name: "an empty device's first sync, 50,000 cards / 500,000 reviews from the server", unit: 'ms', goal: { maxRatio: 1.5 } },
  syncUpload: { name: 'first sync of a full device to an empty server', unit: 'ms', goal: {} },
  syncIncremental: { name: 'incremental sync after a 200-answer session', unit: 'ms', goal: { belowMedian: 2000 } },
} as const satisfies Record<string, FigureSpec>;
