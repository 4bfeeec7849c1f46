import type { DeckRow, KiokuDb } from './db';

/**
 * Every card of each deck itself (subdecks not included), suspended and buried ones too. One
 * index count per deck, all started at once: walking every card's key costs a round trip per card.
 */
export async function cardCountsByDeck(db: KiokuDb, decks: readonly DeckRow[]): Promise<Map<string, number>> {
  const counts = await Promise.all(decks.map((deck) => db.cards.where('deckId').equals(deck.id).count()));
  return new Map(decks.map((deck, i) => [deck.id, counts[i] ?? 0]));
}
