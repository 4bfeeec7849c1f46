import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWebBackups } from '../../../src/renderer/src/platform/web-backups';
import type { BackupInfo, BackupReason } from '../../../src/preload/bridge';

const MINUTE = 60 * 1000;
let clock: number;
let dbName: string;
let counter = 0;

beforeEach(() => {
  clock = Date.UTC(2026, 10, 30, 10, 0, 0);
  dbName = `kioku-backups-test-${counter++}`;
});

const backups = () => createWebBackups({ dbName, now: () => clock, zone: 'UTC' });
const bytes = (...values: number[]) => new Uint8Array(values);
const info = (content: number, reason: BackupReason = 'manual', cards = content): BackupInfo => ({ cards, notes: cards, reason, contentHash: content.toString(16).padStart(16, '0') });

describe('web backups in IndexedDB', () => {
  it('saves, lists newest first with reason, counts and size, and reads back, named like desktop backups', async () => {
    const store = backups();
    await store.save(bytes(1), info(5));
    clock += 60 * MINUTE;
    await store.save(bytes(2, 2), { ...info(6, 'before-import'), detail: 'deck.apkg' });
    expect(await store.list()).toEqual([
      { fileName: 'kioku-2026-11-30T11-00-00Z-before-import-6notes-6cards-0000000000000006.kioku-backup', createdAt: clock, cards: 6, notes: 6, reason: 'before-import', contentHash: '0000000000000006', detail: 'deck.apkg', size: 2 },
      { fileName: 'kioku-2026-11-30T10-00-00Z-manual-5notes-5cards-0000000000000005.kioku-backup', createdAt: clock - 60 * MINUTE, cards: 5, notes: 5, reason: 'manual', contentHash: '0000000000000005', size: 1 },
    ]);
    expect(await store.read('kioku-2026-11-30T10-00-00Z-manual-5notes-5cards-0000000000000005.kioku-backup')).toEqual(bytes(1));
  });

  it('survives a reload of the page', async () => {
    await backups().save(bytes(3, 4), info(2, 'quit'));
    const [entry] = await backups().list();
    expect(await backups().read(entry!.fileName)).toEqual(bytes(3, 4));
  });

  it('refuses a periodic backup too soon after the last one, and one whose content equals the newest', async () => {
    const store = backups();
    await store.save(bytes(1), info(1));
    clock += 5 * MINUTE;
    expect(await store.save(bytes(2), info(2, 'periodic'))).toEqual({ saved: false, reason: 'too-soon' });
    expect(await store.save(bytes(9, 9), info(1, 'manual'))).toEqual({ saved: false, reason: 'duplicate' });
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps a changed collection backed up twice within one second, under two names', async () => {
    const store = backups();
    expect(await store.save(bytes(1), info(1, 'manual'))).toMatchObject({ saved: true });
    clock += 400;
    expect(await store.save(bytes(2), info(2, 'before-import'))).toMatchObject({ saved: true });
    clock += 300;
    expect(await store.save(bytes(3), info(3, 'manual'))).toMatchObject({ saved: true });
    const list = await store.list();
    expect(list.map((entry) => entry.contentHash)).toEqual(['0000000000000003', '0000000000000002', '0000000000000001']);
    expect(new Set(list.map((entry) => entry.fileName)).size).toBe(3);
    expect(await store.read(list[2]!.fileName)).toEqual(bytes(1));
  });

  it('keeps every backup of today, so fifteen imports never push out the one made before the first', async () => {
    const store = backups();
    for (let i = 0; i < 15; i++) {
      await store.save(bytes(i), info(i + 1, 'before-import'));
      clock += MINUTE;
    }
    const list = await store.list();
    expect(list).toHaveLength(15);
    expect(list.at(-1)!.cards).toBe(1);
  });

  it('thins older backups as Anki does', async () => {
    const store = backups();
    for (let i = 0; i < 40; i++) {
      await store.save(bytes(i), info(i + 1));
      clock += 35 * 24 * 60 * MINUTE;
    }
    expect(await store.list()).toHaveLength(1 + 12 + 10 + 9);
  });

  it('refuses names that are not backup names', async () => {
    await expect(backups().read('../../etc/passwd')).rejects.toThrow(/Not a Kioku backup file name/);
    await expect(backups().read('kioku-2026-11-30T10-00-00Z-9cards.kioku-backup')).rejects.toThrow(/No backup named/);
  });
});
