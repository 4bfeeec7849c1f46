import type { BackupEntry } from './bridge';

/**
 * `kioku-2026-11-30T10-00-00Z-1234cards.kioku-backup`: sortable by name, readable
 * by the learner, and a strict pattern so a name from the page can never be a path.
 * Shared by the desktop backups (src/main/backups) and the web page's, so both name them alike.
 */
export const BACKUP_NAME_PATTERN = /^kioku-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(\d{1,9})cards\.kioku-backup$/;

export function backupFileName(createdAt: number, cards: number): string {
  const stamp = new Date(createdAt).toISOString().slice(0, 19).replaceAll(':', '-');
  return `kioku-${stamp}Z-${cards}cards.kioku-backup`;
}

/** The backup a file name describes, or null for any other file. */
export function parseBackupFileName(fileName: string): BackupEntry | null {
  const match = BACKUP_NAME_PATTERN.exec(fileName);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, cards] = match.map(Number);
  const createdAt = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  // Date.UTC rolls 2026-02-31 over into March; such a name was not written by us.
  if (backupFileName(createdAt, cards!) !== fileName) return null;
  return { fileName, createdAt, cards: cards! };
}
