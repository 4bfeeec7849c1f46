import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { watchWrites, type WriteWatch } from '../../../src/renderer/src/desktop/watch-writes';

const opened: Dexie[] = [];
const watches: WriteWatch[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const watch of watches.splice(0)) watch.stop();
});

function database(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ notes: 'id' });
  opened.push(db);
  return db;
}

describe('watching the collection for writes', () => {
  it('counts committed writes to the watched database, not reads, not other databases', async () => {
    const name = `kioku-watch-${Math.random().toString(36).slice(2)}`;
    const collection = database(name);
    const backups = database(`${name}-backups`);
    // Creating a database is a write too; the app's is open before anything watches it.
    await Promise.all([collection.open(), backups.open()]);
    const watch = watchWrites(name);
    watches.push(watch);

    await collection.table('notes').toArray();
    await backups.table('notes').put({ id: 'backup-1' });
    expect(watch.writes()).toBe(0);

    await collection.table('notes').put({ id: 'n1' });
    await collection.transaction('rw', collection.table('notes'), async () => {
      await collection.table('notes').put({ id: 'n2' });
      await collection.table('notes').delete('n1');
    });
    // Each commit is noticed at least once (Dexie may also hear its own notice back from other tabs' channel).
    expect(watch.writes()).toBeGreaterThanOrEqual(2);
  });

  it('stops counting once stopped', async () => {
    const name = `kioku-watch-${Math.random().toString(36).slice(2)}`;
    const collection = database(name);
    await collection.open();
    const watch = watchWrites(name);
    watch.stop();
    await collection.table('notes').put({ id: 'n1' });
    expect(watch.writes()).toBe(0);
  });
});
