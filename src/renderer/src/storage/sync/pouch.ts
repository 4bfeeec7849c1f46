import PouchCore from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IdbAdapter from 'pouchdb-adapter-idb';
import Replication from 'pouchdb-replication';
import type { RecordDoc } from '../../../../core/sync/records';

/** The part of PouchDB's database API that sync uses. */
export interface PouchDatabase {
  /** This copy's own id, new each time a copy is made. */
  id(): Promise<string>;
  info(): Promise<{ db_name: string; update_seq: number | string; doc_count: number }>;
  get(id: string, options?: { rev?: string; conflicts?: boolean; attachments?: boolean }): Promise<StoredDoc>;
  put(doc: { _id: string; _rev?: string } & Record<string, unknown>): Promise<{ ok: true; id: string; rev: string }>;
  bulkDocs(docs: StoredDoc[]): Promise<({ ok: true; id: string; rev: string } | { error: true | string; id: string; message?: string; status?: number })[]>;
  allDocs(options: { keys?: string[]; startkey?: string; endkey?: string; limit?: number; include_docs?: boolean; conflicts?: boolean }): Promise<{
    rows: { id?: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: StoredDoc | null; error?: string }[];
  }>;
  changes(options: { since: number | string; include_docs: boolean; conflicts?: boolean; limit?: number; style?: 'all_docs' }): Promise<{
    results: { id: string; seq: number | string; doc?: StoredDoc; deleted?: boolean; changes: { rev: string }[] }[];
    last_seq: number | string;
  }>;
  remove(id: string, rev: string): Promise<{ ok: true; rev: string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface StoredDoc extends RecordDoc {
  _conflicts?: string[];
  _deleted?: boolean;
  _attachments?: Record<string, { content_type: string; data?: string; digest?: string; stub?: boolean }>;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: { id?: string; name?: string; message?: string; status?: number; reason?: string }[];
  last_seq: number | string;
  status: string;
}

interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  replicate(source: PouchDatabase, target: PouchDatabase, options?: Record<string, unknown>): Promise<ReplicationResult> & { on(event: 'change', listener: (info: { docs?: StoredDoc[] }) => void): void };
}

const PouchDB = (PouchCore as PouchStatic).plugin(HttpAdapter).plugin(IdbAdapter).plugin(Replication);

/** Adds an adapter, e.g. the in-memory one tests use where IndexedDB cannot hold PouchDB's blobs. */
export function addPouchAdapter(plugin: unknown): void {
  PouchDB.plugin(plugin);
}

/** This device's copy of the synced documents, in IndexedDB unless tests choose another adapter. */
export function openLocalPouch(name: string, adapter = 'idb'): PouchDatabase {
  return new PouchDB(name, { adapter, auto_compaction: true });
}

export interface ServerAccount {
  /** `https://couch.example.org` — the server, without the database. */
  url: string;
  database: string;
  username: string;
  password: string;
}

export function databaseUrl(account: ServerAccount): string {
  return `${account.url.replace(/\/+$/, '')}/${encodeURIComponent(account.database)}`;
}

/** The server's database; never created from here (skip_setup), so a mistyped name is reported, not made. */
export function openRemotePouch(account: ServerAccount, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): PouchDatabase {
  return new PouchDB(databaseUrl(account), {
    skip_setup: true,
    auth: account.username ? { username: account.username, password: account.password } : undefined,
    fetch: (url: string, init: RequestInit) => fetchImpl(url, init),
  });
}

export type DocRow = Awaited<ReturnType<PouchDatabase['allDocs']>>['rows'][number];

/**
 * The current version of each document named, in order, as `allDocs` with `keys` gives them.
 * Asking for more documents than the copy holds (a first sync, into an empty copy), one pass
 * over the copy beats a lookup per key, each of which PouchDB runs as a query of its own; a
 * document deleted CouchDB-style then reads as absent, which a write without revision handles.
 */
export async function docsByKey(db: PouchDatabase, ids: readonly string[]): Promise<DocRow[]> {
  if (ids.length === 0) return [];
  if (ids.length <= 2 * (await db.info()).doc_count) return (await db.allDocs({ keys: [...ids], include_docs: true })).rows;
  const byId = new Map((await db.allDocs({ include_docs: true })).rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? { key: id, error: 'not_found' });
}

/** Documents per write into this device's copy. */
const WRITE_BATCH = 1000;

/**
 * Writes documents a batch at a time, with one result per document in order. PouchDB's
 * LevelDB-based adapters copy their whole pending write for every document added to it, so
 * a first sync's half a million documents in one call would take time growing with its square.
 */
export async function bulkWrite(db: PouchDatabase, docs: readonly StoredDoc[]): Promise<Awaited<ReturnType<PouchDatabase['bulkDocs']>>> {
  const results: Awaited<ReturnType<PouchDatabase['bulkDocs']>> = [];
  for (let start = 0; start < docs.length; start += WRITE_BATCH) results.push(...(await db.bulkDocs(docs.slice(start, start + WRITE_BATCH))));
  return results;
}

/**
 * `batches`: how many batches PouchDB holds at once (its default, 10); at most `batchSize` × `batches` documents are in memory.
 * `since`: the source sequence to start after, when the target is known to hold everything before it; it becomes the checkpoint.
 * `onWritten`: given each batch of documents as written into the target, every revision replicated.
 */
export function replicate(
  source: PouchDatabase,
  target: PouchDatabase,
  options: { batchSize: number; batches?: number; since?: number | string; onWritten?: (docs: StoredDoc[]) => void },
): Promise<ReplicationResult> {
  const since = options.since === undefined ? {} : { since: options.since };
  const replication = PouchDB.replicate(source, target, { retry: false, batch_size: options.batchSize, batches_limit: options.batches ?? 10, ...since });
  const onWritten = options.onWritten;
  if (onWritten) replication.on('change', (info: { docs?: StoredDoc[] }) => onWritten(info.docs ?? []));
  return replication;
}
