import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware, type Transaction } from 'dexie';
import { docId, parseDocId, type RecordKind } from '../../../../core/sync/records';
import type { KiokuDb } from '../db';
import { SYNCED_SETTINGS, type Selection } from './records';

/**
 * A record written since this device last handed its changes to sync, by document id
 * (`note:<id>`), or a whole kind (`*note`) after a write too big to list (an import, a restore).
 * `mark` is the write's time, made to grow with every write, so a sync clears only the marks it
 * has seen, and stamps each record at the time it was edited.
 */
export interface ChangeMarkRow {
  id: string;
  mark: number;
}

export const MARKS_TABLE = 'syncChanges';

/** The tables whose rows sync, and the kind of document each row becomes. */
const KIND_OF_TABLE: Readonly<Record<string, RecordKind>> = {
  decks: 'deck',
  noteTypes: 'noteType',
  notes: 'note',
  cards: 'card',
  reviews: 'review',
  settings: 'setting',
  media: 'media',
  attempts: 'attempt',
};

/** The kinds of record sync compares with what it last exchanged. */
export const MARKED_KINDS: readonly RecordKind[] = Object.values(KIND_OF_TABLE);

/** More rows than a learner's action writes at once: the whole kind is compared at the next sync instead of a list. */
const MOST_LISTED = 500;

const synced = new Set<string>(SYNCED_SETTINGS);

export function wholeKind(kind: RecordKind): string {
  return `*${kind}`;
}

let lastMark = 0;

function nextMark(): number {
  lastMark = Math.max(Date.now(), lastMark + 1);
  return lastMark;
}

const quiet = new WeakSet<DBCoreTransaction>();

/**
 * Writes of the current transaction leave no marks: sync's own merge, which records what it wrote
 * as exchanged, and marks by hand (`markChanged`) anything it changes beyond what arrived.
 */
export function leaveNoMarks(): void {
  const transaction = Dexie.currentTransaction as (Transaction & { idbtrans?: DBCoreTransaction }) | null;
  if (!transaction?.idbtrans) throw new Error('Leaving no marks needs a read-write transaction');
  quiet.add(transaction.idbtrans);
}

export async function markChanged(db: KiokuDb, ids: readonly string[]): Promise<void> {
  await db.syncChanges.bulkPut(ids.map((id) => ({ id, mark: nextMark() })));
}

function keysOf(table: DBCoreTable, request: DBCoreMutateRequest): string[] | null {
  if (request.type === 'deleteRange') return null;
  if (request.type === 'delete') return request.keys as string[];
  if (request.keys) return request.keys as string[];
  const extract = table.schema.primaryKey.extractKey;
  return extract ? request.values.map((value) => extract(value) as string) : null;
}

function markedIds(kind: RecordKind, keys: string[] | null): string[] {
  if (keys === null) return [wholeKind(kind)];
  const listed = kind === 'setting' ? keys.filter((key) => synced.has(key)) : keys;
  return listed.length > MOST_LISTED ? [wholeKind(kind)] : listed.map((key) => docId(kind, key));
}

/**
 * Marks every write to a synced table inside the transaction that makes it, whichever code
 * made it (an answer, an edit, an undo, an import), so a sync compares only what changed
 * instead of the whole collection, and a change cannot slip past it.
 */
export const changeMarksMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'syncChanges',
  // Below the undo recorder, as the review totals are: undoing an action writes its rows back
  // through here, which marks them again, and never takes a mark away.
  level: -2,
  create(down) {
    if (!down.schema.tables.some((schema) => schema.name === MARKS_TABLE)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.some((store) => store in KIND_OF_TABLE) && !stores.includes(MARKS_TABLE) ? [...stores, MARKS_TABLE] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const kind = KIND_OF_TABLE[name];
        if (!kind) return table;
        const marks = down.table(MARKS_TABLE);
        return {
          ...table,
          async mutate(request) {
            const trans = request.trans as DBCoreTransaction & Partial<Pick<IDBTransaction, 'objectStoreNames'>>;
            // A schema upgrade writes before the marks' table exists; the upgrade that makes it marks every kind.
            if (quiet.has(trans) || trans.objectStoreNames?.contains(MARKS_TABLE) === false) return table.mutate(request);
            const ids = markedIds(kind, keysOf(table, request));
            if (ids.length === 0) return table.mutate(request);
            // Asked for beside the write, not after it, so an answer waits for one round of
            // IndexedDB requests, not two; a mark for a row that failed to write only makes the
            // next sync compare that row.
            const [result] = await Promise.all([table.mutate(request), marks.mutate({ type: 'put', trans, values: ids.map((id) => ({ id, mark: nextMark() }) satisfies ChangeMarkRow) })]);
            return result;
          },
        };
      },
    };
  },
};

/**
 * The records a sync compares with what it last exchanged: those marked, a whole kind where a
 * write was too big to list, and everything on a device that has never synced.
 */
export function selectionOf(marks: readonly ChangeMarkRow[], everything: boolean): Selection {
  if (everything) return () => 'all';
  const byKind = new Map<RecordKind, string[] | 'all'>();
  for (const { id } of marks) {
    if (id.startsWith('*')) {
      byKind.set(id.slice(1) as RecordKind, 'all');
      continue;
    }
    const parsed = parseDocId(id);
    const listed = parsed ? (byKind.get(parsed.kind) ?? []) : 'all';
    if (!parsed || listed === 'all') continue;
    listed.push(parsed.id);
    byKind.set(parsed.kind, listed);
  }
  return (kind) => byKind.get(kind) ?? [];
}

/**
 * When each marked record was edited, by document id, on the sync clock's time (`clockNow`): how
 * long ago its mark was written, back from the clock's now. A record a whole-kind mark covers was
 * edited when that mark was written; a record with no mark has no known time.
 */
export function editTimes(marks: readonly ChangeMarkRow[], clockNow: number): (id: string) => number | undefined {
  const now = Date.now();
  const byId = new Map(marks.map((row) => [row.id, clockNow - Math.max(0, now - row.mark)]));
  return (id) => {
    const kind = parseDocId(id)?.kind;
    const times = [byId.get(id), kind && byId.get(wholeKind(kind))].filter((time): time is number => time !== undefined);
    return times.length > 0 ? Math.max(...times) : undefined;
  };
}

/** The marks left since the last sync handed this device's changes over. */
export async function readMarks(db: KiokuDb): Promise<ChangeMarkRow[]> {
  return db.syncChanges.toArray();
}

/** Clears the marks a sync has handled; a record written again since it read them keeps its new mark. */
export async function clearMarks(db: KiokuDb, handled: readonly ChangeMarkRow[]): Promise<void> {
  if (handled.length === 0) return;
  await db.transaction('rw', db.syncChanges, async () => {
    const now = await db.syncChanges.bulkGet(handled.map((row) => row.id));
    const unchanged = handled.filter((row, i) => now[i]?.mark === row.mark).map((row) => row.id);
    await db.syncChanges.bulkDelete(unchanged);
  });
}
