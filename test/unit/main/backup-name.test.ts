import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../src/preload/backup-name';

describe('backup file names', () => {
  it('names a backup by its UTC time and card count', () => {
    expect(backupFileName(Date.UTC(2026, 10, 30, 10, 0, 0, 999), 1234)).toBe('kioku-2026-11-30T10-00-00Z-1234cards.kioku-backup');
  });

  it('reads back the time (to the second) and card count', () => {
    const time = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(parseBackupFileName(backupFileName(time, 7))).toEqual({ fileName: backupFileName(time, 7), createdAt: time, cards: 7 });
  });

  it.each([
    '../../etc/passwd',
    '../kioku-2026-11-30T10-00-00Z-1cards.kioku-backup',
    'sub/kioku-2026-11-30T10-00-00Z-1cards.kioku-backup',
    'kioku-2026-11-30T10-00-00Z-1cards.kioku-backup/..',
    'kioku-2026-11-30T10-00-00Z-1cards.kioku-backup\0',
    'kioku-2026-02-31T10-00-00Z-1cards.kioku-backup',
    'kioku-2026-11-30T25-00-00Z-1cards.kioku-backup',
    '.kioku-2026-11-30T10-00-00Z-1cards.kioku-backup.tmp',
    'notes.txt',
    '',
  ])('does not take %j for a backup', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });
});
