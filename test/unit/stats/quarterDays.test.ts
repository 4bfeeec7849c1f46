import { describe, expect, it } from 'vitest';
import { QUARTERS_PER_DAY, quarterDaysOf } from '../../../src/core/stats/quarterDays';
import { emptyQuarter, type QuarterTotals } from '../../../src/core/stats/quarters';
import { quartersOfDays } from './quarter-rows';

function totals(quarter: number, reviews: number): QuarterTotals {
  return { ...emptyQuarter(quarter), reviews, timeMs: reviews * 4321.5, youngReviews: 1, youngPassed: 1, matureReviews: reviews - 1, maturePassed: 0 };
}

describe('quarter totals kept a UTC day to a row', () => {
  it('give back exactly the quarters put in, across days, first and last quarter of a day included', () => {
    const day = 20_500;
    const quarters = [totals(day * QUARTERS_PER_DAY, 3), totals(day * QUARTERS_PER_DAY + 95, 2), totals((day + 1) * QUARTERS_PER_DAY + 40, 7), totals((day + 30) * QUARTERS_PER_DAY + 1, 1)];
    const rows = quarterDaysOf(quarters);
    expect(rows.map((row) => row.day)).toEqual([day, day + 1, day + 30]);
    expect(quartersOfDays(rows.reverse())).toEqual(quarters);
  });

  it('leave out quarters with no answers', () => {
    expect(quartersOfDays(quarterDaysOf([emptyQuarter(5), totals(7, 2)]))).toEqual([totals(7, 2)]);
  });
});
