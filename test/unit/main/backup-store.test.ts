import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '../../../src/preload/backup-name';
import { MIN_PERIODIC_INTERVAL } from '../../../src/preload/backup-plan';
import type { BackupInfo, BackupReason } from '../../../src/preload/bridge';

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

const { createBackupStore } = await import('../../../src/main/backups/backup-store');

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

const store = () => createBackupStore(dir, { now: () => clock, zone: 'UTC' });
/** The content hash stands for what the bytes hold; tests give each distinct content its own. */
const info = (content: Uint8Array, reason: BackupReason = 'manual', cards = 1): BackupInfo => ({
  cards,
  notes: cards,
  reason,
  contentHash: Array.from(content, (byte) => byte.toString(16).padStart(2, '0')).join('').padEnd(16, '0').slice(0, 16),
});
const nameAt = (time: number, content: Uint8Array, reason: BackupReason = 'manual', cards = 1) => backupFileName({ createdAt: time, ...info(content, reason, cards) });

describe('backup store', () => {
  it('saves the bytes under a name with the time, reason, counts and content hash, and lists and reads them back', async () => {
    const backups = store();
    const name = 'kioku-2026-11-30T10-00-00Z-manual-1234notes-1234cards-0102030000000000.kioku-backup';
    expect(await backups.save(bytes(1, 2, 3), info(bytes(1, 2, 3), 'manual', 1234))).toEqual({ saved: true, fileName: name });
    expect(await backups.list()).toEqual([
      { fileName: name, createdAt: clock, cards: 1234, notes: 1234, reason: 'manual', contentHash: '0102030000000000', size: 3 },
    ]);
    expect(await backups.read(name)).toEqual(bytes(1, 2, 3));
  });

  it('remembers which file an import came from, beside the backups', async () => {
    const backups = store();
    await backups.save(bytes(7), { ...info(bytes(7), 'before-import'), detail: '日本語 deck.apkg' });
    expect((await backups.list())[0]).toMatchObject({ reason: 'before-import', detail: '日本語 deck.apkg' });
    writeFileSync(join(dir, 'kioku-backup-details.json'), '{not json');
    expect((await backups.list())[0]).toMatchObject({ reason: 'before-import' });
    expect((await backups.list())[0]!.detail).toBeUndefined();
  });

  it('still lists backups named before names carried the reason', async () => {
    await store().list();
    writeFileSync(join(dir, 'kioku-2026-11-29T10-00-00Z-12cards.kioku-backup'), 'old');
    expect(await store().list()).toEqual([{ fileName: 'kioku-2026-11-29T10-00-00Z-12cards.kioku-backup', createdAt: Date.UTC(2026, 10, 29, 10), cards: 12, size: 3 }]);
  });

  it('writes a temporary file in the same folder and renames it, so the backup name never holds half a file', async () => {
    let seen: { tempDir: string; tempBytes: Buffer; finalExisted: boolean } | null = null;
    renameHook.before = (from, to) => {
      seen ??= { tempDir: join(from, '..'), tempBytes: readFileSync(from), finalExisted: existsSync(to) };
    };
    await store().save(bytes(9, 8, 7), info(bytes(9, 8, 7)));
    expect(seen).toEqual({ tempDir: dir, tempBytes: Buffer.from([9, 8, 7]), finalExisted: false });
  });

  it('leaves no backup and no temporary file when the write fails', async () => {
    renameHook.before = () => {
      throw new Error('disk full');
    };
    await expect(store().save(bytes(1), info(bytes(1)))).rejects.toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears temporary files a crash left behind, and never touches other files', async () => {
    const backups = store();
    await backups.list();
    writeFileSync(join(dir, `.${nameAt(clock - MINUTE, bytes(0))}.abc.tmp`), 'half');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await backups.save(bytes(1), info(bytes(1)));
    expect(readdirSync(dir).sort()).toEqual([nameAt(clock, bytes(1)), 'notes.txt']);
  });

  it('refuses a periodic backup soon after the last one, but not one the learner asked for', async () => {
    const backups = store();
    await backups.save(bytes(1), info(bytes(1), 'periodic'));
    clock += 10 * MINUTE;
    expect(await backups.save(bytes(2), info(bytes(2), 'periodic'))).toEqual({ saved: false, reason: 'too-soon' });
    expect(await backups.save(bytes(2), info(bytes(2), 'before-import'))).toMatchObject({ saved: true });
    clock += MIN_PERIODIC_INTERVAL;
    expect(await backups.save(bytes(3), info(bytes(3), 'periodic'))).toMatchObject({ saved: true });
    expect(await backups.list()).toHaveLength(3);
  });

  it('refuses a backup whose content equals the newest one, even though its zip bytes differ', async () => {
    const backups = store();
    await backups.save(bytes(5, 5), info(bytes(5, 5)));
    clock += 60 * MINUTE;
    expect(await backups.save(bytes(6, 6, 6), { ...info(bytes(5, 5)), reason: 'quit' })).toEqual({ saved: false, reason: 'duplicate' });
    expect(await backups.list()).toHaveLength(1);
  });

  it('refuses two saves of the same content started at once', async () => {
    const backups = store();
    const results = await Promise.all([backups.save(bytes(4), info(bytes(4))), backups.save(bytes(4), info(bytes(4)))]);
    expect(results.filter((result) => result.saved)).toHaveLength(1);
  });

  it('thins old backups as Anki does after saving: of 40 backups five weeks apart, 1 recent + 12 daily + 10 weekly + 9 monthly stay', async () => {
    const backups = store();
    for (let i = 0; i < 40; i++) {
      await backups.save(bytes(i), info(bytes(i), 'manual', i));
      clock += 35 * 24 * 60 * MINUTE;
    }
    const names = (await backups.list()).map((entry) => entry.fileName);
    expect(names).toHaveLength(1 + 12 + 10 + 9);
    expect(names[0]).toContain('39cards');
    expect(readdirSync(dir).filter((name) => name.endsWith('.kioku-backup'))).toHaveLength(names.length);
  });

  it('copies every backup into a newly chosen folder and keeps new ones there', async () => {
    const backups = store();
    await backups.save(bytes(1), { ...info(bytes(1), 'before-import'), detail: 'a.apkg' });
    const next = join(dir, '..', 'elsewhere');
    await backups.moveTo(next);
    expect(backups.dir).toBe(next);
    clock += MINUTE;
    await backups.save(bytes(2), info(bytes(2)));
    expect((await backups.list()).map((entry) => entry.detail)).toEqual([undefined, 'a.apkg']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.kioku-backup'))).toHaveLength(1);
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'kioku.kioku-backup', '..\\..\\windows\\win.ini'])('refuses to read %j', async (name) => {
    await expect(store().read(name)).rejects.toThrow(/Not a Kioku backup file name/);
  });

  it('lists nothing for a new collection and creates the folder', async () => {
    expect(await store().list()).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
