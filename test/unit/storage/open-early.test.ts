import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '../../../src/renderer/src/storage/database-name';
import { KiokuDb } from '../../../src/renderer/src/storage/db';
import { openDatabaseEarly } from '../../../src/renderer/src/storage/open-early';

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

const usual = { ...Dexie.dependencies };
afterEach(() => {
  Object.assign(Dexie.dependencies, usual);
});

/** The app's database on a browser of its own, so the fixed database name is never shared between tests. */
function kiokuDbOn(factory: IDBFactory): KiokuDb {
  Object.assign(Dexie.dependencies, { indexedDB: factory, IDBKeyRange });
  return new KiokuDb();
}

describe('opening the database before the app has loaded', () => {
  it('creates nothing on a first start, so the app creates the database with its own schema', async () => {
    const factory = new IDBFactory();
    openDatabaseEarly(factory);
    await settled();
    expect(await factory.databases()).toEqual([]);

    const db = kiokuDbOn(factory);
    try {
      await db.open();
      expect(db.tables.map((table) => table.name)).toContain('cards');
      expect(await db.decks.count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('lets the app open and write while it holds the database open', async () => {
    const factory = new IDBFactory();
    const first = kiokuDbOn(factory);
    await first.decks.put({ id: 'deck-jp', name: '日本語', options: {} });
    first.close();

    openDatabaseEarly(factory);
    const db = kiokuDbOn(factory);
    try {
      expect(await db.decks.get('deck-jp')).toMatchObject({ name: '日本語' });
      await db.decks.put({ id: 'deck-aws', name: 'AWS', options: {} });
      expect(await db.decks.count()).toBe(2);
    } finally {
      db.close();
    }
  });

  it('never blocks a newer app that must upgrade the database', async () => {
    const factory = new IDBFactory();
    const first = kiokuDbOn(factory);
    await first.open();
    const version = first.backendDB().version;
    first.close();

    openDatabaseEarly(factory);
    await settled();
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = factory.open(DATABASE_NAME, version + 1);
      request.onblocked = () => reject(new Error('the upgrade was blocked by the early connection'));
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toBe(version + 1);
  });
});
