import { describe, expect, it } from 'vitest';
import { freshName } from './helpers';
import Dexie from 'dexie';
import { CardState } from '../../../src/core/collection/model';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { KiokuDb, SCHEMA_V1, SCHEMA_V2 } from '../../../src/renderer/src/storage/db';
import { V1_CARDS, V1_REVIEWS, V1_TIME, buildV1Database } from '../../fixtures/db/v1-database';

/** The version a new database opens at: an upgraded one must reach the same. */
async function latestVersion(): Promise<number> {
  const fresh = new KiokuDb(freshName());
  await fresh.open();
  fresh.close();
  return fresh.verno;
}

describe('schema upgrade', () => {
  it('opens a version-1 database with data in it, upgrades it and finds everything', async () => {
    const name = freshName();
    await buildV1Database(name);
    const collection = new Collection({ name, zone: 'Asia/Tokyo' });

    expect((await collection.db.decks.toArray()).map((deck) => deck.name).sort()).toEqual(['日本語', '日本語::漢字']);
    expect(await collection.db.notes.count()).toBe(2);
    expect(await collection.db.reviews.toArray()).toEqual(V1_REVIEWS);
    expect(collection.db.verno).toBe(await latestVersion());
    expect(await collection.db.media.count()).toBe(0);
    for (const card of V1_CARDS) {
      expect(await collection.db.cards.get(card.id)).toEqual({ ...card, queue: card.suspended ? -1 : card.state });
    }
    expect(await collection.settings()).toEqual({ language: 'ja', theme: 'dark', dayStartHour: 4 });
    expect((await collection.deckOptions('deck-jp-kanji')).newPerDay).toBe(5);

    const queue = await collection.todayQueue('deck-jp', V1_TIME);
    expect(queue.cards.map((card) => card.id)).toEqual(['n2/0']);
    const inTwoWeeks = await collection.todayQueue('deck-jp', V1_TIME + 14 * 86_400_000);
    expect(inTwoWeeks.cards.find((card) => card.state === CardState.Review)?.id).toBe('n1/0');
    collection.close();
  });
});

describe('schema upgrade to version 3 (media, note guids)', () => {
  it('opens a version-2 database, keeps every row and can then store media and find notes by Anki guid', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const card = { ...V1_CARDS[0]!, queue: CardState.Review };
    await v2.table('decks').add({ id: 'deck-jp', name: '日本語', options: { newPerDay: 5 } });
    await v2.table('notes').add({ id: 'n1', noteTypeId: 'kioku-basic', deckId: 'deck-jp', fields: ['犬', 'dog'], tags: [], modified: 1, guid: 'AnkiGuid1' });
    await v2.table('cards').add(card);
    await v2.table('reviews').bulkAdd(V1_REVIEWS);
    v2.close();

    const collection = new Collection({ name, zone: 'Asia/Tokyo' });
    expect(collection.db.verno).toBe(await latestVersion());
    expect(await collection.db.cards.get(card.id)).toEqual(card);
    expect(await collection.db.reviews.toArray()).toEqual(V1_REVIEWS);
    // Options pinned on the deck became a preset of its own (schema version 13).
    expect(await collection.db.decks.get('deck-jp')).toEqual({ id: 'deck-jp', name: '日本語', options: {}, presetId: 'preset-deck-jp' });
    expect((await collection.deckOptions('deck-jp')).newPerDay).toBe(5);
    expect((await collection.db.notes.where('guid').equals('AnkiGuid1').first())?.id).toBe('n1');
    await collection.db.media.put({ name: 'inu.png', mime: 'image/png', data: new Uint8Array([1, 2, 3]) });
    expect((await collection.mediaFile('inu.png'))?.data).toEqual(new Uint8Array([1, 2, 3]));
    collection.close();
  });
});
