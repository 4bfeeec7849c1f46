import { describe, expect, it } from 'vitest';
import { formatInterval, splitDuration } from '../../../src/core/time/interval';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatInterval', () => {
  it('labels the learning steps a learner sees on the buttons', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(MINUTE)).toBe('1m');
    expect(formatInterval(10 * MINUTE)).toBe('10m');
    expect(formatInterval(5 * HOUR)).toBe('5h');
  });

  it('labels review intervals in days, months and years', () => {
    expect(formatInterval(2 * DAY)).toBe('2d');
    expect(formatInterval(36 * DAY)).toBe('1.2mo');
    expect(formatInterval(60 * DAY)).toBe('2mo');
    expect(formatInterval(Math.round(1.5 * 365) * DAY)).toBe('1.5y');
    expect(formatInterval(365 * DAY)).toBe('1y');
  });

  it('moves to the next unit when rounding would reach it', () => {
    expect(formatInterval(59.7 * MINUTE)).toBe('1h');
    expect(formatInterval(23.6 * HOUR)).toBe('1d');
    expect(formatInterval(29.6 * DAY)).toBe('1mo');
    expect(formatInterval(364 * DAY)).toBe('1y');
  });

  it('never shows a negative wait for an overdue card', () => {
    expect(formatInterval(-5 * DAY)).toBe('<1m');
  });
});

describe('splitDuration', () => {
  it('splits the time spent studying into hours, minutes and seconds', () => {
    expect(splitDuration(3_725_400)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
    expect(splitDuration(59_600)).toEqual({ hours: 0, minutes: 1, seconds: 0 });
  });
});
