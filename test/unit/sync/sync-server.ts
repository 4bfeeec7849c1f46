import { afterAll, beforeAll } from 'vitest';
import type { CollectionData } from '../../../src/core/collection/model';
import type { ServerAccount } from '../../../src/renderer/src/storage/sync/pouch';
import { builtInDecks, T0 } from '../storage/helpers';
import { CouchServer, LEARNER } from './couch-server';
import { Device } from './devices';

export interface TwoDevices {
  target: ServerAccount;
  a: Device;
  b: Device;
  close(): Promise<void>;
}

/**
 * For a sync test file: one real server for the file's tests, a fresh learner database for each
 * account, and two devices that start from the same decks and have synced once.
 */
export function syncServerForFile(prefix: string) {
  let server: CouchServer | null = null;
  let databases = 0;
  beforeAll(async () => {
    server = await CouchServer.start();
  }, 30_000);
  afterAll(() => server?.stop());

  const running = (): CouchServer => {
    if (!server) throw new Error('the sync server starts before the tests');
    return server;
  };

  async function account(): Promise<ServerAccount> {
    const database = `${prefix}-${++databases}`;
    await running().setUp(database);
    return { url: running().url, database, ...LEARNER };
  }

  async function twoDevices(options: { decks?: CollectionData; skew?: readonly [number, number] } = {}): Promise<TwoDevices> {
    const target = await account();
    const [skewA, skewB] = options.skew ?? [0, 0];
    const a = new Device(target, skewA);
    const b = new Device(target, skewB);
    const decks = options.decks ?? builtInDecks(5);
    await a.collection.installDecks(decks, T0);
    await b.collection.installDecks(decks, T0);
    await a.sync();
    await b.sync();
    return {
      target,
      a,
      b,
      async close() {
        await a.close();
        await b.close();
      },
    };
  }

  return { server: running, account, twoDevices };
}
