import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../src/core/sync/hlc';
import { T0 } from '../storage/helpers';
import { canonicalDump, Device } from './devices';
import { syncServerForFile } from './sync-server';

const { server, twoDevices } = syncServerForFile('kioku-server-conflicts');

/** One version of a note, as another client wrote it: a revision of its own, not on top of any other. */
function version(revision: string, wall: number, front: string) {
  return {
    _id: 'note:both-ways',
    _rev: `1-${revision}`,
    kind: 'note',
    stamp: formatStamp({ wall, counter: 0 }, 'other-client'),
    data: { id: 'both-ways', noteTypeId: 'kioku-basic', deckId: 'deck-aws', fields: [front, 'Back'], tags: [], modified: T0 },
  };
}

describe('a document the server holds in conflict', () => {
  it('is settled the same way by a device that syncs for the first time and by one that synced before', async () => {
    const { a, target, close } = await twoDevices();
    const newDevice = new Device(target);
    try {
      const now = Date.now();
      const response = await server().request(`/${target.database}/_bulk_docs`, {
        method: 'POST',
        body: { new_edits: false, docs: [version('aaaa', now - 60_000, 'Older front'), version('bbbb', now - 1000, 'Newer front')] },
      });
      expect(response.status).toBe(201);

      expect((await newDevice.sync()).problem).toBeUndefined();
      expect((await a.sync()).problem).toBeUndefined();
      for (const device of [newDevice, a]) {
        expect((await device.collection.db.notes.get('both-ways'))?.fields[0]).toBe('Newer front');
        const lost = await device.collection.db.syncLost.where('recordId').equals('note:both-ways').toArray();
        expect(lost.map((version) => (version.lost as { fields: string[] }).fields[0])).toEqual(['Older front']);
      }
      expect(await canonicalDump(newDevice.collection)).toEqual(await canonicalDump(a.collection));
    } finally {
      await newDevice.close();
      await close();
    }
  }, 120_000);
});
