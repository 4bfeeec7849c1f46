import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { T0 } from '../storage/helpers';
import { canonicalDump, type Device } from './devices';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-edit-time');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function frontOf(device: Device, noteId: string): Promise<string | undefined> {
  return (await device.collection.db.notes.get(noteId))?.fields[0];
}

async function lostFronts(device: Device, noteId: string): Promise<string[]> {
  const lost = await device.collection.db.syncLost.where('recordId').equals(`note:${noteId}`).toArray();
  return lost.map((version) => (version.lost as { fields: string[] }).fields[0]!);
}

/** A change on A, a later one on B; B syncs first, then A, then B again to receive what A sent. */
async function laterOnBSyncedFirst(a: Device, b: Device, onA: (device: Device) => Promise<unknown>, onB: (device: Device) => Promise<unknown>): Promise<void> {
  await onA(a);
  await pause(300);
  await onB(b);
  await b.sync();
  await pause(300);
  await a.sync();
  await b.sync();
}

describe('two devices editing one note between syncs', () => {
  it('keep the later edit, even when the device that made it syncs first, and keep the earlier as a lost version', async () => {
    const { a, b, close } = await twoDevices();
    try {
      await laterOnBSyncedFirst(
        a,
        b,
        (device) => device.collection.updateNote('aws-1', { fields: ['Edited on A at ten', 'Answer 1'] }, T0),
        (device) => device.collection.updateNote('aws-1', { fields: ['Edited on B at five past', 'Answer 1'] }, T0),
      );
      for (const device of [a, b]) {
        expect(await frontOf(device, 'aws-1')).toBe('Edited on B at five past');
        expect(await lostFronts(device, 'aws-1')).toEqual(['Edited on A at ten']);
      }
      expect(await canonicalDump(b.collection)).toEqual(await canonicalDump(a.collection));
    } finally {
      await close();
    }
  }, 60_000);

  it('keep a deletion made after the other device’s edit, and the edit as a lost version', async () => {
    const { a, b, close } = await twoDevices();
    try {
      await laterOnBSyncedFirst(
        a,
        b,
        (device) => device.collection.updateNote('aws-2', { fields: ['Edited on A before the deletion', 'Answer 2'] }, T0),
        (device) => device.collection.deleteNote('aws-2'),
      );
      for (const device of [a, b]) {
        expect(await device.collection.db.notes.get('aws-2')).toBeUndefined();
        expect(await lostFronts(device, 'aws-2')).toEqual(['Edited on A before the deletion']);
      }
    } finally {
      await close();
    }
  }, 60_000);

  it('let an edit made after a sync win over the version that sync brought, however long ago that version was made', async () => {
    const { a, b, close } = await twoDevices();
    try {
      await a.collection.updateNote('aws-3', { fields: ['Edited on A', 'Answer 3'] }, T0);
      await a.sync();
      await b.sync();
      await b.collection.updateNote('aws-3', { fields: ['Edited on B after seeing A’s edit', 'Answer 3'] }, T0);
      await b.sync();
      await a.sync();
      for (const device of [a, b]) {
        expect(await frontOf(device, 'aws-3')).toBe('Edited on B after seeing A’s edit');
        expect(await lostFronts(device, 'aws-3')).toEqual([]);
      }
    } finally {
      await close();
    }
  }, 60_000);
});
