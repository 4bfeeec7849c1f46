import 'fake-indexeddb/auto';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { sha1Hex } from '../../../src/core/formats/sha1';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { addPouchAdapter, openLocalPouch, type PouchDatabase, type ServerAccount } from '../../../src/renderer/src/storage/sync/pouch';
import type { LastSync } from '../../../src/renderer/src/storage/sync/sync-meta';
import { freshName, openCollection } from '../storage/helpers';

// fake-indexeddb cannot store the Blobs PouchDB's IndexedDB adapter writes, so the device's PouchDB copy lives in memory here.
addPouchAdapter(MemoryAdapter);

/**
 * PouchDB 9's HTTP adapter hands replicated attachments over as Blobs (Node's fetch), which its
 * LevelDB-based memory adapter cannot hash in Node; a browser's IndexedDB adapter stores Blobs.
 * The device's copy takes them as Buffers, as that adapter expects.
 */
function withBufferAttachments(db: PouchDatabase): PouchDatabase {
  const bulkDocs = db.bulkDocs.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as unknown as { bulkDocs: (...args: unknown[]) => Promise<unknown> }).bulkDocs = async (...args: unknown[]) => {
    const request = args[0] as { docs?: { _attachments?: Record<string, { data?: unknown }> }[] } | unknown[];
    const docs = Array.isArray(request) ? request : (request.docs ?? []);
    for (const doc of docs as { _attachments?: Record<string, { data?: unknown }> }[]) {
      for (const attachment of Object.values(doc._attachments ?? {})) {
        if (attachment.data instanceof Blob) attachment.data = Buffer.from(await attachment.data.arrayBuffer());
      }
    }
    return bulkDocs(...args);
  };
  return db;
}

/** One learner's device: a collection and its PouchDB copy, with a clock that may run fast or slow. */
export class Device {
  readonly collection: Collection;
  readonly local: PouchDatabase;
  backups = 0;

  constructor(
    readonly account: ServerAccount,
    readonly skew = 0,
  ) {
    const name = freshName();
    this.collection = openCollection(name);
    this.local = withBufferAttachments(openLocalPouch(`${name}-sync`, 'memory'));
  }

  now = (): number => Date.now() + this.skew;

  sync(options: { fetch?: typeof fetch; batchSize?: number } = {}): Promise<LastSync> {
    return this.collection.sync({
      local: this.local,
      account: this.account,
      now: this.now,
      beforeFirstMerge: async () => {
        this.backups++;
      },
      ...options,
    });
  }

  async close(): Promise<void> {
    this.collection.close();
    await this.local.destroy();
  }
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Everything a learner could see of a collection, in one comparable shape. */
export async function canonicalDump(collection: Collection) {
  const { db } = collection;
  const [decks, noteTypes, notes, cards, reviews, media, deckDefaults, presets, totals, attempts] = await Promise.all([
    db.decks.toArray(),
    db.noteTypes.toArray(),
    db.notes.toArray(),
    db.cards.toArray(),
    db.reviews.toArray(),
    db.media.toArray(),
    db.settings.get('deckDefaults'),
    db.settings.get('presets'),
    db.deckTotals.toArray(),
    db.attempts.toArray(),
  ]);
  return {
    decks: byId(decks),
    noteTypes: byId(noteTypes),
    notes: byId(notes),
    cards: byId(cards),
    reviews: byId(reviews),
    media: media.map((file) => ({ name: file.name, mime: file.mime, sha1: sha1Hex(file.data) })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    deckDefaults: deckDefaults?.value ?? null,
    presets: presets?.value ?? null,
    attempts: byId(attempts),
    deckTotals: totals.filter((row) => row.cards > 0).sort((a, b) => (a.deckId < b.deckId ? -1 : 1)),
  };
}
