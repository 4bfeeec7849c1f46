import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Review } from '../../../core/collection/model';
import { dayOfQuarter, emptyQuarterDay, quarterDaysOf, quarterOfDay, setQuarterOfDay, type QuarterDay } from '../../../core/stats/quarterDays';
import { quarterOf, quartersOf, talliesAlone, tally } from '../../../core/stats/quarters';
import type { KiokuDb } from './db';
import { keptInStep } from './kept-in-step';

/**
 * The row of `reviewDays` that says whether the totals match the review log. A day number is a
 * count of UTC days since 1970, so no review's day is ever -Infinity (a valid IndexedDB key that
 * sorts before every number).
 */
export const QUARTERS_STATE_KEY = Number.NEGATIVE_INFINITY;

export interface QuartersState {
  day: typeof QUARTERS_STATE_KEY;
  upToDate: boolean;
}

export type QuarterRow = QuarterDay | QuartersState;

const isState = (row: QuarterRow): row is QuartersState => row.day === QUARTERS_STATE_KEY;

/** More answers than a session writes at once: such a write is an import, a restore or a sync. */
const MOST_KEPT_UP_TO_DATE = 50;

/**
 * Keeps `reviewDays` (the quarter-hour totals, a UTC day to a row) in step with `reviews` inside
 * the very transaction that changes the log, so Statistics reads a few hundred rows instead of
 * every review. Answers and their undo are added and taken away; a write the totals cannot
 * follow from the rows alone (a bulk import, a restore, an answer whose interval is unknown) marks
 * them out of date, and the next Statistics open rebuilds them from the whole log once.
 */
export const reviewQuartersMiddleware = keptInStep('reviewQuarters', 'reviews', 'reviewDays', async (reviews, quarters, request) => {
  const change = await changeOf(reviews, request);
  const result = await reviews.mutate(request);
  // A bulk write that was caught after some rows failed wrote only part of what was asked.
  await apply(quarters, request.trans, result.numFailures > 0 ? { kind: 'out-of-date' } : change);
  return result;
});

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
    await quarters.mutate({ type: 'put', trans, values: [{ day: QUARTERS_STATE_KEY, upToDate: false } satisfies QuartersState] });
    return;
  }
  const touched = [...new Set([...change.added, ...change.removed].map((review) => quarterOf(review.time)))];
  const days = [...new Set(touched.map(dayOfQuarter))];
  const rows = (await quarters.getMany({ trans, keys: days })) as (QuarterDay | undefined)[];
  const byDay = new Map(days.map((day, i) => [day, rows[i] ?? emptyQuarterDay(day)]));
  const byQuarter = new Map(touched.map((quarter) => [quarter, quarterOfDay(byDay.get(dayOfQuarter(quarter))!, quarter)]));
  for (const review of change.removed) tally(byQuarter.get(quarterOf(review.time))!, review, review.lastReviewBefore, -1);
  for (const review of change.added) tally(byQuarter.get(quarterOf(review.time))!, review, review.lastReviewBefore, 1);
  for (const totals of byQuarter.values()) setQuarterOfDay(byDay.get(dayOfQuarter(totals.quarter))!, totals);
  await quarters.mutate({ type: 'put', trans, values: [...byDay.values()] });
}

/**
 * The rows (a UTC day each) holding the totals of every quarter from the one holding `since`
 * (ms) on, rebuilt from the whole log first when they are out of date (the one slow open after a
 * big import). Read and rebuilt in one transaction with the log, so no answer can slip in
 * between. Charts ask only for the days they show: years of answers make thousands of rows. The
 * first row may hold quarters of its day before `since`.
 */
export async function readReviewDays(db: KiokuDb, since = Number.NEGATIVE_INFINITY): Promise<QuarterDay[]> {
  const firstDay = Number.isFinite(since) ? dayOfQuarter(quarterOf(since)) : QUARTERS_STATE_KEY;
  const upToDate = await db.transaction('r', db.reviewDays, async () => {
    // Asked together: the rows need not wait for the state's answer, only be thrown away after it.
    const [state, rows] = await Promise.all([db.reviewDays.get(QUARTERS_STATE_KEY) as Promise<QuartersState | undefined>, db.reviewDays.where(':id').aboveOrEqual(firstDay).toArray()]);
    return state?.upToDate ? rows.filter((row): row is QuarterDay => !isState(row)) : null;
  });
  if (upToDate) return upToDate;
  return db.transaction('rw', [db.reviews, db.reviewDays], async () => {
    const rows = quarterDaysOf(quartersOf(await db.reviews.toArray()));
    await db.reviewDays.clear();
    await db.reviewDays.bulkPut([...rows, { day: QUARTERS_STATE_KEY, upToDate: true }]);
    return rows.filter((row) => row.day >= firstDay);
  });
}
