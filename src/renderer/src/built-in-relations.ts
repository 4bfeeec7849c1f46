import { parseNotes } from '../../core/notes';
import { relationsOf, type RelationTable } from '../../core/questions';

/** The notes the built-in decks are generated from, bundled as text: their tables are what practice exams ask. */
const files = import.meta.glob<string>('@decks/notes/*.md', { eager: true, query: '?raw', import: 'default' });

let cached: RelationTable[] | undefined;

/** The relation tables of every bundled notes file, keyed as the deck generator keys its note ids. */
export function builtInRelations(): RelationTable[] {
  cached ??= Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, text]) => relationsOf(parseNotes(text), (path.split('/').at(-1) ?? path).replace(/\.[^.]*$/, '')));
  return cached;
}
