import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../src/preload/backup-name';

const facts = { createdAt: Date.UTC(2026, 11, 3, 13, 31, 25), reason: 'before-import' as const, notes: 90, cards: 109, contentHash: '0123456789abcdef' };

describe('backup file names', () => {
  it('names a backup by its UTC time to the second, its reason, counts and content hash', () => {
    expect(backupFileName({ ...facts, createdAt: facts.createdAt + 999 })).toBe('kioku-2026-12-03T13-31-25Z-before-import-90notes-109cards-0123456789abcdef.kioku-backup');
  });

  it('reads back everything the name holds', () => {
    expect(parseBackupFileName(backupFileName(facts))).toEqual({ fileName: backupFileName(facts), ...facts });
  });

  it('still reads names of the first version, which held only the time and card count', () => {
    expect(parseBackupFileName('kioku-2026-01-02T03-04-05Z-7cards.kioku-backup')).toEqual({
      fileName: 'kioku-2026-01-02T03-04-05Z-7cards.kioku-backup',
      createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      cards: 7,
    });
  });

  it.each([
    '../../etc/passwd',
    '../kioku-2026-11-30T10-00-00Z-1cards.kioku-backup',
    'sub/kioku-2026-11-30T10-00-00Z-1cards.kioku-backup',
    'kioku-2026-11-30T10-00-00Z-1cards.kioku-backup/..',
    'kioku-2026-11-30T10-00-00Z-1cards.kioku-backup\0',
    'kioku-2026-02-31T10-00-00Z-1cards.kioku-backup',
    'kioku-2026-11-30T25-00-00Z-1cards.kioku-backup',
    'kioku-2026-11-30T10-00-00Z-because-1notes-1cards-0123456789abcdef.kioku-backup',
    'kioku-2026-11-30T10-00-00Z-manual-1notes-1cards.kioku-backup',
    'kioku-2026-11-30T10-00-00Z-1cards-0123456789abcdef.kioku-backup',
    'kioku-2026-11-30T10-00-00Z-manual-1notes-1cards-0123456789ABCDEF.kioku-backup',
    '.kioku-2026-11-30T10-00-00Z-1cards.kioku-backup.tmp',
    'notes.txt',
    '',
  ])('does not take %j for a backup', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });
});
