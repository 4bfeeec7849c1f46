import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_LIMITS, obsoleteBackups } from '../../../src/core/backups/retention';

const DAY = 86_400_000;
const at = (year: number, month: number, day: number, hour = 0) => ({ createdAt: Date.UTC(year, month - 1, day, hour) });
const dayOf = (entry: { createdAt: number }) => new Date(entry.createdAt).toISOString().slice(0, 10);

describe('obsoleteBackups follows Anki’s thinning', () => {
  it('matches rslib’s own thinning_manual case', () => {
    const today = Date.UTC(2022, 1, 22);
    const cases: [ReturnType<typeof at>, boolean][] = [
      [at(2022, 2, 22), false],
      [at(2022, 2, 22), false],
      [at(2022, 2, 21), false],
      [at(2022, 2, 20, 6), true],
      [at(2022, 2, 20, 18), false],
      [at(2022, 2, 10), false],
      [at(2022, 2, 9), false],
      [at(2022, 2, 7), true],
      [at(2022, 2, 6, 1), true],
      [at(2022, 2, 6, 2), false],
      [at(2022, 1, 6), false],
      [at(2022, 1, 5), true],
      [at(2021, 12, 24), false],
      [at(2021, 12, 1), true],
      [at(2021, 11, 1), true],
    ];
    const obsolete = obsoleteBackups(cases.map(([entry]) => entry), today, 'UTC', { daily: 3, weekly: 2, monthly: 1 });
    expect(new Set(obsolete)).toEqual(new Set(cases.filter(([, gone]) => gone).map(([entry]) => entry)));
  });

  it('over a year of daily backups keeps 2 recent, 12 daily, 10 Sundays and 9 month ends (rslib thinning_generic)', () => {
    const today = Date.UTC(2022, 0, 1);
    const backups = Array.from({ length: 365 }, (_, i) => ({ createdAt: today - (i + 1) * DAY }));
    const gone = new Set(obsoleteBackups(backups, today, 'UTC'));
    const kept = backups.filter((entry) => !gone.has(entry));
    expect(kept).toHaveLength(1 + DEFAULT_BACKUP_LIMITS.daily + DEFAULT_BACKUP_LIMITS.weekly + DEFAULT_BACKUP_LIMITS.monthly);
    const weekly = kept.slice(13, 23);
    expect(weekly.every((entry) => new Date(entry.createdAt).getUTCDay() === 0)).toBe(true);
    const monthly = kept.slice(23);
    expect(monthly.every((entry) => new Date(entry.createdAt + DAY).getUTCDate() === 1)).toBe(true);
  });

  it('a day of fifteen imports keeps the backup made before the first one, then the day’s newest once it is old', () => {
    const morning = Date.UTC(2026, 11, 3, 8);
    const day = Array.from({ length: 15 }, (_, i) => ({ createdAt: morning + i * 60_000, reason: i === 0 ? 'before-first-import' : 'before-import' }));
    expect(obsoleteBackups(day, morning + DAY - 3_600_000, 'UTC')).toEqual([]);
    const twoDaysLater = obsoleteBackups(day, morning + 2 * DAY, 'UTC');
    expect(twoDaysLater).toHaveLength(14);
    expect(twoDaysLater).not.toContain(day[14]);
  });

  it('counts days in the learner’s zone: 23:30 and 00:30 in Tokyo are two days', () => {
    const now = Date.UTC(2026, 11, 10, 3);
    const late = { createdAt: Date.UTC(2026, 11, 1, 14, 30) };
    const early = { createdAt: Date.UTC(2026, 11, 1, 15, 30) };
    expect(obsoleteBackups([late, early], now, 'Asia/Tokyo')).toEqual([]);
    expect(obsoleteBackups([late, early], now, 'UTC')).toEqual([late]);
  });

  it('a simulated year: a backup every 30 minutes of study, two hours a day, stays bounded and spread', () => {
    const start = Date.UTC(2026, 0, 1, 19);
    let kept: { createdAt: number }[] = [];
    for (let day = 0; day < 365; day++) {
      for (let slot = 0; slot < 4; slot++) {
        const now = start + day * DAY + slot * 30 * 60_000;
        kept.push({ createdAt: now });
        const gone = new Set(obsoleteBackups(kept, now, 'UTC'));
        kept = kept.filter((entry) => !gone.has(entry));
      }
    }
    expect(kept.length).toBeLessThanOrEqual(8 + 12 + 10 + 9);
    const days = kept.map(dayOf);
    expect(days.at(-1)).toBe('2026-12-31');
    expect(days[0]! < '2026-04-15').toBe(true);
  });
});
