import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWebBackups, WEB_KEEP_NEWEST } from '../../../src/renderer/src/platform/web-backups';

const MINUTE = 60 * 1000;
let clock: number;
let dbName: string;
let counter = 0;

beforeEach(() => {
  clock = Date.UTC(2026, 10, 30, 10, 0, 0);
  dbName = `kioku-backups-test-${counter++}`;
});

const backups = () => createWebBackups(dbName, () => clock);
const bytes = (...values: number[]) => new Uint8Array(values);

describe('web backups in IndexedDB', () => {
  it('saves, lists newest first and reads back, named like desktop backups', async () => {
    const store = backups();
    await store.save(bytes(1), { cards: 5, reason: 'manual' });
    clock += 60 * MINUTE;
    await store.save(bytes(2), { cards: 6, reason: 'periodic' });
    expect(await store.list()).toEqual([
      { fileName: 'kioku-2026-11-30T11-00-00Z-6cards.kioku-backup', createdAt: clock, cards: 6 },
      { fileName: 'kioku-2026-11-30T10-00-00Z-5cards.kioku-backup', createdAt: clock - 60 * MINUTE, cards: 5 },
    ]);
    expect(await store.read('kioku-2026-11-30T10-00-00Z-5cards.kioku-backup')).toEqual(bytes(1));
  });

  it('survives a reload of the page', async () => {
    await backups().save(bytes(3, 4), { cards: 2, reason: 'quit' });
    expect(await backups().newest()).toEqual({ fileName: 'kioku-2026-11-30T10-00-00Z-2cards.kioku-backup', bytes: bytes(3, 4) });
  });

  it('refuses a periodic backup too soon after the last one, and one identical to the newest', async () => {
    const store = backups();
    await store.save(bytes(1), { cards: 1, reason: 'manual' });
    clock += 5 * MINUTE;
    expect(await store.save(bytes(2), { cards: 1, reason: 'periodic' })).toEqual({ saved: false, reason: 'too-soon' });
    expect(await store.save(bytes(1), { cards: 1, reason: 'before-restore' })).toEqual({ saved: false, reason: 'duplicate' });
    expect(await store.list()).toHaveLength(1);
  });

  it(`keeps only the newest ${WEB_KEEP_NEWEST}`, async () => {
    const store = backups();
    for (let i = 0; i < WEB_KEEP_NEWEST + 3; i++) {
      await store.save(bytes(i), { cards: i, reason: 'manual' });
      clock += 60 * MINUTE;
    }
    const list = await store.list();
    expect(list).toHaveLength(WEB_KEEP_NEWEST);
    expect(list[0]!.cards).toBe(WEB_KEEP_NEWEST + 2);
    expect(list.at(-1)!.cards).toBe(3);
  });

  it('refuses names that are not backup names', async () => {
    await expect(backups().read('../../etc/passwd')).rejects.toThrow(/Not a Kioku backup file name/);
    await expect(backups().read('kioku-2026-11-30T10-00-00Z-9cards.kioku-backup')).rejects.toThrow(/No backup named/);
  });
});
