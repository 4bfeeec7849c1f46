/**
 * Sync figures, measured in Node against a real PouchDB Server (CouchDB's HTTP API) on
 * 127.0.0.1, as the sync tests run it: the collection in fake-indexeddb, the device's PouchDB copy
 * in memory. The floor is plain PouchDB replicating the same documents (same number, same size)
 * from a local copy to another empty database of the same server.
 */
import 'fake-indexeddb/auto';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { CouchServer, LEARNER } from '../../test/unit/sync/couch-server';
import { Rating } from '../../src/core/collection/model';
import { Collection } from '../../src/renderer/src/storage/collection';
import { addPouchAdapter, openLocalPouch, openRemotePouch, replicate, type PouchDatabase, type ServerAccount, type StoredDoc } from '../../src/renderer/src/storage/sync/pouch';
import { seedCollection } from '../seed';
import { syntheticCollection, type SyntheticSize } from '../synthetic';

addPouchAdapter(MemoryAdapter);

/** The batch the app replicates with (run.ts), used for the floor too. */
const BATCH = 500;
const PAGE = 5_000;

export interface SyncSamples {
  first: number;
  floor: number;
  incremental: number;
  docs: number;
  sessionReviews: number;
}

async function account(server: CouchServer, database: string): Promise<ServerAccount> {
  await server.setUp(database);
  return { url: server.url, database, ...LEARNER };
}

/** Copies every document of `from` into `to` without their revisions, a page at a time. */
async function copyDocs(from: PouchDatabase, to: PouchDatabase): Promise<number> {
  let copied = 0;
  let startkey: string | undefined;
  for (;;) {
    const page = await from.allDocs({ include_docs: true, limit: PAGE + 1, ...(startkey === undefined ? {} : { startkey }) });
    const rows = page.rows.filter((row) => row.doc);
    const batch = rows.slice(0, PAGE);
    if (batch.length === 0) break;
    await to.bulkDocs(batch.map(({ doc }) => {
      const { _rev: _ignored, ...fresh } = doc as StoredDoc;
      return fresh as StoredDoc;
    }));
    copied += batch.length;
    if (rows.length <= PAGE) break;
    startkey = rows[PAGE]!.id;
  }
  return copied;
}

/**
 * First sync of a collection of `size` into an empty server database, the floor for the same
 * documents, then an incremental sync after a session of `sessionReviews` answers.
 */
export async function measureSync(size: SyntheticSize, sessionReviews: number, log: (message: string) => void): Promise<SyncSamples> {
  const server = await CouchServer.start();
  const name = `kioku-bench-sync-${Date.now()}`;
  const collection = new Collection({ name, zone: 'Asia/Tokyo' });
  const local = openLocalPouch(`${name}-sync`, 'memory');
  try {
    const now = Date.now();
    const seeded = await seedCollection(collection.db, syntheticCollection(size, now));
    log(`sync: seeded ${seeded.cards} cards and ${seeded.reviews} reviews into fake-indexeddb in ${Math.round(seeded.ms)} ms`);
    const target = await account(server, 'kioku-bench');
    const sync = () => collection.sync({ local, account: target, now: Date.now });

    let started = performance.now();
    const firstRun = await sync();
    const first = performance.now() - started;
    if (firstRun.problem) throw new Error(`first sync failed: ${firstRun.problem} ${firstRun.detail ?? ''}`);
    log(`sync: first sync sent ${firstRun.sent} documents in ${Math.round(first)} ms`);

    const floorSource = openLocalPouch(`${name}-floor`, 'memory');
    const docs = await copyDocs(local, floorSource);
    const floorTarget = openRemotePouch(await account(server, 'kioku-bench-floor'));
    started = performance.now();
    const floorRun = await replicate(floorSource, floorTarget, { batchSize: BATCH });
    const floor = performance.now() - started;
    log(`sync: floor replicated ${floorRun.docs_written} of ${docs} documents in ${Math.round(floor)} ms`);
    await floorSource.destroy();

    const cards = await collection.db.cards.limit(sessionReviews).primaryKeys();
    for (const [i, cardId] of cards.entries()) await collection.answer(cardId, i % 7 === 0 ? Rating.Again : Rating.Good, Date.now(), 3000);
    started = performance.now();
    const incrementalRun = await sync();
    const incremental = performance.now() - started;
    if (incrementalRun.problem) throw new Error(`incremental sync failed: ${incrementalRun.problem}`);
    log(`sync: incremental sync sent ${incrementalRun.sent} documents in ${Math.round(incremental)} ms`);
    return { first, floor, incremental, docs, sessionReviews: cards.length };
  } finally {
    collection.close();
    await local.destroy();
    await server.stop();
  }
}
