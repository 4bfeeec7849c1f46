import { forEachQuarter, quarterOfDay, type QuarterDay } from '../../../src/core/stats/quarterDays';
import type { QuarterTotals } from '../../../src/core/stats/quarters';

/** The quarters of these rows that hold any answer, oldest first: what the rows say, as objects to compare. */
export function quartersOfDays(rows: readonly QuarterDay[]): QuarterTotals[] {
  const quarters: QuarterTotals[] = [];
  for (const row of [...rows].sort((a, b) => a.day - b.day)) forEachQuarter([row], (quarter) => quarters.push(quarterOfDay(row, quarter)));
  return quarters;
}
