import { mediaNameProblem } from '../collection/validity';
import { ImportError } from './errors';

/**
 * Media names come from untrusted files and are only ever used as keys, but a name that looks
 * like a path (`../../etc/passwd`, `C:\x`) or carries control characters is refused by the one
 * validity rule, so it can never reach a file system API through some later export.
 */
export function checkMediaName(name: string, fileName: string, where: string): string {
  const problem = mediaNameProblem(name);
  if (problem) throw new ImportError(fileName, where, `media file name ${JSON.stringify(name)} is not allowed: it ${problem}`);
  return name;
}
