import { ImportError } from './errors';

/**
 * Media names come from untrusted files and are only ever used as keys, but a name that looks
 * like a path (`../../etc/passwd`, `C:\x`) or carries control characters is rejected anyway so it
 * can never reach a file system API through some later export.
 */
export function checkMediaName(name: string, fileName: string, where: string): string {
  const unsafe =
    name.length === 0 ||
    name.length > 255 ||
    name.includes('/') ||
    name.includes('\\') ||
    name === '.' ||
    name === '..' ||
    name.includes('..') ||
    /^[a-zA-Z]:/.test(name) ||
    /[\u0000-\u001f\u007f]/.test(name);
  if (unsafe) {
    throw new ImportError(fileName, where, `media file name ${JSON.stringify(name)} is not allowed (names may not contain /, \\, .., a drive letter or control characters)`);
  }
  return name;
}
