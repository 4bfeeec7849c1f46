import type { BackupEntry } from '../../preload/bridge';

const DAY = 24 * 60 * 60 * 1000;

export const KEEP_NEWEST = 10;
export const KEEP_DAILY_FOR_DAYS = 7;
export const KEEP_WEEKLY_FOR_DAYS = 31;

/** UTC calendar day, so a day's kept backup stays kept as time passes. */
function dayNumber(time: number): number {
  return Math.floor(time / DAY);
}

/** Weeks start on Monday: the Unix epoch was a Thursday, three days in. */
function weekNumber(time: number): number {
  return Math.floor((dayNumber(time) + 3) / 7);
}

/**
 * Which backups to delete: keep the newest 10, plus the newest of each day for
 * the last week and the newest of each week for the last month; everything
 * else goes. Backups dated in the future (a clock set back) are kept.
 */
export function backupsToDelete(list: readonly BackupEntry[], now: number): BackupEntry[] {
  const newestFirst = [...list].sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
  const keep = new Set<BackupEntry>(newestFirst.slice(0, KEEP_NEWEST));
  const days = new Set<number>();
  const weeks = new Set<number>();
  for (const backup of newestFirst) {
    const age = now - backup.createdAt;
    if (age < 0) {
      keep.add(backup);
      continue;
    }
    const day = dayNumber(backup.createdAt);
    if (dayNumber(now) - day < KEEP_DAILY_FOR_DAYS && !days.has(day)) {
      days.add(day);
      keep.add(backup);
    }
    const week = weekNumber(backup.createdAt);
    if (age < KEEP_WEEKLY_FOR_DAYS * DAY && !weeks.has(week)) {
      weeks.add(week);
      keep.add(backup);
    }
  }
  return newestFirst.filter((backup) => !keep.has(backup));
}
