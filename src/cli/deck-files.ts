import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serializeDeckFile } from '../core/deck-format';
import { countCards, deckFromNotesFile } from '../core/decks';
import { CliError } from './output';

export interface DeckFileOutput {
  /** Repo-relative path of the deck file, e.g. `decks/aws-security.json`. */
  path: string;
  text: string;
  summary: string;
  warnings: string[];
}

/**
 * The deck files that `decks/notes/*.md` produce, in memory. Paths are repo-relative so the
 * output (which records its source path) is the same on every machine.
 */
export function generateDeckFiles(repoRoot: string): DeckFileOutput[] {
  const notesDir = join(repoRoot, 'decks', 'notes');
  if (!existsSync(notesDir)) throw new CliError('decks/notes: folder not found; notes files go there');
  const names = readdirSync(notesDir).filter((name) => name.endsWith('.md')).sort();
  return names.map((name) => {
    const source = `decks/notes/${name}`;
    const { data, warnings } = deckFromNotesFile(readFileSync(join(notesDir, name), 'utf8'), source);
    const path = `decks/${name.replace(/\.md$/, '.json')}`;
    return {
      path,
      text: serializeDeckFile(data),
      summary: `${path}: ${data.decks.length} decks, ${data.notes.length} notes, ${countCards(data)} cards (from ${source})`,
      warnings: warnings.map((w) => `${source}:${w.line}: ${w.message}`),
    };
  });
}
