import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { builtInDecks, T0 } from '../storage/helpers';
import { openRemotePouch } from '../../../src/renderer/src/storage/sync/pouch';
import { markSent, readSentMark } from '../../../src/renderer/src/storage/sync/sent-mark';
import { canonicalDump, Device } from './devices';
import { syncServerForFile } from './sync-server';

const { server: running, account } = syncServerForFile('emptied');

/** A device that has sent its decks and a few answers, with one more answer since. */
async function sentDevice(target: Awaited<ReturnType<typeof account>>): Promise<Device> {
  const device = new Device(target);
  await device.collection.installDecks(builtInDecks(20), T0);
  for (let i = 0; i < 10; i++) await device.collection.answer(`aws-${i}/0`, 3, T0 + i * 60_000, 2000);
  expect((await device.sync()).problem).toBeUndefined();
  await device.collection.answer('aws-10/0', 3, T0 + 3_600_000, 2000);
  return device;
}

/** A second device's first sync from `target` holds exactly what `sender` holds. */
async function expectAllThere(target: Awaited<ReturnType<typeof account>>, sender: Device): Promise<void> {
  const receiver = new Device(target);
  expect((await receiver.sync()).problem).toBeUndefined();
  expect(await canonicalDump(receiver.collection)).toEqual(await canonicalDump(sender.collection));
  await receiver.close();
}

describe('a device whose server no longer holds what it sent sends it all again', () => {
  it('the database emptied on the server (deleted and made anew under the same address), then written to by another device', async () => {
    const target = await account();
    const sender = await sentDevice(target);
    await running().request(`/${target.database}`, { method: 'DELETE' });
    await running().setUp(target.database);
    const other = new Device(target);
    await other.collection.installDecks(builtInDecks(3), T0);
    expect((await other.sync()).problem).toBeUndefined();
    expect((await sender.sync()).problem).toBeUndefined();
    await expectAllThere(target, sender);
    await other.close();
    await sender.close();
  }, 120_000);

  it('another database chosen on the Sync screen', async () => {
    const sender = await sentDevice(await account());
    const other = await account();
    const moved = new Device(other);
    // The same collection and copy, pointed at another database.
    Object.assign(moved, { collection: sender.collection, local: sender.local });
    const last = await moved.sync();
    expect(last.problem).toBeUndefined();
    expect(last.sent).toBe((await sender.local.info()).doc_count);
    await expectAllThere(other, sender);
    await sender.close();
  }, 120_000);

  it('the mark moves to the latest sync whether the revision read at the start of it is missing or stale', async () => {
    const device = new Device(await account());
    const remote = openRemotePouch(device.account);
    try {
      const through = async () => (await readSentMark(remote, device.local, 'this-device')).through;
      await markSent(remote, device.local, 'this-device', 5, undefined);
      expect(await through()).toBe(5);
      // A mark on the server this sync did not read (a copy made anew starts without reading it).
      await markSent(remote, device.local, 'this-device', 7, undefined);
      expect(await through()).toBe(7);
      const read = await readSentMark(remote, device.local, 'this-device');
      await markSent(remote, device.local, 'this-device', 9, read.rev);
      expect(await through()).toBe(9);
      // The mark moved since it was read (the same device syncing from another window).
      await markSent(remote, device.local, 'this-device', 11, read.rev);
      expect(await through()).toBe(11);
    } finally {
      await remote.close();
      await device.close();
    }
  }, 60_000);
});
