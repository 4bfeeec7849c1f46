import type { CardRow, KiokuDb } from './db';

/**
 * The cards of `noteIds`. Asked for all at once, one getAll per note on the noteId index: a
 * cursor over `anyOf` costs a request per card, and fake-indexeddb re-searches its index at each
 * step. When most notes are asked for, one read of every card is fewer requests still.
 */
export async function cardsOfNotes(db: KiokuDb, noteIds: Iterable<string>): Promise<CardRow[]> {
  const wanted = new Set(noteIds);
  if (wanted.size === 0) return [];
  return db.transaction('r', db.cards, db.notes, async () => {
    if (wanted.size * 2 > (await db.notes.count())) return (await db.cards.toArray()).filter((card) => wanted.has(card.noteId));
    return (await Promise.all([...wanted].map((noteId) => db.cards.where('noteId').equals(noteId).toArray()))).flat();
  });
}
