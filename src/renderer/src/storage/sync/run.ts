import type { TimeZone } from '../../../../core/scheduling/day';
import { classifySyncError, SyncError } from '../../../../core/sync/errors';
import { HybridClock } from '../../../../core/sync/hlc';
import type { KiokuDb } from '../db';
import { getSettings, resolverFor } from '../settings';
import { readDeckSetup } from '../setup-cache';
import type { SkippedRecord } from './arriving';
import { mergeIncoming } from './incoming';
import { settleConflicts } from './conflicts';
import { PulledDocs, readFeed } from './feed';
import { writeOutgoing } from './outgoing';
import { clearMarks, editTimes, readMarks, selectionOf } from './change-marks';
import { openRemotePouch, replicate, type PouchDatabase, type ReplicationResult, type ServerAccount } from './pouch';
import { probeServer } from './probe';
import { markSent, readSentMark } from './sent-mark';
import { readSyncMeta, writeSyncMeta, type LastSync } from './sync-meta';

export interface SyncRun {
  db: KiokuDb;
  local: PouchDatabase;
  account: ServerAccount;
  now: () => number;
  zone: TimeZone;
  fetch?: typeof fetch;
  /** Called once, before the first merge into a collection that already has notes: a backup. */
  beforeFirstMerge?: () => Promise<void>;
  batchSize?: number;
}

function failures(result: ReplicationResult): SkippedRecord[] {
  return result.errors.map((error) => ({ id: error.id ?? '?', reason: `${error.status ?? ''} ${error.reason ?? error.message ?? error.name ?? ''}`.trim() }));
}

async function replicated(run: () => Promise<ReplicationResult>): Promise<ReplicationResult> {
  try {
    const result = await run();
    if (!result.ok && result.doc_write_failures === 0) throw new SyncError('interrupted', `replication ${result.status}`);
    return result;
  } catch (error) {
    if (error instanceof SyncError) throw error;
    const problem = classifySyncError(error);
    throw new SyncError(problem === 'unknown' ? 'interrupted' : problem, error instanceof Error ? error.message : String(error));
  }
}

/**
 * One sync: this device's changes go into its PouchDB copy, PouchDB replicates both ways with
 * the server, conflicts are settled by clock stamp, and everything that arrived is merged into
 * the collection in one transaction. A failure before the merge leaves the collection as it
 * was; the next sync resumes replication from PouchDB's checkpoints.
 */
export async function syncOnce(run: SyncRun): Promise<LastSync> {
  const { db, local } = run;
  const meta = await readSyncMeta(db, run.now());
  try {
    const probe = await probeServer(run.account, run.now, run.fetch);
    meta.offset = probe.offset;
    const clock = new HybridClock(meta.device, () => run.now() + meta.offset, meta.clock);
    const [settings, setup] = await Promise.all([getSettings(db), readDeckSetup(db)]);
    const rules = { zone: run.zone, dayStartHour: settings.dayStartHour };
    if (!meta.merged && run.beforeFirstMerge && (await db.notes.count()) > 0) await run.beforeFirstMerge();
    const remote = openRemotePouch(run.account, run.fetch);
    const batchSize = run.batchSize ?? 500;
    // A pull after a push reads back every document just sent (the server's feed lists them all),
    // and each batch costs requests and a checkpoint: ten times the documents per batch, one batch at
    // a time, holds no more in memory than PouchDB's ten batches and reads them in a tenth of the requests.
    const pull = { batchSize: 10 * batchSize, batches: 1 };
    const seqBefore = (await local.info()).update_seq;
    const mark = seqBefore === 0 ? null : await readSentMark(remote, local, meta.device);
    const allSent = seqBefore === 0 || mark?.through === seqBefore;
    // Pulling first lets this device's changes be written on top of what others sent, instead of beside it as conflicts.
    // A copy empty before this sync holds only what the pulls write and what this sync writes itself: the pulled documents are the feed, not read back one by one.
    const pulled = seqBefore === 0 ? new PulledDocs() : null;
    const pulling = { ...pull, onWritten: pulled?.add };
    const pullBefore = await replicated(() => replicate(remote, local, pulling));
    const seqPulled = (await local.info()).update_seq;
    // Marks read before the records they name: a record written while this runs keeps its new mark for the next sync.
    const marks = await readMarks(db);
    const outgoing = await writeOutgoing({ db, local, clock, rules, optionsOf: resolverFor(setup), which: selectionOf(marks, !meta.merged), mergedThrough: meta.appliedSeq, editedAt: editTimes(marks, run.now() + meta.offset) });
    if (outgoing.refused === 0) await clearMarks(db, marks);
    // What the pull wrote came from the server: when it held all of this copy before, the push starts after the pull instead of asking the server about each document pulled.
    const push = await replicated(() => replicate(local, remote, { batchSize, since: allSent ? seqPulled : undefined }));
    const pullAfter = await replicated(() => replicate(remote, local, pulling));
    // Nothing came from the server in this sync or was left unmerged by the last: every document since the last merge is this device's own, with no conflict to settle and nothing to merge.
    const onlyOwn = seqBefore === meta.appliedSeq && pullBefore.docs_written === 0 && pullAfter.docs_written === 0;
    let feed = onlyOwn ? null : pulled ? await pulled.feed(local, outgoing.written) : await readFeed(local, meta.appliedSeq);
    let settledPush: ReplicationResult | null = null;
    if (feed && (await settleConflicts(local, feed)) > 0) {
      settledPush = await replicated(() => replicate(local, remote, { batchSize }));
      feed = await readFeed(local, meta.appliedSeq);
    }
    const refusals = settledPush ? [push, settledPush] : [push];
    const rejected = refusals.flatMap(failures);
    const seqSent = (await local.info()).update_seq;
    const incoming = feed ? await mergeIncoming({ db, local, clock, rules, now: run.now(), feed }) : { skipped: [], lastSeq: seqSent };
    // Without the mark the next sync only asks the server about more documents: no reason to fail this one.
    if (rejected.length === 0) await markSent(remote, local, meta.device, seqSent, mark?.rev).catch(() => undefined);
    const last: LastSync = { at: run.now(), sent: push.docs_written, received: pullBefore.docs_written + pullAfter.docs_written, skipped: incoming.skipped, rejected };
    if (rejected.length > 0) {
      last.problem = refusals.some((result) => result.errors.some((error) => error.status === 413 || error.status === 507)) ? 'quota' : 'rejected';
      last.detail = rejected.map((item) => `${item.id}: ${item.reason}`).join('; ');
    }
    Object.assign(meta, { appliedSeq: incoming.lastSeq, clock: clock.current, merged: true, last });
    await writeSyncMeta(db, meta);
    return last;
  } catch (error) {
    const problem = classifySyncError(error);
    const detail = error instanceof Error ? error.message : String(error);
    meta.last = { at: run.now(), sent: 0, received: 0, skipped: [], rejected: [], problem, detail };
    await writeSyncMeta(db, meta);
    throw error instanceof SyncError ? error : new SyncError(problem, detail);
  }
}
