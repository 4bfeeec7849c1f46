import { readFileSync } from 'node:fs';
import type { CollectionData, Note } from '../../../src/core/collection/model';
import { deckFromNotesFile } from '../../../src/core/decks';

export const REAL_NOTES = readFileSync(new URL('../../../decks/notes/aws-security.md', import.meta.url), 'utf8');

export function generate(text: string = REAL_NOTES): CollectionData {
  return deckFromNotesFile(text, 'decks/notes/aws-security.md').data;
}

/** The note whose first field is exactly `front`; fails the test when there is none. */
export function noteAsking(data: CollectionData, front: string): Note {
  const note = data.notes.find((n) => n.fields[0] === front);
  if (!note) throw new Error(`no note asks ${front}`);
  return note;
}

export function deckNameOf(data: CollectionData, note: Note): string | undefined {
  return data.decks.find((deck) => deck.id === note.deckId)?.name;
}
