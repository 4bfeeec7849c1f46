import type { BackupReason, BackupResult, KiokuBridge } from '../../../preload/bridge';
import type { Collection } from '../storage/collection';
import { reportingBackupFull, type StorageAction } from '../storage/storage-full';

/**
 * A full backup of the collection, handed to the shell (a file on the desktop, IndexedDB on the
 * web). `detail` names the file an import or restore is about to read. A backup that does not fit
 * throws StorageFullError, naming the import or restore that then does not happen.
 */
export async function saveBackup(collection: Collection, bridge: Pick<KiokuBridge, 'saveBackup'>, reason: BackupReason, now: number, detail?: string): Promise<BackupResult> {
  const { bytes, notes, cards, contentHash } = await collection.packBackup(now);
  const info = { cards, notes, reason, contentHash, ...(detail === undefined ? {} : { detail: detail.slice(0, 300) }) };
  return reportingBackupFull(backupAction(reason, detail), () => bridge.saveBackup(bytes, info));
}

function backupAction(reason: BackupReason, detail: string | undefined): Extract<StorageAction, { kind: 'backup' }> {
  if (detail === undefined || (reason !== 'before-import' && reason !== 'before-restore')) return { kind: 'backup' };
  return { kind: 'backup', before: { kind: reason === 'before-import' ? 'import' : 'restore', fileName: detail } };
}

/**
 * What tells whether the collection changed since the last backup: answers add reviews, edits
 * and imports add notes or cards. Counting is cheap (index counts) and needs nothing from storage.
 */
export async function changeFingerprint(collection: Collection): Promise<string> {
  const { db } = collection;
  const counts = await Promise.all([db.decks.count(), db.notes.count(), db.cards.count(), db.reviews.count(), db.media.count()]);
  return counts.join(':');
}
