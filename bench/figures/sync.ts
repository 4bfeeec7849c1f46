/**
 * Sync figures, measured in Node against a real PouchDB Server (CouchDB's HTTP API) on
 * 127.0.0.1, as the sync tests run it: each collection in fake-indexeddb, each device's PouchDB
 * copy in memory. The floor is plain PouchDB replicating the same server database into an empty
 * copy.
 */
import 'fake-indexeddb/auto';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { CouchServer, LEARNER } from '../../test/unit/sync/couch-server';
import { Rating } from '../../src/core/collection/model';
import { Collection } from '../../src/renderer/src/storage/collection';
import { addPouchAdapter, openLocalPouch, openRemotePouch, replicate, type ServerAccount } from '../../src/renderer/src/storage/sync/pouch';
import { seedCollection } from '../seed';
import { syntheticCollection, type SyntheticSize } from '../synthetic';

addPouchAdapter(MemoryAdapter);

/** The batch the app pulls in (run.ts: ten of its 500-document push batches, one at a time), used for the floor too. */
const PULL_BATCH = 5_000;

export interface SyncSamples {
  upload: number;
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

/** How many cards and reviews a collection holds, to check the device that synced got all of them. */
async function counted(collection: Collection): Promise<string> {
  const [cards, reviews] = await Promise.all([collection.db.cards.count(), collection.db.reviews.count()]);
  return `${cards} cards, ${reviews} reviews`;
}

/**
 * A device with a collection of `size` sends it to an empty server database (its time reported
 * as `upload`); then an empty device's first sync brings it all in (`first`), next to the floor:
 * PouchDB replicating the same server database into an empty copy in memory, with the batches the
 * app pulls in. Then the second device answers `sessionReviews` cards and syncs (`incremental`).
 */
export async function measureSync(size: SyntheticSize, sessionReviews: number, log: (message: string) => void): Promise<SyncSamples> {
  const server = await CouchServer.start();
  const name = `kioku-bench-sync-${Date.now()}`;
  const sender = new Collection({ name: `${name}-sender`, zone: 'Asia/Tokyo' });
  const senderCopy = openLocalPouch(`${name}-sender-sync`, 'memory');
  const device = new Collection({ name: `${name}-device`, zone: 'Asia/Tokyo' });
  const deviceCopy = openLocalPouch(`${name}-device-sync`, 'memory');
  try {
    const seeded = await seedCollection(sender.db, syntheticCollection(size, Date.now()));
    log(`sync: seeded ${seeded.cards} cards and ${seeded.reviews} reviews into fake-indexeddb in ${Math.round(seeded.ms)} ms`);
    const target = await account(server, 'kioku-bench');

    let started = performance.now();
    const sent = await sender.sync({ local: senderCopy, account: target, now: Date.now });
    const upload = performance.now() - started;
    if (sent.problem) throw new Error(`upload failed: ${sent.problem} ${sent.detail ?? ''}`);
    log(`sync: the first device sent ${sent.sent} documents in ${Math.round(upload)} ms`);
    sender.close();

    started = performance.now();
    const firstRun = await device.sync({ local: deviceCopy, account: target, now: Date.now });
    const first = performance.now() - started;
    if (firstRun.problem) throw new Error(`first sync failed: ${firstRun.problem} ${firstRun.detail ?? ''}`);
    const arrived = await counted(device);
    log(`sync: an empty device's first sync received ${firstRun.received} documents in ${Math.round(first)} ms and holds ${arrived}`);
    if (arrived !== `${seeded.cards} cards, ${seeded.reviews} reviews`) throw new Error(`the empty device holds ${arrived} after its first sync, not the ${seeded.cards} cards and ${seeded.reviews} reviews sent`);

    const floorTarget = openLocalPouch(`${name}-floor`, 'memory');
    started = performance.now();
    const floorRun = await replicate(openRemotePouch(target), floorTarget, { batchSize: PULL_BATCH, batches: 1 });
    const floor = performance.now() - started;
    log(`sync: floor replicated ${floorRun.docs_written} documents in ${Math.round(floor)} ms`);
    await floorTarget.destroy();

    const cards = await device.db.cards.limit(sessionReviews).primaryKeys();
    for (const [i, cardId] of cards.entries()) await device.answer(cardId, i % 7 === 0 ? Rating.Again : Rating.Good, Date.now(), 3000);
    started = performance.now();
    const incrementalRun = await device.sync({ local: deviceCopy, account: target, now: Date.now });
    const incremental = performance.now() - started;
    if (incrementalRun.problem) throw new Error(`incremental sync failed: ${incrementalRun.problem}`);
    log(`sync: incremental sync sent ${incrementalRun.sent} documents in ${Math.round(incremental)} ms`);
    return { upload, first, floor, incremental, docs: floorRun.docs_written, sessionReviews: cards.length };
  } finally {
    sender.close();
    device.close();
    await senderCopy.destroy();
    await deviceCopy.destroy();
    await server.stop();
  }
}
