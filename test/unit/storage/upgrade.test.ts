import { describe, expect, it } from 'vitest';
import { freshName } from './helpers';
import { CardState } from '../../../src/core/collection/model';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { V1_CARDS, V1_REVIEWS, V1_TIME, buildV1Database } from '../../fixtures/db/v1-database';

describe('schema upgrade', () => {
  it('opens a version-1 database with data in it, upgrades it and finds everything', async () => {
    const name = freshName();
    await buildV1Database(name);
    const collection = new Collection({ name, zone: 'Asia/Tokyo' });

    expect((await collection.db.decks.toArray()).map((deck) => deck.name).sort()).toEqual(['日本語', '日本語::漢字']);
    expect(await collection.db.notes.count()).toBe(2);
    expect(await collection.db.reviews.toArray()).toEqual(V1_REVIEWS);
    expect(collection.db.verno).toBe(2);
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
