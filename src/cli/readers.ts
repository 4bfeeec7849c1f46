import type { CollectionData } from '../core/collection/model';
import { parseDeckFile } from '../core/deck-format';
import { deckFromNotesFile } from '../core/decks';

/**
 * File formats the command line can read into a collection. A new format (an Anki package, a CSV)
 * is one more entry: a test for whether a file is of that format, and a reader.
 */
export interface FormatReader {
  matches(fileName: string, bytes: Uint8Array): boolean;
  /** Throws an error whose message names the file and where in it the problem is. */
  read(bytes: Uint8Array, fileName: string): ReaderResult;
}

export interface ReaderResult {
  data: CollectionData;
  warnings: string[];
}

const decodeText = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const extensionOf = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

export const READERS: ReadonlyMap<string, FormatReader> = new Map<string, FormatReader>([
  [
    'kioku-deck',
    {
      matches: (fileName, bytes) => extensionOf(fileName) === 'json' || decodeText(bytes.subarray(0, 64)).trimStart().startsWith('{'),
      read: (bytes, fileName) => ({ data: parseDeckFile(decodeText(bytes), fileName), warnings: [] }),
    },
  ],
  [
    'kioku-notes',
    {
      matches: (fileName, bytes) =>
        ['md', 'markdown'].includes(extensionOf(fileName)) || /^\s*[#＃]{2}/.test(decodeText(bytes.subarray(0, 64))),
      read: (bytes, fileName) => {
        const { data, warnings } = deckFromNotesFile(decodeText(bytes), fileName);
        return { data, warnings: warnings.map((w) => `${fileName}:${w.line}: ${w.message}`) };
      },
    },
  ],
]);

/** The first registered format that claims the file, or null. */
export function formatOf(fileName: string, bytes: Uint8Array): string | null {
  for (const [name, reader] of READERS) {
    if (reader.matches(fileName, bytes)) return name;
  }
  return null;
}
