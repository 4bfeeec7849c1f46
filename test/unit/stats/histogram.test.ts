import { describe, expect, it } from 'vitest';
import { digestSharesOf } from '../../../src/core/cards/digest';
import { CardState } from '../../../src/core/collection/model';
import { intervalDistribution, stabilityDistribution } from '../../../src/core/stats/histogram';
import { card } from './fixtures';

describe('interval and stability distributions', () => {
  const cards = [
    card('a', { scheduledDays: 1, stability: 0.5 }),
    card('b', { scheduledDays: 4, stability: 4.2 }),
    card('c', { scheduledDays: 5, stability: 5 }),
    card('d', { scheduledDays: 400, stability: 900 }),
    card('learning', { state: CardState.Learning, scheduledDays: 0, stability: 1.5 }),
    card('new', { state: CardState.New, scheduledDays: 0, stability: 0 }),
    card('suspended', { suspended: true, scheduledDays: 5, stability: 5 }),
  ];

  it('buckets review cards by interval, with an open last bar', () => {
    const buckets = intervalDistribution(digestSharesOf(cards), [1, 5, 30]);
    expect(buckets).toEqual([
      { from: 1, to: 5, count: 2 },
      { from: 5, to: 30, count: 1 },
      { from: 30, to: Infinity, count: 1 },
    ]);
  });

  it('buckets every studied card by stability', () => {
    const buckets = stabilityDistribution(digestSharesOf(cards), [0, 1, 5, 30]);
    expect(buckets.map((b) => b.count)).toEqual([1, 2, 1, 1]);
  });

  it('has default bars from 0 days to over a year that hold every card', () => {
    const buckets = stabilityDistribution(digestSharesOf(cards));
    expect(buckets[0]?.from).toBe(0);
    expect(buckets.at(-1)?.to).toBe(Infinity);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(5);
  });

  it('rejects edges that do not rise', () => {
    expect(() => intervalDistribution(digestSharesOf(cards), [1, 7, 7])).toThrow(/edge 2/);
  });
});
