import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../src/preload/backup-name';
import type { BackupEntry } from '../../../src/preload/bridge';
import { backupsToDelete } from '../../../src/main/backups/rotation';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 10, 30, 12, 0, 0);

function backup(createdAt: number, cards = 100): BackupEntry {
  const entry = parseBackupFileName(backupFileName(createdAt, cards));
  if (!entry) throw new Error('test backup name did not parse');
  return entry;
}

function kept(list: BackupEntry[]): number[] {
  const gone = new Set(backupsToDelete(list, now).map((entry) => entry.fileName));
  return list.filter((entry) => !gone.has(entry.fileName)).map((entry) => entry.createdAt);
}

describe('backupsToDelete', () => {
  it('keeps everything while there are ten or fewer backups, however old', () => {
    const list = Array.from({ length: 10 }, (_, i) => backup(now - i * 40 * DAY));
    expect(backupsToDelete(list, now)).toEqual([]);
  });

  it('keeps the newest ten of a busy day and deletes the rest of that day except its newest', () => {
    // 30 backups every 10 minutes today: the newest ten stay, today's newest is among them.
    const list = Array.from({ length: 30 }, (_, i) => backup(now - i * 10 * 60 * 1000));
    const result = kept(list);
    expect(result).toHaveLength(10);
    expect(result).toEqual(list.slice(0, 10).map((entry) => entry.createdAt));
  });

  it('keeps one backup per day for the last week, the newest of each day', () => {
    const list: BackupEntry[] = [];
    for (let day = 0; day < 7; day++) for (const hour of [1, 5, 9]) list.push(backup(Date.UTC(2026, 10, 30 - day, hour)));
    const result = kept(list);
    // The newest ten cover the last three days and a bit; older days keep only their newest.
    for (let day = 0; day < 7; day++) expect(result).toContain(Date.UTC(2026, 10, 30 - day, 9));
    for (let day = 4; day < 7; day++) {
      expect(result).not.toContain(Date.UTC(2026, 10, 30 - day, 1));
      expect(result).not.toContain(Date.UTC(2026, 10, 30 - day, 5));
    }
  });

  it('keeps one backup per week for a month and deletes anything older once ten newer exist', () => {
    const daily = Array.from({ length: 60 }, (_, i) => backup(now - i * DAY));
    const result = kept(daily);
    const ages = result.map((time) => Math.round((now - time) / DAY));
    // Ten newest (0–9 days) cover the week; after that one a week up to a month.
    expect(ages.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const older = ages.slice(10);
    expect(older.length).toBeGreaterThanOrEqual(2);
    expect(older.every((age) => age < 31)).toBe(true);
    for (let i = 1; i < older.length; i++) expect(older[i]! - older[i - 1]!).toBe(7);
    expect(ages.some((age) => age >= 31)).toBe(false);
  });

  it('with a backup every three days keeps the newest ten, one more from the month’s oldest week, and nothing older', () => {
    // `now` is Monday 30 November: 27 days back is Tuesday 3 November, 30 days back is Saturday 31 October, another week.
    const list = Array.from({ length: 20 }, (_, i) => backup(now - i * 3 * DAY));
    const ages = kept(list).map((time) => Math.round((now - time) / DAY));
    expect(ages).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
  });

  it('never deletes the newest backup, even when it is very old', () => {
    const list = Array.from({ length: 15 }, (_, i) => backup(now - (400 + i) * DAY));
    const result = kept(list);
    expect(result).toContain(now - 400 * DAY);
    expect(result).toHaveLength(10);
  });

  it('does not depend on the order of the list', () => {
    const list = Array.from({ length: 40 }, (_, i) => backup(now - i * 17 * HOUR));
    const shuffled = [...list].reverse();
    expect(new Set(backupsToDelete(shuffled, now).map((e) => e.fileName))).toEqual(
      new Set(backupsToDelete(list, now).map((e) => e.fileName)),
    );
  });

  it('keeps backups dated in the future (the clock was set back)', () => {
    const future = backup(now + 3 * DAY);
    const list = [future, ...Array.from({ length: 20 }, (_, i) => backup(now - (40 + i) * DAY))];
    expect(backupsToDelete(list, now)).not.toContainEqual(future);
  });

  it('keeps what it kept as time passes: a day’s kept backup is still kept the next day', () => {
    const list = Array.from({ length: 48 }, (_, i) => backup(now - i * 3 * HOUR));
    const today = kept(list);
    const tomorrowList = list.filter((entry) => today.includes(entry.createdAt));
    const gone = backupsToDelete(tomorrowList, now + DAY).map((entry) => entry.createdAt);
    // Tomorrow the daily rule covers 25 November to 1 December, so only older days may lose their backup.
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((time) => time < Date.UTC(2026, 10, 25))).toBe(true);
  });
});
