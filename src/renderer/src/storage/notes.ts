import { newCardsFor } from '../../../core/cards';
import type { Card, Note, NoteType } from '../../../core/collection/model';
import { queueOf, type CardRow, type KiokuDb } from './db';
import { addToDeckTotals } from './deck-totals';
import { checkCardTarget } from './decks';
import { newId } from './ids';
import { checkNote } from './note-check';
import { storeBuiltInIfMissing } from './note-types';

export interface NewNote {
  noteTypeId: string;
  deckId: string;
  fields: string[];
  tags?: string[];
}

/** Adds a note typed by the learner and creates its cards (one per template, or one per cloze). */
export async function addNote(db: KiokuDb, input: NewNote, now: number): Promise<{ note: Note; cards: Card[] }> {
  return db.transaction('rw', [db.notes, db.cards, db.noteTypes, db.decks, db.deckTotals], async () => {
    const note: Note = {
      id: newId(now),
      noteTypeId: input.noteTypeId,
      deckId: input.deckId,
      fields: [...input.fields],
      tags: [...(input.tags ?? [])],
      modified: now,
    };
    await storeBuiltInIfMissing(db, input.noteTypeId);
    const noteType = await db.noteTypes.get(input.noteTypeId);
    checkNote(note, noteType, 'Adding a note');
    await checkCardTarget(db, input.deckId, 'Adding a note');
    const cards = newCardsFor(noteType, note, now);
    if (cards.length === 0) {
      throw new Error(
        noteType.kind === 'cloze'
          ? 'Adding a note: the text has no cloze such as {{c1::answer}}, so it makes no card'
          : 'Adding a note: the fields shown on the front are empty, so it makes no card',
      );
    }
    await db.notes.add(note);
    await db.cards.bulkAdd(cards.map((card): CardRow => ({ ...card, queue: queueOf(card) })));
    await addToDeckTotals(db, cards, 1);
    return { note, cards };
  });
}

/** Changes a note's fields and tags; a new cloze number gets a new card, existing cards keep their schedule. */
export async function updateNote(
  db: KiokuDb,
  noteId: string,
  change: { fields?: string[]; tags?: string[] },
  now: number,
): Promise<Note> {
  return db.transaction('rw', [db.notes, db.cards, db.noteTypes, db.deckTotals], async () => {
    const before = await db.notes.get(noteId);
    if (!before) throw new Error(`Editing a note: no note with id ${noteId}`);
    const note: Note = { ...before, fields: change.fields ?? before.fields, tags: change.tags ?? before.tags, modified: now };
    const noteType = await db.noteTypes.get(note.noteTypeId);
    checkNote(note, noteType, 'Editing a note');
    const have = new Set(await db.cards.where('noteId').equals(noteId).primaryKeys());
    const added = newCardsFor(noteType, note, now).filter((card) => !have.has(card.id));
    await db.notes.put(note);
    await db.cards.bulkAdd(added.map((card): CardRow => ({ ...card, queue: queueOf(card) })));
    await addToDeckTotals(db, added, 1);
    return note;
  });
}

/** Deletes a note and its cards; their reviews stay in the log, which is never rewritten. */
export async function deleteNote(db: KiokuDb, noteId: string): Promise<void> {
  await db.transaction('rw', [db.notes, db.cards, db.deckTotals], async () => {
    const note = await db.notes.get(noteId);
    if (!note) throw new Error(`Deleting a note: no note with id ${noteId}`);
    const cards = await db.cards.where('noteId').equals(noteId).toArray();
    await db.cards.bulkDelete(cards.map((card) => card.id));
    await addToDeckTotals(db, cards, -1);
    await db.notes.delete(noteId);
  });
}

export interface CardWithNote {
  card: Card;
  note: Note;
  noteType: NoteType;
}

export async function cardWithNote(db: KiokuDb, card: Card): Promise<CardWithNote> {
  const note = await db.notes.get(card.noteId);
  if (!note) throw new Error(`Card ${card.id} belongs to note ${card.noteId}, which does not exist`);
  const noteType = await db.noteTypes.get(note.noteTypeId);
  if (!noteType) throw new Error(`Note ${note.id} uses note type ${note.noteTypeId}, which does not exist`);
  return { card, note, noteType };
}

