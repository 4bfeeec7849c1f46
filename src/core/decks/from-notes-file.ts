import { parseNotes } from '../notes';
import { buildDeck, type GeneratedDeck } from './build-deck';
import { deckTitleFromKey } from './deck-title';

/** Thrown when a notes file gives nothing to study, so a mistake never yields an empty deck silently. */
export class NotesFileError extends Error {
  constructor(
    readonly fileName: string,
    problem: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'NotesFileError';
  }
}

/**
 * The deck for one notes file. Its ids and top deck name come from the file name
 * (`decks/notes/aws-security.md` → key `aws-security`, deck `AWS Security`).
 * Parser and generator warnings are returned with the file's line numbers.
 */
export function deckFromNotesFile(text: string, path: string): GeneratedDeck {
  const fileName = path.split(/[/\\]/).pop() ?? path;
  const key = fileName.replace(/\.[^.]*$/, '');
  const parsed = parseNotes(text);
  const generated = buildDeck(parsed, { key, title: deckTitleFromKey(key), sourcePath: path });
  if (generated.data.notes.length === 0) {
    throw new NotesFileError(
      path,
      parsed.sections.length === 0
        ? 'no sections found (expected headings like ##1.title##)'
        : 'no cards could be made from any section',
    );
  }
  return { data: generated.data, warnings: [...parsed.warnings, ...generated.warnings].sort((a, b) => a.line - b.line) };
}
