import init, { Fsrs, Progress, type InitOutput } from 'fsrs-browser';
import { reviewHistory, type HistoryReview } from '../../../core/optimiser/history';
import { optimise } from '../../../core/optimiser/optimise';
import { workloadByRetention } from '../../../core/optimiser/workload';
import { KiokuDb } from '../storage/db';
import { reviewsOfCards } from '../storage/reviews-of-cards';
import type { OptimiserReply, OptimiserRequest } from './messages';

/**
 * The optimiser's worker: reads the review log from IndexedDB, fits FSRS-6 with fsrs-rs
 * (fsrs-browser's WebAssembly build), judges the fit, and answers. Training blocks this thread
 * for seconds to a minute; the page stays free and reads the progress from shared memory.
 */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<OptimiserRequest>) => void): void;
  postMessage(message: OptimiserReply): void;
};

let wasm: Promise<InitOutput> | null = null;

/** The collection's database, open while `read` runs. */
async function reading<T>(databaseName: string, read: (db: KiokuDb) => Promise<T>): Promise<T> {
  const db = new KiokuDb(databaseName);
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

const cardsOf = async (db: KiokuDb, deckIds: string[]) => (await db.cards.where('deckId').anyOf(deckIds).primaryKeys()) as string[];

function readReviews(request: Extract<OptimiserRequest, { kind: 'optimise' }>): Promise<HistoryReview[]> {
  return reading(request.databaseName, async (db) =>
    reviewsOfCards(db, request.deckIds && (await cardsOf(db, request.deckIds)), ({ cardId, time, rating, stateBefore }): HistoryReview => ({ cardId, time, rating, stateBefore })),
  );
}

/**
 * Counted here, not on the page: on the page a count walked a cursor step per answer, and its
 * garbage collector later spent over a second on what half a million steps left behind. Counted
 * as the optimiser reads them, so the count is of the answers a fit would use.
 */
function countReviews(request: Extract<OptimiserRequest, { kind: 'count' }>): Promise<number> {
  return reading(request.databaseName, async (db) => (await reviewsOfCards(db, await cardsOf(db, request.deckIds), () => true)).length);
}

/** Called once the page says it has drawn that fitting begins. */
let fittingShown: (() => void) | null = null;

async function run(request: Exclude<OptimiserRequest, { kind: 'fitting-shown' }>): Promise<OptimiserReply> {
  if (request.kind === 'workload') return { kind: 'workload', rows: workloadByRetention(request.input) };
  if (request.kind === 'count') return { kind: 'counted', reviews: await countReviews(request) };
  scope.postMessage({ kind: 'reading' });
  // fsrs-rs's WebAssembly compiles while the log is read.
  const [reviews, { memory }] = await Promise.all([readReviews(request), (wasm ??= init())]);
  const history = reviewHistory(reviews, request.rules, request.now);
  // Once training runs, the browser compiles fsrs-rs's WebAssembly again, optimised, on the
  // renderer's other threads, and on 2 cores a repaint then waits for them: the page draws its
  // new stage first.
  await new Promise<void>((resolve) => {
    fittingShown = resolve;
    scope.postMessage({ kind: 'fitting' });
  });
  const result = optimise(history, request.current, ({ ratings, deltaTs, lengths }) => {
    // fsrs-rs frees the progress counter itself when training ends; it is not read after that.
    const progress = Progress.new();
    scope.postMessage({ kind: 'progress', buffer: memory.buffer as unknown as SharedArrayBuffer, pointer: progress.pointer() });
    const fitted = new Fsrs().computeParameters(ratings, deltaTs, lengths, progress, true);
    scope.postMessage({ kind: 'judging' });
    return fitted;
  });
  return { kind: 'optimised', result, reviews: reviews.length };
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.kind === 'fitting-shown') {
    fittingShown?.();
    fittingShown = null;
    return;
  }
  run(request).then(
    (reply) => scope.postMessage(reply),
    (problem: unknown) => scope.postMessage({ kind: 'failed', message: problem instanceof Error ? problem.message : String(problem) }),
  );
});
