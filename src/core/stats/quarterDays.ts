import { emptyQuarter, type QuarterTotals } from './quarters';

/** Quarter hours in a UTC day. */
export const QUARTERS_PER_DAY = 96;

const FIELDS = ['reviews', 'timeMs', 'youngReviews', 'youngPassed', 'matureReviews', 'maturePassed'] as const;

/**
 * The quarter totals of one UTC day in one row: a year of them is 365 rows to read, not some
 * 35,000 objects, which took seconds in Chromium. Quarter q of the day, field f is at
 * `totals[q * 6 + f]` (the fields in the order of `QuarterTotals`).
 */
export interface QuarterDay {
  /** UTC days since the Unix epoch. */
  day: number;
  totals: Float64Array;
}

export const dayOfQuarter = (quarter: number) => Math.floor(quarter / QUARTERS_PER_DAY);

export function emptyQuarterDay(day: number): QuarterDay {
  return { day, totals: new Float64Array(QUARTERS_PER_DAY * FIELDS.length) };
}

export function quarterOfDay(row: QuarterDay, quarter: number): QuarterTotals {
  const totals = emptyQuarter(quarter);
  const base = (quarter - row.day * QUARTERS_PER_DAY) * FIELDS.length;
  FIELDS.forEach((field, f) => (totals[field] = row.totals[base + f]!));
  return totals;
}

export function setQuarterOfDay(row: QuarterDay, totals: QuarterTotals): void {
  const base = (totals.quarter - row.day * QUARTERS_PER_DAY) * FIELDS.length;
  FIELDS.forEach((field, f) => (row.totals[base + f] = totals[field]));
}

/** The rows holding these quarters, oldest first. */
export function quarterDaysOf(quarters: readonly QuarterTotals[]): QuarterDay[] {
  const byDay = new Map<number, QuarterDay>();
  for (const totals of quarters) {
    const day = dayOfQuarter(totals.quarter);
    let row = byDay.get(day);
    if (!row) byDay.set(day, (row = emptyQuarterDay(day)));
    setQuarterOfDay(row, totals);
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** Where each field of `QuarterTotals` sits among a quarter's six numbers in `QuarterDay.totals`. */
export type QuarterField = (typeof FIELDS)[number];
export const fieldIndex = (field: QuarterField): number => FIELDS.indexOf(field);

/**
 * Calls `visit` with each quarter of these rows that holds any answer, in the rows' order, and
 * where its numbers start in its row's totals: the charts read them in place, since a year of
 * quarters as objects is some 35,000 of them to build and collect on every open of Statistics.
 */
export function forEachQuarter(rows: readonly QuarterDay[], visit: (quarter: number, totals: Float64Array, base: number) => void): void {
  for (const row of rows) {
    const { totals } = row;
    for (let q = 0; q < QUARTERS_PER_DAY; q++) {
      const base = q * FIELDS.length;
      for (let f = 0; f < FIELDS.length; f++) {
        if (totals[base + f] !== 0) {
          visit(row.day * QUARTERS_PER_DAY + q, totals, base);
          break;
        }
      }
    }
  }
}

/**
 * The rows that may hold quarters of learner days `first` to `last`: offsets from UTC lie between
 * −12 and +14 hours and a day starts before midnight, so a learner day lies within two days of the
 * UTC days of its moments. A month's chart then looks at a month of rows, not the year read.
 */
export function rowsAround(rows: readonly QuarterDay[], first: number, last: number): QuarterDay[] {
  return rows.filter((row) => row.day >= first - 2 && row.day <= last + 2);
}
