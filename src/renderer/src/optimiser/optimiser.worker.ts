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

async function readReviews(request: Extract<OptimiserRequest, { kind: 'optimise' }>): Promise<HistoryReview[]> {
  const db = new KiokuDb(request.databaseName);
  try {
    const cardIds = request.deckIds && ((await db.cards.where('deckId').anyOf(request.deckIds).primaryKeys()) as string[]);
    return await reviewsOfCards(db, cardIds, ({ cardId, time, rating, stateBefore }): HistoryReview => ({ cardId, time, rating, stateBefore }));
  } finally {
    db.close();
  }
}

async function run(request: OptimiserRequest): Promise<OptimiserReply> {
  if (request.kind === 'workload') return { kind: 'workload', rows: workloadByRetention(request.input) };
  scope.postMessage({ kind: 'reading' });
  // fsrs-rs's WebAssembly compiles while the log is read.
  const [reviews, { memory }] = await Promise.all([readReviews(request), (wasm ??= init())]);
  const history = reviewHistory(reviews, request.rules, request.now);
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
  run(event.data).then(
    (reply) => scope.postMessage(reply),
    (problem: unknown) => scope.postMessage({ kind: 'failed', message: problem instanceof Error ? problem.message : String(problem) }),
  );
});
