import { describe, expect, it } from 'vitest';
import { heatCalendar } from '../../../src/renderer/src/screens/stats/stats-heatmap';
import { bucketLabel } from '../../../src/renderer/src/screens/stats/stats-data';

function days(first: string, values: number[]) {
  const start = Date.parse(`${first}T00:00:00Z`);
  return values.map((value, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), value }));
}

describe('review calendar', () => {
  it('puts each day under its weekday, weeks as columns', () => {
    // 2026-11-25 is a Wednesday.
    const calendar = heatCalendar(days('2026-11-25', [1, 0, 0, 0, 0, 2, 0]));
    expect(calendar.weeks).toHaveLength(2);
    expect(calendar.weeks[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(calendar.weeks[0]?.[3]?.date).toBe('2026-11-25');
    expect(calendar.weeks[1]?.[0]?.date).toBe('2026-11-29');
    expect(calendar.weeks[1]?.[2]?.date).toBe('2026-12-01');
    expect(calendar.weeks[1]?.slice(3)).toEqual([null, null, null, null]);
  });

  it('shades busier days darker and leaves idle days blank', () => {
    const calendar = heatCalendar(days('2026-11-01', [0, 1, 5, 10, 20]));
    expect(calendar.weeks[0]?.map((cell) => cell?.level)).toEqual([0, 1, 1, 2, 4, undefined, undefined]);
    expect(calendar.max).toBe(20);
  });

  it('labels the week each month begins in', () => {
    const calendar = heatCalendar(days('2026-11-28', [0, 0, 0, 0, 0]));
    expect(calendar.months).toEqual([
      { week: 0, month: 11 },
      { week: 1, month: 12 },
    ]);
  });

  it('draws a year with no reviews as blank', () => {
    const calendar = heatCalendar(days('2025-12-01', new Array(365).fill(0)));
    expect(calendar.weeks.flat().every((cell) => cell === null || cell.level === 0)).toBe(true);
    expect(calendar.weeks.flat().filter((cell) => cell !== null)).toHaveLength(365);
  });
});

describe('histogram labels', () => {
  it('show the days each bar covers, the last one open-ended', () => {
    expect(bucketLabel({ from: 7, to: 14, count: 3 })).toBe('7–14');
    expect(bucketLabel({ from: 365, to: Infinity, count: 1 })).toBe('365+');
  });
});
