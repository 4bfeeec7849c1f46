import { isBadFile } from '../../../core/files/file-problem';
import { StorageFullError } from '../storage/storage-full';

export { isCancelled } from '../../../core/files/file-problem';

/**
 * Whether an error is something the learner can act on (a bad file, a full disk): its message
 * names the file and where, and is shown as it is. Anything else is a bug in Kioku.
 */
export function isFileProblem(error: unknown): error is Error {
  return isBadFile(error) || error instanceof StorageFullError;
}
