import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Review } from '../../../core/collection/model';
import { emptyQuarter, quarterOf, quartersOf, talliesAlone, tally, type QuarterTotals } from '../../../core/stats/quarters';
import type { KiokuDb } from './db';

/**
 * The row of `reviewQuarters` that says whether the totals match the review log. A quarter
 * number is a count of quarter hours since 1970, so no review's quarter is ever -Infinity
 * (a valid IndexedDB key that sorts before every number).
 */
export const QUARTERS_STATE_KEY = Number.NEGATIVE_INFINITY;

export interface QuartersState {
  quarter: typeof QUARTERS_STATE_KEY;
  upToDate: boolean;
}

export type QuarterRow = QuarterTotals | QuartersState;

const isState = (row: QuarterRow): row is QuartersState => row.quarter === QUARTERS_STATE_KEY;

/** More answers than a session writes at once: such a write is an import, a restore or a sync. */
const MOST_KEPT_UP_TO_DATE = 50;

/**
 * Keeps `reviewQuarters` in step with `reviews` inside the very transaction that changes the log,
 * so Statistics reads a few thousand totals instead of every review. Answers and their undo are
 * added and taken away; a write the totals cannot follow from the rows alone (a bulk import, a
 * restore, an answer whose interval is unknown) marks them out of date, and the next Statistics
 * open rebuilds them from the whole log once.
 */
export const reviewQuartersMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'reviewQuarters',
  // Right above IndexedDB, below every other middleware: the undo recorder does not record the
  // totals as part of a learner's change (undoing it writes the reviews back through here, which
  // re-tallies), and nothing below needs Dexie's transaction zone, which an await here would lose.
  level: -2,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('reviews') && !stores.includes('reviewQuarters') ? [...stores, 'reviewQuarters'] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'reviews' || !down.schema.tables.some((schema) => schema.name === 'reviewQuarters')) return table;
        const quarters = down.table('reviewQuarters');
        return {
          ...table,
          async mutate(request) {
            const change = await changeOf(table, request);
            const result = await table.mutate(request);
            // A bulk write that was caught after some rows failed wrote only part of what was asked.
            await apply(quarters, request.trans, result.numFailures > 0 ? { kind: 'out-of-date' } : change);
            return result;
          },
        };
      },
    };
  },
};

type Change = { kind: 'tally'; added: Review[]; removed: Review[] } | { kind: 'out-of-date' };

async function changeOf(reviews: DBCoreTable, request: DBCoreMutateRequest): Promise<Change> {
  if (request.type === 'deleteRange') return { kind: 'out-of-date' };
  if (request.type === 'delete') {
    if (request.criteria || request.keys.length > MOST_KEPT_UP_TO_DATE) return { kind: 'out-of-date' };
    const removed = (await reviews.getMany({ trans: request.trans, keys: request.keys })).filter(Boolean) as Review[];
    return removed.every(talliesAlone) ? { kind: 'tally', added: [], removed } : { kind: 'out-of-date' };
  }
  const added = request.values as Review[];
  if (request.type === 'put' && (request.criteria || request.changeSpec || request.updates)) return { kind: 'out-of-date' };
  if (added.length > MOST_KEPT_UP_TO_DATE || !added.every(talliesAlone)) return { kind: 'out-of-date' };
  const removed =
    request.type === 'put' ? ((await reviews.getMany({ trans: request.trans, keys: added.map((review) => review.id) })).filter(Boolean) as Review[]) : [];
  return removed.every(talliesAlone) ? { kind: 'tally', added, removed } : { kind: 'out-of-date' };
}

async function apply(quarters: DBCoreTable, trans: DBCoreTransaction, change: Change): Promise<void> {
  const state = (await quarters.get({ trans, key: QUARTERS_STATE_KEY })) as QuartersState | undefined;
  if (!state?.upToDate) return;
  if (change.kind === 'out-of-date') {
    await quarters.mutate({ type: 'put', trans, values: [{ quarter: QUARTERS_STATE_KEY, upToDate: false } satisfies QuartersState] });
    return;
  }
  const touched = [...new Set([...change.added, ...change.removed].map((review) => quarterOf(review.time)))];
  const rows = (await quarters.getMany({ trans, keys: touched })) as (QuarterTotals | undefined)[];
  const byQuarter = new Map(touched.map((quarter, i) => [quarter, rows[i] ?? emptyQuarter(quarter)]));
  for (const review of change.removed) tally(byQuarter.get(quarterOf(review.time))!, review, review.lastReviewBefore, -1);
  for (const review of change.added) tally(byQuarter.get(quarterOf(review.time))!, review, review.lastReviewBefore, 1);
  await quarters.mutate({ type: 'put', trans, values: [...byQuarter.values()] });
}

/**
 * The totals of every quarter from the one holding `since` (ms) on, rebuilt from the whole log
 * first when they are out of date (the one slow open after a big import). Read and rebuilt in one
 * transaction with the log, so no answer can slip in between. Charts ask only for the quarters
 * they show: years of answers make tens of thousands of rows.
 */
export async function readReviewQuarters(db: KiokuDb, since = Number.NEGATIVE_INFINITY): Promise<QuarterTotals[]> {
  const first = Number.isFinite(since) ? quarterOf(since) : QUARTERS_STATE_KEY;
  const shown = (totals: QuarterTotals) => totals.quarter >= first;
  const upToDate = await db.transaction('r', db.reviewQuarters, async () => {
    const state = (await db.reviewQuarters.get(QUARTERS_STATE_KEY)) as QuartersState | undefined;
    if (!state?.upToDate) return null;
    const rows = await db.reviewQuarters.where(':id').aboveOrEqual(first).toArray();
    return rows.filter((row): row is QuarterTotals => !isState(row));
  });
  if (upToDate) return upToDate;
  return db.transaction('rw', [db.reviews, db.reviewQuarters], async () => {
    const totals = quartersOf(await db.reviews.toArray());
    await db.reviewQuarters.clear();
    await db.reviewQuarters.bulkPut([...totals, { quarter: QUARTERS_STATE_KEY, upToDate: true }]);
    return totals.filter(shown);
  });
}
