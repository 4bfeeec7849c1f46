import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

/** Answers the card at each of its due times: Easy first, then `ratings`; returns each answer's leech outcome. */
async function lapses(collection: Collection, cardId: string, ratings: Rating[]) {
  let now = T0;
  const outcomes = [];
  for (const rating of [Rating.Easy, ...ratings]) {
    const answered = await collection.answer(cardId, rating, now, 3000);
    outcomes.push(answered.leech);
    now = Math.max(answered.card.due, now + MINUTE);
  }
  return outcomes;
}

describe('leeches', () => {
  it('tags the note and suspends the card on the lapse that reaches the threshold, and undo takes both back', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    await collection.setDeckOptions('deck-aws', { leechThreshold: 2, leechAction: 'suspend' });

    const outcomes = await lapses(collection, 'aws-0/0', [Rating.Again, Rating.Good, Rating.Again]);
    expect(outcomes).toEqual([null, null, null, 'suspended']);
    const card = await collection.db.cards.get('aws-0/0');
    expect([card?.lapses, card?.suspended, card?.state]).toEqual([2, true, CardState.Relearning]);
    expect((await collection.db.notes.get('aws-0'))?.tags).toEqual(['leech']);
    expect((await collection.browse('tag:leech', T0)).map((row) => row.card.id)).toEqual(['aws-0/0']);

    await collection.undo();
    expect((await collection.db.cards.get('aws-0/0'))?.suspended).toBe(false);
    expect((await collection.db.notes.get('aws-0'))?.tags).toEqual([]);
  });

  it("only tags with Anki's default action, and says nothing below the threshold", async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    expect((await collection.deckOptions('deck-aws')).leechThreshold).toBe(8);
    await collection.setDeckOptions('deck-aws', { leechThreshold: 1 });

    expect(await lapses(collection, 'aws-1/0', [Rating.Again])).toEqual([null, 'tagged']);
    expect((await collection.db.cards.get('aws-1/0'))?.suspended).toBe(false);
    expect((await collection.db.notes.get('aws-1'))?.tags).toEqual(['leech']);
  });
});
