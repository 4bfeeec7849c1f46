import { throwIfAborted } from './errors';

/** Options every reader and writer accepts for long work. */
export interface ProgressOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Reports progress and checks for cancellation. Reporting every item would cost more than the
 * work itself on 20,000-note decks, so it reports about a hundred times per run.
 */
export function progressReporter(options: ProgressOptions, fileName: string, total: number) {
  const step = Math.max(1, Math.floor(total / 100));
  return {
    tick(done: number): void {
      if (done % step !== 0 && done !== total) return;
      throwIfAborted(options.signal, fileName);
      options.onProgress?.(done, total);
    },
  };
}
