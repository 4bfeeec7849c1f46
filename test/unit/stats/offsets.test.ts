import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoneOffsetMs } from '../../../src/core/scheduling/day';
import { reviewsPerDayFromQuarterDays, timePerDayFromQuarterDays } from '../../../src/core/stats/perDay';
import { emptyQuarter, QUARTER_MS } from '../../../src/core/stats/quarters';
import { quarterDaysOf } from '../../../src/core/stats/quarterDays';
import { trueRetentionByWeekFromQuarterDays } from '../../../src/core/stats/retention';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

afterEach(() => vi.restoreAllMocks());

describe('zone offsets for Statistics', () => {
  it('draws a year of answers in every quarter hour asking the zone once or twice a day, not once per quarter hour', () => {
    // A zone no other test here looks up, so nothing is known about it beforehand.
    const clock = { zone: 'Australia/Adelaide', dayStartHour: 4 };
    const now = Date.UTC(2026, 11, 1, 3);
    const first = Math.floor((now - 365 * DAY) / QUARTER_MS);
    const days = quarterDaysOf(Array.from({ length: Math.floor(365 * DAY / QUARTER_MS) }, (_, i) => ({ ...emptyQuarter(first + i), reviews: 1, timeMs: 1000 })));
    const asked = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const perDay = reviewsPerDayFromQuarterDays(days, now, clock, 365);
    timePerDayFromQuarterDays(days, now, clock, 30);
    trueRetentionByWeekFromQuarterDays(days, now, clock, 12, 0.9);
    expect(asked.mock.calls.length).toBeLessThan(3 * 366);
    // Every full day of the year holds 96 quarter hours, or 92 / 100 on the days clocks change.
    const full = perDay.slice(1, -1).map((day) => day.value);
    expect(full.filter((value) => value !== 96).sort((a, b) => a - b)).toEqual([92, 100]);
  });

  it('still gives each quarter hour its own offset on the day clocks spring forward', () => {
    const zone = 'America/New_York';
    // 2026-03-08 02:00 EST (07:00 UTC) becomes 03:00 EDT. Asked after the change first, then before it.
    expect(zoneOffsetMs(zone, Date.UTC(2026, 2, 8, 12)) / HOUR).toBe(-4);
    expect(zoneOffsetMs(zone, Date.UTC(2026, 2, 8, 6, 59)) / HOUR).toBe(-5);
    expect(zoneOffsetMs(zone, Date.UTC(2026, 2, 8, 7)) / HOUR).toBe(-4);
    expect(zoneOffsetMs(zone, Date.UTC(2026, 2, 7, 23)) / HOUR).toBe(-5);
    expect(zoneOffsetMs(zone, Date.UTC(2026, 2, 9, 1)) / HOUR).toBe(-4);
  });
});
