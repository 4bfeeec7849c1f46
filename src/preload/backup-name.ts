import { BACKUP_REASONS, type BackupEntry, type BackupReason } from './bridge';

/** What a backup's name says about it: when, why, how much, and a hash of what it holds. */
export interface BackupFacts {
  createdAt: number;
  reason: BackupReason;
  notes: number;
  cards: number;
  /** 16 hex digits of the content hash (see src/core/backups/content-hash.ts). */
  contentHash: string;
}

/**
 * `kioku-2026-12-03T13-31-25Z-manual-90notes-109cards-0123456789abcdef.kioku-backup`: sortable by
 * name, readable by the learner, and a strict pattern so a name from the page can never be a path.
 * Names of the first version (`kioku-2026-11-30T10-00-00Z-1234cards.kioku-backup`) still read.
 * Shared by the desktop backups (src/main/backups) and the web page's, so both name them alike.
 */
export const BACKUP_NAME_PATTERN = new RegExp(
  String.raw`^kioku-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(?:(${BACKUP_REASONS.join('|')})-(\d{1,9})notes-)?(\d{1,9})cards(?:-([0-9a-f]{16}))?\.kioku-backup$`,
);

const stampOf = (createdAt: number) => new Date(createdAt).toISOString().slice(0, 19).replaceAll(':', '-');

export function backupFileName(facts: BackupFacts): string {
  return `kioku-${stampOf(facts.createdAt)}Z-${facts.reason}-${facts.notes}notes-${facts.cards}cards-${facts.contentHash}.kioku-backup`;
}

/** The backup a file name describes, or null for any other file. */
export function parseBackupFileName(fileName: string): BackupEntry | null {
  const match = BACKUP_NAME_PATTERN.exec(fileName);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [reason, notes, cards, contentHash] = [match[7], match[8], Number(match[9]), match[10]];
  // Both parts or neither: a name with only one was not written by us.
  if ((reason === undefined) !== (contentHash === undefined)) return null;
  const createdAt = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  // Date.UTC rolls 2026-02-31 over into March; such a name was not written by us.
  if (`kioku-${stampOf(createdAt)}Z-` !== fileName.slice(0, 27)) return null;
  if (reason === undefined) return { fileName, createdAt, cards };
  return { fileName, createdAt, cards, reason: reason as BackupReason, notes: Number(notes), contentHash: contentHash! };
}
