import { sortRows } from '../../src/core/browse/columns';
import { Collection } from '../../src/renderer/src/storage/collection';
import { timed, timedPair } from '../repeat';
import type { PageSamples } from '../page-api';

/** The typical searches: a word, deck with is:due, a tag wildcard, a property, rated:, a negation. */
export const BROWSE_SEARCHES = {
  searchWord: 'protect',
  searchDeckDue: '"deck:Bench::Part 01" is:due',
  searchTag: 'tag:nfr::E.1*',
  searchProp: 'prop:ivl>30',
  searchRated: 'rated:7',
  searchNegation: 'tag:chapter-3 -tag:kind::threat',
} as const;

/**
 * One search, and as its floor the same cards read straight off the primary-key index (the
 * least any search returning them must read). The kept cards and notes are warm, as on every
 * keystroke after the first; the cold first search is `browseFirstRows`.
 */
export async function measureSearch(collection: Collection, search: string, times: number): Promise<PageSamples> {
  const ids = (await collection.browse(search, Date.now())).map((row) => row.card.id);
  const samples = await timedPair(
    () => collection.browse(search, Date.now()),
    () => collection.db.cards.bulkGet(ids),
    times,
  );
  return { ...samples, note: `${search} → ${ids.length} cards; floor = bulkGet of those cards` };
}

/** Browse opened fresh: a new connection (nothing kept), the whole collection found, sorted by due, first rows taken. */
export async function measureFirstRows(times: number): Promise<PageSamples> {
  const figure = await timed(
    async () => {
      const fresh = new Collection();
      try {
        const rows = await fresh.browse('', Date.now());
        sortRows(rows, 'due', false, { now: Date.now(), examAt: null }).slice(0, 40);
      } finally {
        fresh.close();
      }
    },
    times,
    1,
  );
  return { figure, note: 'new connection → every card found and sorted by due; the rows the table draws first are then ready (DOM paint not included)' };
}

/** Sorting every card by its question text, the costliest column (each card rendered once, then kept). */
export async function measureSort(collection: Collection, times: number): Promise<PageSamples> {
  const rows = await collection.browse('', Date.now());
  const figure = await timed(() => sortRows(rows, 'question', true, { now: Date.now(), examAt: null }), times);
  const byDue = await timed(() => sortRows(rows, 'due', false, { now: Date.now(), examAt: null }), times);
  const median = [...byDue].sort((a, b) => a - b)[Math.floor(byDue.length / 2)] ?? 0;
  return { figure, note: `${rows.length} rows by question text; by due (a number) median ${median.toFixed(1)} ms` };
}
