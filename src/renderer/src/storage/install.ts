import { newCardsFor, cardTemplatesFor } from '../../../core/cards';
import { withAddedTime } from '../../../core/search';
import type { Card, CollectionData, Note } from '../../../core/collection/model';
import { queueOf, type CardRow, type KiokuDb } from './db';
import { recountDeckTotals } from './deck-totals';
import { checkNote } from './note-check';

export interface InstallReport {
  added: number;
  updated: number;
  /** Notes gone from the new decks: their cards are suspended, never deleted, so history stays. */
  suspended: number;
}

/** Note ids of the built-in decks as last installed, to tell a removed note from one the learner added. */
const INSTALLED_NOTES_KEY = 'installedNotes';

function sameContent(a: Note, b: Note): boolean {
  return (
    a.noteTypeId === b.noteTypeId &&
    a.deckId === b.deckId &&
    JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags)
  );
}

function row(card: Card): CardRow {
  return { ...card, queue: queueOf(card) };
}

/**
 * Installs the built-in decks, or applies a regenerated version of them. Notes are matched by
 * id: changed text is applied, new notes get new cards, notes no longer present have their
 * cards suspended. Existing cards keep their schedule and reviews. All in one transaction.
 */
export async function installDecks(db: KiokuDb, data: CollectionData, now: number): Promise<InstallReport> {
  return db.transaction('rw', [db.decks, db.noteTypes, db.notes, db.cards, db.settings, db.deckTotals], async () => {
    const report: InstallReport = { added: 0, updated: 0, suspended: 0 };
    const deckIds = new Set([...data.decks.map((deck) => deck.id), ...(await db.decks.toCollection().primaryKeys())]);
    const noteTypes = new Map((await db.noteTypes.toArray()).map((type) => [type.id, type]));
    for (const type of data.noteTypes) noteTypes.set(type.id, type);
    const given = new Map((data.cards ?? []).map((card) => [card.id, card]));

    for (const deck of data.decks) {
      const existing = await db.decks.get(deck.id);
      // What the learner made of a deck stays: its name (renamed or moved), preset and exam.
      await db.decks.put(existing ? { ...deck, ...existing } : { ...deck, options: {} });
    }
    await db.noteTypes.bulkPut(data.noteTypes);

    const stored = new Map((await db.notes.bulkGet(data.notes.map((note) => note.id))).flatMap((n) => (n ? [[n.id, n]] : [])));
    for (const [position, note] of data.notes.entries()) {
      const noteType = noteTypes.get(note.noteTypeId);
      checkNote(note, noteType, 'Installing decks');
      if (!deckIds.has(note.deckId)) throw new Error(`Installing decks: note ${note.id} is in deck ${note.deckId}, which does not exist`);
      const before = stored.get(note.id);
      if (before && sameContent(before, note)) continue;
      // Generated notes carry no clock time; stored, they get the time they arrived or changed, which an Anki export needs.
      await db.notes.put(withAddedTime({ ...note, modified: before || note.modified <= 0 ? now : note.modified }, before, now));
      if (before) report.updated++;
      else report.added++;
      const have = new Set(await db.cards.where('noteId').equals(note.id).primaryKeys());
      // New cards are due in file order (one ms apart), so a deck's lessons are introduced in the order written.
      const cards = newCardsFor(noteType, note, now + position)
        .filter((card) => !have.has(card.id))
        .map((card) => given.get(card.id) ?? card);
      await db.cards.bulkAdd(cards.map(row));
      const wanted = new Set(cardTemplatesFor(noteType, note));
      const gone = (await db.cards.where('noteId').equals(note.id).toArray()).filter((card) => !wanted.has(card.template));
      for (const card of gone) await db.cards.update(card.id, { suspended: true, queue: queueOf({ ...card, suspended: true }) });
    }

    const previous = ((await db.settings.get(INSTALLED_NOTES_KEY))?.value as string[] | undefined) ?? [];
    const installedNow = new Set(data.notes.map((note) => note.id));
    for (const noteId of previous.filter((id) => !installedNow.has(id))) {
      const cards = await db.cards.where('noteId').equals(noteId).toArray();
      if (cards.length === 0 || cards.every((card) => card.suspended)) continue;
      for (const card of cards) await db.cards.update(card.id, { suspended: true, queue: queueOf({ ...card, suspended: true }) });
      report.suspended++;
    }
    await db.settings.put({ key: INSTALLED_NOTES_KEY, value: [...installedNow] });
    await recountDeckTotals(db, data.decks.map((deck) => deck.id));
    return report;
  });
}
