import { DeckFormatError } from '../../../core/deck-format';
import { NotesFileError } from '../../../core/decks';
import { ImportError } from '../../../core/formats';
import { StorageFullError } from '../storage/storage-full';

/**
 * Whether an error is something the learner can act on (a bad file, a full disk): its message
 * names the file and where, and is shown as it is. Anything else is a bug in Kioku.
 */
export function isFileProblem(error: unknown): error is Error {
  return error instanceof ImportError || error instanceof DeckFormatError || error instanceof NotesFileError || error instanceof StorageFullError;
}

/** Cancelling through an AbortSignal rejects with an error named AbortError, as fetch does. */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
