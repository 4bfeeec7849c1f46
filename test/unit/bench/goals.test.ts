import { describe, expect, it } from 'vitest';
import { evaluate, ratePerSecond, type Measured } from '../../../bench/goals';
import { summarize } from '../../../bench/stats';

function measured(overrides: Partial<Measured>): Measured {
  return { name: 'figure', unit: 'ms', median: 10, p95: 12, floor: null, goal: {}, ...overrides };
}

describe('bench goals', () => {
  it('meets "≤ 1.5× floor and < 30 ms" only when both hold', () => {
    const goal = { maxRatio: 1.5, belowMedian: 30 };
    expect(evaluate(measured({ median: 24, floor: 20, goal })).met).toBe(true);
    expect(evaluate(measured({ median: 31, floor: 30, goal })).met).toBe(false);
    expect(evaluate(measured({ median: 16, floor: 10, goal })).met).toBe(false);
    expect(evaluate(measured({ median: 15, floor: 10, goal })).ratio).toBeCloseTo(1.5);
    expect(evaluate(measured({ median: 15, floor: 10, goal })).met).toBe(true);
  });

  it('judges a p95 goal on the p95, not the median', () => {
    const goal = { belowP95: 16 };
    expect(evaluate(measured({ median: 5, p95: 15.9, goal })).met).toBe(true);
    expect(evaluate(measured({ median: 5, p95: 16, goal })).met).toBe(false);
  });

  it('turns a throughput goal into notes per second from the median time', () => {
    const goal = { minRate: { items: 20_000, perSecond: 20_000, what: 'notes' }, maxRatio: 2 };
    expect(ratePerSecond(20_000, 800)).toBe(25_000);
    expect(evaluate(measured({ median: 800, floor: 500, goal })).met).toBe(true);
    expect(evaluate(measured({ median: 800, floor: 500, goal })).goal).toBe('≥ 20,000 notes/s, ≤ 2× floor');
    expect(evaluate(measured({ median: 1200, floor: 700, goal })).met).toBe(false);
    expect(evaluate(measured({ median: 900, floor: 400, goal })).met).toBe(false);
  });

  it('cannot meet a floor ratio without a floor, and only reports a figure without goal', () => {
    expect(evaluate(measured({ goal: { maxRatio: 2 } })).met).toBe(false);
    const reported = evaluate(measured({ goal: {} }));
    expect(reported.met).toBeNull();
    expect(reported.goal).toBe('reported');
  });
});

describe('bench statistics', () => {
  it('takes median and p95 from the measured samples', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(summarize(samples)).toEqual({ median: 10, p95: 19, samples: 20 });
    expect(() => summarize([])).toThrow(/no samples/);
  });
});

describe('the bench table', () => {
  it('shows the load before and after each figure, and carries it in the JSON line', async () => {
    const { formatTable, resultJson } = await import('../../../bench/table');
    const loaded = evaluate({ name: 'import', unit: 'ms', median: 150, p95: 160, floor: 100, goal: { maxRatio: 1.5 }, load: { before: 0.5, after: 2.25 } });
    const unloaded = evaluate({ name: 'heap', unit: 'MB', median: 3, p95: 4, floor: null, goal: {} });
    expect(loaded.met).toBe(true);
    const table = formatTable([loaded, unloaded]);
    expect(table.split('\n')[0]).toContain('load before→after');
    expect(table).toContain('0.50→2.25');
    const json = JSON.parse(resultJson(1, [loaded, unloaded]));
    expect(json.figures[0].load).toEqual({ before: 0.5, after: 2.25 });
    expect(json.figures[1].load).toBeUndefined();
  });
});
