/**
 * Sync figures, measured in the bench page as the app syncs: the collection in Chromium's
 * IndexedDB, the device's PouchDB copy there too (PouchDB's IndexedDB adapter), and a real
 * PouchDB Server (CouchDB's HTTP API) behind the page's origin. The floor is plain PouchDB
 * replicating the same server database into an empty copy in the same IndexedDB.
 */
import Dexie from 'dexie';
import { Rating } from '../../src/core/collection/model';
import { Collection } from '../../src/renderer/src/storage/collection';
import { openLocalPouch, openRemotePouch, replicate, type ServerAccount } from '../../src/renderer/src/storage/sync/pouch';
import { seedCollection } from '../seed';
import { syntheticCollection, type SyntheticSize } from '../synthetic';

/** The batch the app pulls in (run.ts: ten of its 500-document push batches, one at a time), used for the floor too. */
const PULL_BATCH = 5_000;

export interface SyncSamples {
  upload: number;
  first: number;
  floor: number;
  incremental: number;
  docs: number;
  sessionReviews: number;
  /** What happened, step by step, for the driver to print. */
  log: string[];
}

/** How many cards and reviews a collection holds, to check the device that synced got all of them. */
async function counted(collection: Collection): Promise<string> {
  const [cards, reviews] = await Promise.all([collection.db.cards.count(), collection.db.reviews.count()]);
  return `${cards} cards, ${reviews} reviews`;
}

/**
 * A device with a collection of `size` sends it to the empty server database of `account` (its
 * time reported as `upload`); then an empty device's first sync brings it all in (`first`), next
 * to the floor: PouchDB replicating the same server database into an empty copy, with the batches
 * the app pulls in. Then the second device answers `sessionReviews` cards and syncs (`incremental`).
 * Every database it makes is deleted at the end.
 */
export async function measureSync(size: SyntheticSize, sessionReviews: number, account: ServerAccount): Promise<SyncSamples> {
  const log: string[] = [];
  const name = `kioku-bench-sync-${Date.now()}`;
  const sender = new Collection({ name: `${name}-sender`, zone: 'Asia/Tokyo' });
  const senderCopy = openLocalPouch(`${name}-sender-sync`);
  const device = new Collection({ name: `${name}-device`, zone: 'Asia/Tokyo' });
  const deviceCopy = openLocalPouch(`${name}-device-sync`);
  const floorCopy = openLocalPouch(`${name}-floor`);
  try {
    const seeded = await seedCollection(sender.db, syntheticCollection(size, Date.now()));
    log.push(`seeded ${seeded.cards} cards and ${seeded.reviews} reviews into IndexedDB in ${Math.round(seeded.ms)} ms`);

    let started = performance.now();
    const sent = await sender.sync({ local: senderCopy, account, now: Date.now });
    const upload = performance.now() - started;
    if (sent.problem) throw new Error(`upload failed: ${sent.problem} ${sent.detail ?? ''}`);
    log.push(`the first device sent ${sent.sent} documents in ${Math.round(upload)} ms`);

    started = performance.now();
    const firstRun = await device.sync({ local: deviceCopy, account, now: Date.now });
    const first = performance.now() - started;
    if (firstRun.problem) throw new Error(`first sync failed: ${firstRun.problem} ${firstRun.detail ?? ''}`);
    const arrived = await counted(device);
    log.push(`an empty device's first sync received ${firstRun.received} documents in ${Math.round(first)} ms and holds ${arrived}`);
    if (arrived !== `${seeded.cards} cards, ${seeded.reviews} reviews`) throw new Error(`the empty device holds ${arrived} after its first sync, not the ${seeded.cards} cards and ${seeded.reviews} reviews sent`);

    started = performance.now();
    const floorRun = await replicate(openRemotePouch(account), floorCopy, { batchSize: PULL_BATCH, batches: 1 });
    const floor = performance.now() - started;
    log.push(`floor replicated ${floorRun.docs_written} documents in ${Math.round(floor)} ms`);

    const cards = await device.db.cards.limit(sessionReviews).primaryKeys();
    for (const [i, cardId] of cards.entries()) await device.answer(cardId, i % 7 === 0 ? Rating.Again : Rating.Good, Date.now(), 3000);
    started = performance.now();
    const incrementalRun = await device.sync({ local: deviceCopy, account, now: Date.now });
    const incremental = performance.now() - started;
    if (incrementalRun.problem) throw new Error(`incremental sync failed: ${incrementalRun.problem}`);
    log.push(`incremental sync sent ${incrementalRun.sent} documents in ${Math.round(incremental)} ms`);
    return { upload, first, floor, incremental, docs: floorRun.docs_written, sessionReviews: cards.length, log };
  } finally {
    sender.close();
    device.close();
    await Promise.all([senderCopy.destroy(), deviceCopy.destroy(), floorCopy.destroy(), Dexie.delete(`${name}-sender`), Dexie.delete(`${name}-device`)]);
  }
}
