import { ImportAbortedError } from '../../../core/formats';

/**
 * The browser (or, for a desktop backup, the file system) refused to store more data. The
 * transaction that hit the limit was rolled back, so the collection is exactly as before; the
 * learner has to make room and try again.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  /** What the learner was doing; the UI words the message in the learner's language from it. */
  constructor(readonly action: StorageAction) {
    super(`${describeAction(action)}: the disk is full. ${action.kind === 'backup' ? 'No backup was saved and nothing was changed' : 'Nothing was changed'}. ${WHAT_TO_DO}`);
  }
}

const WHAT_TO_DO = 'Free some disk space (or export your decks to another drive to keep a copy), then try again.';

/** A backup may be the one made before an import or a restore of `fileName`, which then does not happen. */
export type StorageAction = { kind: 'answer' } | { kind: 'import' | 'restore'; fileName: string } | { kind: 'backup'; before?: { kind: 'import' | 'restore'; fileName: string } };

function describeAction(action: StorageAction): string {
  if (action.kind === 'answer') return 'Saving your answer';
  if (action.kind === 'backup') {
    if (!action.before) return 'Backing up your collection';
    return `Backing up your collection before ${action.before.kind === 'import' ? 'importing' : 'restoring'} ${action.before.fileName}`;
  }
  return `${action.kind === 'import' ? 'Importing' : 'Restoring'} ${action.fileName}`;
}

/** How Node names a full disk or an exhausted disk quota; it reaches the page inside the message of a failed call to the shell. */
const FILE_SYSTEM_FULL = /\b(ENOSPC|EDQUOT)\b/;

/** Dexie may hand the browser's error over as is, wrapped (`inner`), or inside a bulk error (`failures`). */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
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

/** Turns a backup that did not fit (in IndexedDB on the web, on the disk on the desktop) into a StorageFullError. */
export async function reportingBackupFull<T>(action: Extract<StorageAction, { kind: 'backup' }>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaExceeded(error) || (error instanceof Error && FILE_SYSTEM_FULL.test(error.message))) throw new StorageFullError(action);
    throw error;
  }
}
