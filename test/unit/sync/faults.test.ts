import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SyncError } from '../../../src/core/sync/errors';
import type { ServerAccount } from '../../../src/renderer/src/storage/sync/pouch';
import { readSyncMeta } from '../../../src/renderer/src/storage/sync/sync-meta';
import { builtInDecks, T0 } from '../storage/helpers';
import { freePort, LEARNER } from './couch-server';
import { canonicalDump, Device } from './devices';
import { syncServerForFile } from './sync-server';

const { server: running, account } = syncServerForFile('faults');

/** A device with the built-in decks, and the problem its sync fails with; its collection must not change. */
async function failingSync(target: ServerAccount, options: Parameters<Device['sync']>[0] = {}): Promise<{ problem: string; device: Device }> {
  const device = new Device(target);
  await device.collection.installDecks(builtInDecks(5), T0);
  const before = await canonicalDump(device.collection);
  const error = await device.sync(options).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SyncError);
  expect(await canonicalDump(device.collection)).toEqual(before);
  const meta = await readSyncMeta(device.collection.db, Date.now());
  expect(meta.last?.problem).toBe((error as SyncError).problem);
  return { problem: (error as SyncError).problem, device };
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const http = createServer(handler);
    http.listen(0, '127.0.0.1', () => {
      const address = http.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server: http });
    });
  });
}

describe('a sync that cannot complete says why and changes nothing', () => {
  it('wrong password', async () => {
    const target = { ...(await account()), password: 'not-the-password' };
    const { problem, device } = await failingSync(target);
    expect(problem).toBe('wrong-password');
    await device.close();
  });

  it('server unreachable', async () => {
    const port = await freePort();
    const { problem, device } = await failingSync({ url: `http://127.0.0.1:${port}`, database: 'kioku', ...LEARNER });
    expect(problem).toBe('unreachable');
    await device.close();
  });

  it('database missing', async () => {
    const target = await account();
    const { problem, device } = await failingSync({ ...target, database: 'no-such-database' });
    expect(problem).toBe('database-missing');
    await device.close();
  });

  it('something that is not CouchDB answering', async () => {
    const garbage = await listen((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html><body>Welcome to nginx!</body></html>');
    });
    const { problem, device } = await failingSync({ url: garbage.url, database: 'kioku', ...LEARNER });
    expect(problem).toBe('not-couchdb');
    garbage.server.close();
    await device.close();
  });

  it('garbage in the middle of replication: nothing of it is merged', async () => {
    const target = await account();
    const sender = new Device(target);
    await sender.collection.installDecks(builtInDecks(20), T0);
    await sender.sync();
    // A proxy that answers the changes feed with garbage, as a broken reverse proxy might.
    const proxy = await listen(async (request, response) => {
      if (request.url?.includes('_changes')) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"results": [ {"id": garb');
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${running().url}${request.url}`, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      response.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json', Date: upstream.headers.get('date') ?? '' });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    });
    const { problem, device } = await failingSync({ ...target, url: proxy.url });
    expect(['not-couchdb', 'interrupted']).toContain(problem);
    proxy.server.close();
    await device.close();
    await sender.close();
  });
});

describe('replication interrupted', () => {
  it('the server killed mid-replication: nothing half-merged, and after a restart both devices agree', async () => {
    let target = await account();
    const sender = new Device(target);
    await sender.collection.installDecks(builtInDecks(60), T0);
    for (let i = 0; i < 60; i++) await sender.collection.answer(`aws-${i}/0`, 3, T0 + i * 60_000, 2000);
    await sender.sync();

    const receiver = new Device(target);
    const empty = await canonicalDump(receiver.collection);
    let requests = 0;
    const killing: typeof fetch = async (input, init) => {
      if (++requests === 6) await running().kill();
      return fetch(input, init);
    };
    const error = await receiver.sync({ fetch: killing, batchSize: 10 }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect(['unreachable', 'interrupted']).toContain((error as SyncError).problem);
    expect(await canonicalDump(receiver.collection)).toEqual(empty);

    // Restarted in memory, the server is empty again: the sender sends everything anew.
    await running().launch();
    await running().setUp(target.database);
    target = { ...target };
    await sender.sync();
    const last = await receiver.sync();
    expect(last.problem).toBeUndefined();
    expect(await canonicalDump(receiver.collection)).toEqual(await canonicalDump(sender.collection));
    await sender.close();
    await receiver.close();
  }, 120_000);

  it('a document the server refuses is named, and the rest arrives whole', async () => {
    const target = await account();
    await running().request(`/${target.database}/_design/limits`, {
      method: 'PUT',
      body: { validate_doc_update: "function (doc) { if (JSON.stringify(doc).length > 4000) throw({ forbidden: 'document too large' }); }" },
    });
    const sender = new Device(target);
    await sender.collection.installDecks(builtInDecks(3), T0);
    const big = await sender.collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'deck-aws', fields: ['Long', 'x'.repeat(5000)] }, T0);
    const last = await sender.sync();
    expect(last.problem).toBe('rejected');
    expect(last.rejected.map((item) => item.id)).toEqual([`note:${big.note.id}`]);
    expect(last.detail).toContain('document too large');

    const receiver = new Device(target);
    await receiver.sync();
    const received = await canonicalDump(receiver.collection);
    expect(received.notes.map((note) => note.id)).not.toContain(big.note.id);
    expect(received.cards.some((card) => card.noteId === big.note.id)).toBe(false);
    expect(received.notes).toHaveLength(4);
    await sender.close();
    await receiver.close();
  }, 60_000);
});
