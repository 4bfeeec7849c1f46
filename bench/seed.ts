import { queueOf, type KiokuDb } from '../src/renderer/src/storage/db';
import type { SyntheticCollection } from './synthetic';

const CHUNK = 10_000;

export interface Seeded {
  cards: number;
  notes: number;
  reviews: number;
  ms: number;
}

/** Writes the whole synthetic collection into an emptied database, in big bulkPut chunks. */
export async function seedCollection(db: KiokuDb, data: SyntheticCollection): Promise<Seeded> {
  const started = performance.now();
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
  await db.decks.bulkPut(data.decks.map((deck) => ({ ...deck, options: {} })));
  await db.noteTypes.bulkPut(data.noteTypes);
  for (let i = 0; i < data.notes.length; i += CHUNK) await db.notes.bulkPut(data.notes.slice(i, i + CHUNK));
  for (let i = 0; i < data.cards.length; i += CHUNK) {
    await db.cards.bulkPut(data.cards.slice(i, i + CHUNK).map((card) => ({ ...card, queue: queueOf(card) })));
  }
  let reviews = 0;
  // Reviews carry their card's deck, as the app writes them.
  const deckOf = new Map(data.cards.map((card) => [card.id, card.deckId]));
  for (const chunk of data.reviewChunks(CHUNK)) {
    await db.reviews.bulkPut(chunk.map((review) => ({ ...review, deckId: deckOf.get(review.cardId) })));
    reviews += chunk.length;
  }
  return { cards: data.cards.length, notes: data.notes.length, reviews, ms: performance.now() - started };
}
