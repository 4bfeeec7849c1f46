import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '../../../src/preload/backup-name';

const renameHook = vi.hoisted(() => ({ before: null as null | ((from: string, to: string) => void) }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      renameHook.before?.(from, to);
      return actual.rename(from, to);
    },
  };
});

const { createBackupStore, MIN_PERIODIC_INTERVAL } = await import('../../../src/main/backups/backup-store');

const MINUTE = 60 * 1000;
let dir: string;
let clock: number;
const bytes = (...values: number[]) => new Uint8Array(values);

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'kioku-backups-')), 'backups');
  clock = Date.UTC(2026, 10, 30, 10, 0, 0);
  renameHook.before = null;
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const store = () => createBackupStore(dir, () => clock);

describe('backup store', () => {
  it('saves the bytes under a name with the time and card count, and lists and reads them back', async () => {
    const backups = store();
    expect(await backups.save(bytes(1, 2, 3), { cards: 1234, reason: 'manual' })).toEqual({
      saved: true,
      fileName: 'kioku-2026-11-30T10-00-00Z-1234cards.kioku-backup',
    });
    expect(await backups.list()).toEqual([{ fileName: 'kioku-2026-11-30T10-00-00Z-1234cards.kioku-backup', createdAt: clock, cards: 1234 }]);
    expect(await backups.read('kioku-2026-11-30T10-00-00Z-1234cards.kioku-backup')).toEqual(bytes(1, 2, 3));
  });

  it('writes a temporary file in the same folder and renames it, so the backup name never holds half a file', async () => {
    let seen: { tempDir: string; tempBytes: Buffer; finalExisted: boolean } | null = null;
    renameHook.before = (from, to) => {
      seen = { tempDir: join(from, '..'), tempBytes: readFileSync(from), finalExisted: existsSync(to) };
    };
    await store().save(bytes(9, 8, 7), { cards: 3, reason: 'manual' });
    expect(seen).toEqual({ tempDir: dir, tempBytes: Buffer.from([9, 8, 7]), finalExisted: false });
  });

  it('leaves no backup and no temporary file when the write fails', async () => {
    renameHook.before = () => {
      throw new Error('disk full');
    };
    await expect(store().save(bytes(1), { cards: 1, reason: 'manual' })).rejects.toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears temporary files a crash left behind, and never touches other files', async () => {
    const backups = store();
    await backups.list();
    writeFileSync(join(dir, `.${backupFileName(clock - MINUTE, 1)}.abc.tmp`), 'half');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await backups.save(bytes(1), { cards: 1, reason: 'manual' });
    expect(readdirSync(dir).sort()).toEqual([backupFileName(clock, 1), 'notes.txt']);
  });

  it('refuses a periodic backup soon after the last one, but not one the learner asked for', async () => {
    const backups = store();
    await backups.save(bytes(1), { cards: 1, reason: 'periodic' });
    clock += 10 * MINUTE;
    expect(await backups.save(bytes(2), { cards: 2, reason: 'periodic' })).toEqual({ saved: false, reason: 'too-soon' });
    expect(await backups.save(bytes(2), { cards: 2, reason: 'before-import' })).toMatchObject({ saved: true });
    clock += MIN_PERIODIC_INTERVAL;
    expect(await backups.save(bytes(3), { cards: 3, reason: 'periodic' })).toMatchObject({ saved: true });
    expect(await backups.list()).toHaveLength(3);
  });

  it('refuses a backup identical to the newest one', async () => {
    const backups = store();
    await backups.save(bytes(5, 5), { cards: 1, reason: 'manual' });
    clock += 60 * MINUTE;
    expect(await backups.save(bytes(5, 5), { cards: 1, reason: 'quit' })).toEqual({ saved: false, reason: 'duplicate' });
    expect(await backups.list()).toHaveLength(1);
  });

  it('refuses two saves of the same bytes started at once', async () => {
    const backups = store();
    const results = await Promise.all([
      backups.save(bytes(4), { cards: 1, reason: 'manual' }),
      backups.save(bytes(4), { cards: 1, reason: 'manual' }),
    ]);
    expect(results.filter((result) => result.saved)).toHaveLength(1);
  });

  it('deletes old backups by the rotation rule after saving', async () => {
    const backups = store();
    for (let i = 0; i < 14; i++) {
      await backups.save(bytes(i), { cards: i, reason: 'manual' });
      clock += 40 * 24 * 60 * MINUTE;
    }
    const names = (await backups.list()).map((entry) => entry.fileName);
    expect(names).toHaveLength(10);
    expect(names[0]).toContain('13cards');
    expect(readdirSync(dir)).toHaveLength(10);
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'kioku.kioku-backup', '..\\..\\windows\\win.ini'])('refuses to read %j', async (name) => {
    await expect(store().read(name)).rejects.toThrow(/Not a Kioku backup file name/);
  });

  it('lists nothing for a new collection and creates the folder', async () => {
    expect(await store().list()).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
