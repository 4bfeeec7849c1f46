import { serverOffset } from '../../../../core/sync/hlc';
import { classifySyncError, SyncError } from '../../../../core/sync/errors';
import { databaseUrl, type ServerAccount } from './pouch';

export interface ProbeResult {
  /** Milliseconds to add to this device's clock to read the server's. */
  offset: number;
  documents: number;
}

function authHeader(account: ServerAccount): Record<string, string> {
  if (!account.username) return {};
  const bytes = new TextEncoder().encode(`${account.username}:${account.password}`);
  return { Authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

/**
 * Asks the server for the database's info: proves the address, the credentials and the
 * database, tells a CouchDB apart from anything else answering there, and reads the server's
 * clock from the `Date` header. Every failure is a SyncError naming the problem.
 */
export async function probeServer(account: ServerAccount, now: () => number, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<ProbeResult> {
  let url: string;
  try {
    url = new URL(databaseUrl(account)).href;
  } catch {
    throw new SyncError('not-configured', `Not a server address: ${account.url}`);
  }
  if (!account.database) throw new SyncError('not-configured', 'No database name');
  const sentAt = now();
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { Accept: 'application/json', ...authHeader(account) } });
  } catch (error) {
    throw new SyncError('unreachable', `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const receivedAt = now();
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SyncError(response.ok ? 'not-couchdb' : classifyStatus(response.status), `${response.status}: the server's answer is not JSON`);
  }
  if (!response.ok) {
    const problem = classifySyncError({ status: response.status, ...(body as object) });
    throw new SyncError(problem, `${response.status}: ${text.slice(0, 200)}`);
  }
  const info = body as { db_name?: unknown; doc_count?: unknown };
  if (typeof info.db_name !== 'string' || typeof info.doc_count !== 'number') {
    throw new SyncError('not-couchdb', 'The server answered, but not as a CouchDB database does');
  }
  return { offset: serverOffset(response.headers.get('date'), sentAt, receivedAt), documents: info.doc_count };
}

function classifyStatus(status: number): ReturnType<typeof classifySyncError> {
  const problem = classifySyncError({ status });
  return problem === 'unknown' ? 'not-couchdb' : problem;
}
