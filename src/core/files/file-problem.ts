import { DeckFormatError } from '../deck-format';
import { NotesFileError } from '../decks';
import { ImportError } from '../formats';

/** Whether an error comes from a bad file: its message names the file and where, and is shown as it is. */
export function isBadFile(error: unknown): error is Error {
  return error instanceof ImportError || error instanceof DeckFormatError || error instanceof NotesFileError;
}

/** Cancelling through an AbortSignal rejects with an error named AbortError, as fetch does. */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
