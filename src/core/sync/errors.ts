/**
 * Why a sync failed, in the learner's words. The HTTP status and PouchDB's error name say
 * which; the UI turns the kind into a sentence in the learner's language.
 */
export type SyncProblem =
  | 'wrong-password'
  | 'forbidden'
  | 'unreachable'
  | 'database-missing'
  | 'quota'
  | 'not-couchdb'
  | 'rejected'
  | 'interrupted'
  | 'not-configured'
  | 'unknown';

export class SyncError extends Error {
  constructor(
    readonly problem: SyncProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'SyncError';
  }
}

interface ErrorLike {
  status?: unknown;
  name?: unknown;
  error?: unknown;
  reason?: unknown;
  message?: unknown;
}

/** The kind of an error thrown by PouchDB's HTTP adapter, fetch, or the replicator. */
export function classifySyncError(error: unknown): SyncProblem {
  if (error instanceof SyncError) return error.problem;
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const text = `${String(e.name ?? '')} ${String(e.error ?? '')} ${String(e.reason ?? '')} ${String(e.message ?? '')}`.toLowerCase();
  if (status === 401 || text.includes('unauthorized') || text.includes('name or password is incorrect')) return 'wrong-password';
  if (status === 403) return text.includes('forbidden') && !text.includes('validat') ? 'forbidden' : 'rejected';
  if (status === 404 || text.includes('no_db_file') || text.includes('database does not exist')) return 'database-missing';
  if (status === 413 || status === 507 || text.includes('quota')) return 'quota';
  if (text.includes('unexpected token') || text.includes('json') || text.includes('not couchdb')) return 'not-couchdb';
  if (text.includes('fetch failed') || text.includes('failed to fetch') || text.includes('econnrefused') || text.includes('network')) {
    return 'unreachable';
  }
  if (status !== undefined && status >= 500) return 'interrupted';
  return 'unknown';
}
