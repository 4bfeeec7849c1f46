import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readSyncMeta } from '../../../src/renderer/src/storage/sync/sync-meta';
import { SYNC_META_KEY } from '../../../src/renderer/src/storage/settings';
import { T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

describe("a backup and this device's sync bookkeeping", () => {
  it('a backup leaves it out, and a restore, of its own backup or one from another device, keeps this device its own', async () => {
    const other = fresh();
    await other.installDecks(builtInDecks(3), T0);
    await other.db.settings.put({ key: SYNC_META_KEY, value: { ...(await readSyncMeta(other.db, T0)), device: 'other-device', appliedSeq: 7, merged: true } });
    const fromOther = await other.createBackup(T0);

    const here = fresh();
    await here.installDecks(builtInDecks(3), T0);
    const mine = { ...(await readSyncMeta(here.db, T0)), device: 'this-device', appliedSeq: 42, merged: true };
    await here.db.settings.put({ key: SYNC_META_KEY, value: mine });
    const ownBackup = await here.createBackup(T0);
    await here.db.settings.put({ key: SYNC_META_KEY, value: { ...mine, appliedSeq: 99 } });

    await here.restoreBackup(fromOther, { fileName: 'other.kioku-backup', now: T0 });
    expect(await readSyncMeta(here.db, T0)).toEqual({ ...mine, appliedSeq: 99 });
    await here.restoreBackup(ownBackup, { fileName: 'own.kioku-backup', now: T0 });
    expect(await readSyncMeta(here.db, T0)).toEqual({ ...mine, appliedSeq: 99 });
  });
});
