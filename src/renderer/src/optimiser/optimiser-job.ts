import type { OptimiseResult } from '../../../core/optimiser/optimise';
import type { WorkloadRow } from '../../../core/optimiser/workload';
import type { OptimiserReply, OptimiserRequest } from './messages';
import { afterPaint } from '../components/after-paint';

export interface OptimiseProgress {
  /** Training steps done and to do; 0 of 0 while the log is read. */
  done: number;
  total: number;
}

export interface Job<T> {
  result: Promise<T>;
  /** Stops the work at once (the worker is ended); the result then never settles. */
  cancel: () => void;
}

/**
 * fsrs-rs counts its training steps in two 32-bit numbers at `pointer` in its shared memory
 * (fsrs-browser's `getProgress` reads the same two); the page reads them while the worker trains.
 */
function readProgress(buffer: SharedArrayBuffer, pointer: number): OptimiseProgress {
  const counts = new Uint32Array(buffer, pointer, 2);
  return { done: counts[0]!, total: counts[1]! };
}

/** Why the optimiser cannot run in this page, or null: fsrs-rs's WebAssembly needs shared memory. */
export function optimiserUnavailable(): string | null {
  if (typeof Worker === 'undefined') return 'no-worker';
  if (typeof SharedArrayBuffer === 'undefined' || globalThis.crossOriginIsolated === false) return 'not-isolated';
  return null;
}

type Reply<T> = (reply: OptimiserReply, settle: (value: T) => void, send: (request: OptimiserRequest) => void) => void;

function startWorker<T>(request: OptimiserRequest, onReply: Reply<T>): Job<T> {
  const worker = new Worker(new URL('./optimiser.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<T>((resolve, reject) => {
    const settle = (value: T) => {
      worker.terminate();
      resolve(value);
    };
    worker.addEventListener('message', (event: MessageEvent<OptimiserReply>) => {
      if (event.data.kind === 'failed') {
        worker.terminate();
        reject(new Error(event.data.message));
        return;
      }
      onReply(event.data, settle, (next) => worker.postMessage(next));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The optimiser stopped'));
    });
  });
  worker.postMessage(request);
  return { result, cancel: () => worker.terminate() };
}

/**
 * Fits the parameters off the page. `onProgress` is called about ten times a second while
 * training runs; a poll, because the worker is busy in fsrs-rs and cannot post anything.
 */
export function startOptimise(
  request: Extract<OptimiserRequest, { kind: 'optimise' }>,
  onProgress: (progress: OptimiseProgress) => void,
): Job<{ result: OptimiseResult; reviews: number }> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(timer);
  const job = startWorker<{ result: OptimiseResult; reviews: number }>(request, (reply, settle, send) => {
    if (reply.kind === 'fitting') {
      onProgress({ done: 0, total: 1 });
      // A hidden page paints nothing: the worker waits no more than 200 ms for it.
      void Promise.race([afterPaint(), new Promise((resolve) => setTimeout(resolve, 200))]).then(() => send({ kind: 'fitting-shown' }));
    } else if (reply.kind === 'progress') {
      stop();
      timer = setInterval(() => onProgress(readProgress(reply.buffer, reply.pointer)), 100);
    } else if (reply.kind === 'judging') {
      stop();
      onProgress({ done: 1, total: 1 });
    } else if (reply.kind === 'optimised') {
      stop();
      settle({ result: reply.result, reviews: reply.reviews });
    }
  });
  job.result.catch(stop);
  return {
    result: job.result,
    cancel: () => {
      stop();
      job.cancel();
    },
  };
}

/** The desired-retention table, worked out off the page (one projection per retention). */
export function startWorkload(input: Extract<OptimiserRequest, { kind: 'workload' }>['input']): Job<WorkloadRow[]> {
  return startWorker<WorkloadRow[]>({ kind: 'workload', input }, (reply, settle) => {
    if (reply.kind === 'workload') settle(reply.rows);
  });
}

/** The answers in the cards of `deckIds`, counted off the page. */
export function startReviewCount(databaseName: string, deckIds: string[]): Job<number> {
  return startWorker<number>({ kind: 'count', databaseName, deckIds }, (reply, settle) => {
    if (reply.kind === 'counted') settle(reply.reviews);
  });
}
