import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Trainer } from '../../../src/core/optimiser/optimise';

/**
 * fsrs-browser (the same fsrs-rs build the app runs in its worker) loaded into Node. Its rayon
 * helper listens for messages on `self` when imported, so Node gets an EventTarget by that name;
 * without a thread pool rayon trains on the calling thread.
 */
export async function nodeTrainer(): Promise<Trainer> {
  const scope = globalThis as { self?: unknown };
  scope.self ??= new EventTarget();
  const fsrsBrowser = await import('fsrs-browser');
  const wasmPath = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
  fsrsBrowser.initSync({ module: readFileSync(wasmPath) });
  return ({ ratings, deltaTs, lengths }) => new fsrsBrowser.Fsrs().computeParameters(ratings, deltaTs, lengths, null, true);
}
