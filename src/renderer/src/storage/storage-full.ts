import { ImportAbortedError } from '../../../core/formats';

/**
 * The browser refused to store more data. The transaction that hit the limit was rolled back,
 * so the collection is exactly as before; the learner has to free disk space and try again.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  /** What the learner was doing; the UI words the message in the learner's language from it. */
  constructor(readonly action: StorageAction) {
    super(`${describeAction(action)}: the disk is full (the browser refused to store more data). Nothing was changed; free some disk space and try again.`);
  }
}

export type StorageAction = { kind: 'answer' } | { kind: 'import' | 'restore'; fileName: string };

function describeAction(action: StorageAction): string {
  if (action.kind === 'answer') return 'Saving your answer';
  return `${action.kind === 'import' ? 'Importing' : 'Restoring'} ${action.fileName}`;
}

/** Dexie may hand the browser's error over as is, wrapped (`inner`), or inside a bulk error (`failures`). */
function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { name, inner, failures } = error as { name?: unknown; inner?: unknown; failures?: unknown };
  if (name === 'QuotaExceededError') return true;
  if (isQuotaExceeded(inner, depth + 1)) return true;
  const list = Array.isArray(failures) ? failures : typeof failures === 'object' && failures !== null ? Object.values(failures) : [];
  return list.some((failure) => isQuotaExceeded(failure, depth + 1));
}

/**
 * Runs a write and turns a full disk into a StorageFullError. A cancel thrown inside the
 * transaction comes back wrapped by Dexie (its name, AbortError, is one of Dexie's own), so the
 * caller's original error is handed back instead. Any other error passes through.
 */
export async function reportingStorageFull<T>(action: StorageAction, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaExceeded(error)) throw new StorageFullError(action);
    const inner = (error as { inner?: unknown } | null)?.inner;
    if (inner instanceof ImportAbortedError) throw inner;
    throw error;
  }
}
