import { sortRows } from '../../src/core/browse/columns';
import { FIRST_ROWS } from '../../src/renderer/src/storage/browse-first-rows';
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

/**
 * Browse opened fresh: a new connection (nothing kept), then the rows Browse draws first in its
 * default order, every card by due, with how many cards there are (what the screen shows before
 * the whole list is read for searching and sorting by other columns).
 */
export async function measureFirstRows(times: number): Promise<PageSamples> {
  let shown = 0;
  const figure = await timed(
    async () => {
      const fresh = new Collection();
      try {
        const first = await fresh.browseFirstRows(false, FIRST_ROWS);
        shown = first.rows.length;
      } finally {
        fresh.close();
      }
    },
    times,
    1,
  );
  return { figure, note: `new connection → the first ${shown} cards by due off the [deckId+queue+due] index, with their notes and the card count (DOM paint not included; browseOpen has it)` };
}

/** Sorting every card by its question text, the costliest column (each card rendered once, then kept). */
export async function measureSort(collection: Collection, times: number): Promise<PageSamples> {
  const rows = await collection.browse('', Date.now());
  const figure = await timed(() => sortRows(rows, 'question', true, { now: Date.now(), examAt: null }), times);
  const byDue = await timed(() => sortRows(rows, 'due', false, { now: Date.now(), examAt: null }), times);
  const median = [...byDue].sort((a, b) => a - b)[Math.floor(byDue.length / 2)] ?? 0;
  return { figure, note: `${rows.length} rows by question text; by due (a number) median ${median.toFixed(1)} ms` };
}
