import type { SyncProblem } from '../../../../core/sync/errors';
import type { ClockState } from '../../../../core/sync/hlc';
import type { KiokuDb } from '../db';
import { newId } from '../ids';
import { SYNC_META_KEY } from '../settings';
import type { SkippedRecord } from './arriving';

/** What the last sync did, for the Sync screen. */
export interface LastSync {
  at: number;
  /** Documents sent to the server and received from it. */
  sent: number;
  received: number;
  /** Records that arrived but could not be held, and records the server refused. */
  skipped: SkippedRecord[];
  rejected: SkippedRecord[];
  problem?: SyncProblem;
  detail?: string;
}

/** This device's sync bookkeeping; kept in `settings`, which never syncs it. */
export interface SyncMeta {
  device: string;
  clock: ClockState;
  offset: number;
  /** The local PouchDB sequence up to which documents are merged into the collection. */
  appliedSeq: number | string;
  merged: boolean;
  last?: LastSync;
}

export async function readSyncMeta(db: KiokuDb, now: number): Promise<SyncMeta> {
  const row = await db.settings.get(SYNC_META_KEY);
  return (row?.value as SyncMeta | undefined) ?? { device: newId(now).slice(-10), clock: { wall: 0, counter: 0 }, offset: 0, appliedSeq: 0, merged: false };
}

export async function writeSyncMeta(db: KiokuDb, meta: SyncMeta): Promise<void> {
  await db.settings.put({ key: SYNC_META_KEY, value: meta });
}
