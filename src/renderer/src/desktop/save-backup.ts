import type { BackupReason, BackupResult, KiokuBridge } from '../../../preload/bridge';
import type { Collection } from '../storage/collection';

/** A full backup of the collection, handed to the shell (a file on the desktop, IndexedDB on the web). */
export async function saveBackup(collection: Collection, bridge: Pick<KiokuBridge, 'saveBackup'>, reason: BackupReason, now: number, detail?: string): Promise<BackupResult> {
  const { bytes, notes, cards, contentHash } = await collection.packBackup(now);
  return bridge.saveBackup(bytes, { cards, notes, reason, contentHash, ...(detail === undefined ? {} : { detail: detail.slice(0, 300) }) });
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
