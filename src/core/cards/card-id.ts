import type { Id } from '../collection/model';

/** Derived from the note, never random, so reinstalling a deck finds the same cards and keeps their history. */
export function cardId(noteId: Id, templateIndex: number): Id {
  return `${noteId}/${templateIndex}`;
}
