import { obsoleteBackups } from '../core/backups/retention';
import type { TimeZone } from '../core/scheduling/day';
import type { BackupEntry, BackupInfo } from './bridge';
import { backupFileName } from './backup-name';

/** The page asks every 30 minutes; a little slack lets a timer that fires early still count. */
export const MIN_PERIODIC_INTERVAL = 25 * 60 * 1000;

export type BackupPlan =
  | { save: false; reason: 'too-soon' | 'duplicate' }
  | { save: true; fileName: string; createdAt: number; obsolete: BackupEntry[] };

/**
 * Whether a backup is worth keeping and which older ones go once it is kept. One rule for the
 * desktop folder and the browser's stores: a periodic backup waits 30 minutes, a backup of the
 * same content as the newest is not saved again, and old backups are thinned as Anki does.
 */
export function planBackup(existing: readonly BackupEntry[], info: BackupInfo, now: number, zone: TimeZone): BackupPlan {
  const newestFirst = [...existing].sort((a, b) => b.createdAt - a.createdAt);
  const newest = newestFirst[0];
  if (info.reason === 'periodic' && newest && now - newest.createdAt < MIN_PERIODIC_INTERVAL) return { save: false, reason: 'too-soon' };
  if (newest?.contentHash === info.contentHash) return { save: false, reason: 'duplicate' };
  // Names are to the second. A changed collection backed up again within the same second (a
  // backup before an import, then "Back up now") takes the next free second rather than being
  // dropped: its content is new, and refusing it loses that state.
  const taken = new Set(newestFirst.map((entry) => entry.createdAt));
  let createdAt = Math.floor(now / 1000) * 1000;
  while (taken.has(createdAt)) createdAt += 1000;
  const fileName = backupFileName({ createdAt, reason: info.reason, notes: info.notes, cards: info.cards, contentHash: info.contentHash });
  const created: BackupEntry = { fileName, createdAt, cards: info.cards, notes: info.notes, reason: info.reason, contentHash: info.contentHash };
  return { save: true, fileName, createdAt, obsolete: obsoleteBackups([created, ...newestFirst], now, zone).filter((entry) => entry !== created) };
}
