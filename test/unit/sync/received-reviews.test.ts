import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { builtInDecks, MINUTE, T0 } from '../storage/helpers';
import { canonicalDump } from './devices';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-received-reviews');

describe('answers that came from another device', () => {
  it('are not sent back, and a restore of a backup made before they came takes them away on every device', async () => {
    const { a, b, close } = await twoDevices({ decks: builtInDecks(10) });
    try {
      const backup = await b.collection.createBackup(T0);
      for (let i = 0; i < 3; i++) await a.collection.answer(`aws-${i}/0`, Rating.Good, T0 + (i + 1) * MINUTE, 3000);
      await a.sync();
      await b.sync();
      expect(await b.collection.db.reviews.count()).toBe(3);

      // A restore rewrites the whole log: every review is compared with what was exchanged, and those that came from A are not new.
      await b.collection.restoreBackup(await b.collection.createBackup(T0 + 10 * MINUTE), { fileName: 'same.kioku-backup', now: T0 + 10 * MINUTE });
      expect((await b.sync()).problem).toBeUndefined();
      const sentReviews = await b.local.allDocs({ startkey: 'review:', endkey: 'review:\uffff' });
      expect(sentReviews.rows.map((row) => row.value?.rev.split('-')[0])).toEqual(['1', '1', '1']);
      expect(await b.collection.db.syncLost.count()).toBe(0);

      await b.collection.restoreBackup(backup, { fileName: 'before.kioku-backup', now: T0 + 20 * MINUTE });
      expect(await b.collection.db.reviews.count()).toBe(0);
      expect((await b.sync()).problem).toBeUndefined();
      await a.sync();
      expect(await a.collection.db.reviews.count()).toBe(0);
      expect(await canonicalDump(a.collection)).toEqual(await canonicalDump(b.collection));
    } finally {
      await close();
    }
  }, 120_000);
});
