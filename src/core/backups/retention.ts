import { learnerDay, type TimeZone } from '../scheduling/day';

/** How many older backups survive beside today's and yesterday's, as in Anki's preferences. */
export interface BackupLimits {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Anki's defaults (rslib `BackupLimits`): 12 daily, 10 weekly, 9 monthly. */
export const DEFAULT_BACKUP_LIMITS: BackupLimits = { daily: 12, weekly: 10, monthly: 9 };

/** Automatic backups come at most this often while the collection changes, as in Anki. */
export const MIN_AUTOMATIC_INTERVAL_MS = 30 * 60 * 1000;

interface Dated {
  createdAt: number;
}

interface Calendar {
  day: number;
  week: number;
  month: number;
}

/** Calendar positions in the learner's zone; the day changes at local midnight, as Anki's backups do. */
function calendarOf(createdAt: number, zone: TimeZone): Calendar {
  const day = learnerDay(createdAt, { zone, dayStartHour: 0 });
  const date = new Date(day * 86_400_000);
  return {
    day,
    // Day 0 (1970-01-01) was a Thursday; shifting by 3 makes weeks start on Monday.
    week: Math.floor((day + 3) / 7),
    month: date.getUTCFullYear() * 12 + date.getUTCMonth(),
  };
}

/**
 * The backups to delete, following Anki's thinning (rslib/src/collection/backup.rs): everything
 * from today and yesterday stays, however many, so a row of imports never pushes out the backup
 * made before the first of them; older backups keep the newest of each day for `daily` days, then
 * of each week for `weekly` weeks, then of each month for `monthly` months. Backups dated in the
 * future (a clock set back) count as recent.
 */
export function obsoleteBackups<T extends Dated>(backups: readonly T[], now: number, zone: TimeZone, limits: BackupLimits = DEFAULT_BACKUP_LIMITS): T[] {
  const yesterday = calendarOf(now, zone).day - 1;
  const left = { ...limits };
  let lastKept: Calendar = { day: Infinity, week: Infinity, month: Infinity };
  const obsolete: T[] = [];
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  for (const backup of newestFirst) {
    const at = calendarOf(backup.createdAt, zone);
    let keep: boolean;
    if (at.day >= yesterday) keep = true;
    else if (left.daily > 0) keep = at.day < lastKept.day && left.daily-- > 0;
    else if (left.weekly > 0) keep = at.week < lastKept.week && left.weekly-- > 0;
    else if (left.monthly > 0) keep = at.month < lastKept.month && left.monthly-- > 0;
    else keep = false;
    if (keep) lastKept = at;
    else obsolete.push(backup);
  }
  return obsolete;
}
