import { BUILT_IN_NOTE_TYPES, newCardsFor } from '../../../core/cards';
import type { NoteType } from '../../../core/collection/model';
import { checkNoteType } from '../../../core/note-types/check';
import { movesValues, noteAfterFieldEdits, type FieldEdit } from '../../../core/note-types/edit';
import { queueOf, type CardRow, type KiokuDb } from './db';
import { addToDeckTotals } from './deck-totals';

/** Every note type a new note can use: the stored ones, and the built-in ones not stored yet (an empty collection has none). */
export async function usableNoteTypes(db: KiokuDb): Promise<NoteType[]> {
  const stored = await db.noteTypes.toArray();
  const have = new Set(stored.map((type) => type.id));
  return [...stored, ...BUILT_IN_NOTE_TYPES.filter((type) => !have.has(type.id)).map((type) => structuredClone(type))];
}

/** How many notes use each note type. */
export async function noteTypeUse(db: KiokuDb): Promise<Map<string, number>> {
  const use = new Map<string, number>();
  await db.notes.orderBy('noteTypeId').eachKey((key) => {
    use.set(String(key), (use.get(String(key)) ?? 0) + 1);
  });
  return use;
}

/** A built-in note type is stored the first time a note uses it; inside the caller's transaction. */
export async function storeBuiltInIfMissing(db: KiokuDb, noteTypeId: string): Promise<void> {
  const builtIn = BUILT_IN_NOTE_TYPES.find((type) => type.id === noteTypeId);
  if (builtIn && !(await db.noteTypes.get(noteTypeId))) await db.noteTypes.add(structuredClone(builtIn));
}

function refuseProblems(type: NoteType): void {
  const problems = checkNoteType(type);
  if (problems.length > 0) throw new Error(`Note type "${type.name}": ${problems.map((problem) => problem.kind).join(', ')}`);
}

export async function addNoteType(db: KiokuDb, type: NoteType): Promise<void> {
  refuseProblems(type);
  const names = (await db.noteTypes.toArray()).map((other) => other.name);
  if (names.includes(type.name)) throw new Error(`A note type named "${type.name}" already exists`);
  await db.noteTypes.add(type);
}

/** What saving a changed note type did to the collection, for the learner to read. */
export interface NoteTypeSaved {
  notesChanged: number;
  cardsAdded: number;
  cardsRemoved: number;
}

/**
 * Saves a changed note type. `edits` is the editor's field list (see core/note-types/edit.ts):
 * every note of the type gets its values moved with their fields. Cards follow the templates:
 * a template added at the end gives every note whose front it fills a new card, a template
 * removed from the end takes its cards (their reviews stay in the log). Runs in the caller's
 * transaction when there is one (the undo step's).
 */
export async function saveNoteType(db: KiokuDb, next: NoteType, edits: readonly FieldEdit[], now: number): Promise<NoteTypeSaved> {
  refuseProblems(next);
  return db.transaction('rw', [db.noteTypes, db.notes, db.cards, db.deckTotals], async () => {
    const before = (await db.noteTypes.get(next.id)) ?? BUILT_IN_NOTE_TYPES.find((type) => type.id === next.id);
    if (!before) throw new Error(`Saving a note type: no note type with id ${next.id}`);
    if (edits.length !== next.fields.length) throw new Error(`Saving note type "${next.name}": ${edits.length} field changes for ${next.fields.length} fields`);
    const others = (await db.noteTypes.toArray()).filter((type) => type.id !== next.id);
    if (others.some((type) => type.name === next.name)) throw new Error(`A note type named "${next.name}" already exists`);
    await db.noteTypes.put(next);
    let notes = await db.notes.where('noteTypeId').equals(next.id).toArray();
    if (movesValues(edits, before.fields.length)) {
      notes = notes.map((note) => noteAfterFieldEdits(note, edits, now));
      await db.notes.bulkPut(notes);
    }
    const cards = await db.cards.where('noteId').anyOf(notes.map((note) => note.id)).toArray();
    const gone = next.kind === 'standard' ? cards.filter((card) => card.template >= next.templates.length) : [];
    await db.cards.bulkDelete(gone.map((card) => card.id));
    await addToDeckTotals(db, gone, -1);
    const have = new Set(cards.map((card) => card.id));
    const added = notes.flatMap((note) => newCardsFor(next, note, now).filter((card) => !have.has(card.id)));
    await db.cards.bulkAdd(added.map((card): CardRow => ({ ...card, queue: queueOf(card) })));
    await addToDeckTotals(db, added, 1);
    return { notesChanged: movesValues(edits, before.fields.length) ? notes.length : 0, cardsAdded: added.length, cardsRemoved: gone.length };
  });
}

/** Deletes a note type no note uses; one in use is refused, as its notes would lose their fields' names. */
export async function deleteNoteType(db: KiokuDb, id: string): Promise<void> {
  await db.transaction('rw', [db.noteTypes, db.notes], async () => {
    const used = await db.notes.where('noteTypeId').equals(id).count();
    if (used > 0) throw new Error(`Deleting a note type: ${used} notes use it`);
    await db.noteTypes.delete(id);
  });
}
