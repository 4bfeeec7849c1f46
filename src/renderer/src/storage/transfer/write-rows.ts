import type { Table } from 'dexie';
import { throwIfAborted } from '../../../../core/formats/errors';
import type { ProgressOptions } from '../../../../core/formats';

/** Rows per bulkPut: big enough to be fast, small enough to report progress and stop when cancelled. */
const CHUNK = 2000;

export interface RowBatch {
  table: Table<never, string>;
  rows: readonly unknown[];
}

/**
 * Writes every batch inside the caller's transaction, chunk by chunk. Cancelling throws, which
 * aborts the transaction, so nothing of a cancelled import is ever committed.
 */
export async function writeRows(batches: readonly RowBatch[], options: ProgressOptions, fileName: string): Promise<void> {
  const total = batches.reduce((sum, batch) => sum + batch.rows.length, 0);
  let done = 0;
  for (const batch of batches) {
    for (let start = 0; start < batch.rows.length; start += CHUNK) {
      throwIfAborted(options.signal, fileName);
      const chunk = batch.rows.slice(start, start + CHUNK);
      await batch.table.bulkPut(chunk as never[]);
      done += chunk.length;
      options.onProgress?.(done, total);
    }
  }
  throwIfAborted(options.signal, fileName);
}

export function batch<T>(table: Table<T, string>, rows: readonly T[]): RowBatch {
  return { table: table as unknown as Table<never, string>, rows };
}
