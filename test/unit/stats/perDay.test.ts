import { describe, expect, it } from 'vitest';
import { learnerDay } from '../../../src/core/scheduling/day';
import { reviewsPerDay, timePerDay } from '../../../src/core/stats/perDay';
import { DAY, NOW, TOKYO, review, tokyo } from './fixtures';

describe('reviews per day (heatmap)', () => {
  const reviews = [
    review(tokyo(11, 30, 9)),
    review(tokyo(11, 30, 2)), // before 04:00: still yesterday's session
    review(tokyo(11, 29, 23)),
    review(tokyo(11, 28, 4)),
    review(tokyo(11, 28, 3, 59)), // belongs to the 27th
    review(tokyo(12, 1, 9)), // in the future: not counted
  ];

  it('puts each answer on its day with that day\'s own offset, across daylight saving', () => {
    const newYork = { zone: 'America/New_York', dayStartHour: 4 };
    // Seen in December (UTC−5): 04:30 on 1 July is 04:30 EDT (UTC−4), a new day, not 03:30 of 30 June.
    const summer = review(Date.UTC(2026, 6, 1, 8, 30));
    const lateNight = review(Date.UTC(2026, 6, 1, 7, 30)); // 03:30 EDT: still 30 June's session
    const days = reviewsPerDay([summer, lateNight], Date.UTC(2026, 11, 1, 17), newYork, 200);
    expect(days.find((day) => day.date === '2026-07-01')?.value).toBe(1);
    expect(days.find((day) => day.date === '2026-06-30')?.value).toBe(1);
  });

  it('covers a year ending today, every day present', () => {
    const days = reviewsPerDay(reviews, NOW, TOKYO);
    expect(days).toHaveLength(365);
    expect(days.at(-1)?.date).toBe('2026-11-30');
    expect(days[0]?.date).toBe('2025-12-01');
  });

  it('counts answers on the learner\'s days, honouring the day start hour', () => {
    const days = reviewsPerDay(reviews, NOW, TOKYO, 5);
    expect(days).toEqual([
      { date: '2026-11-26', value: 0 },
      { date: '2026-11-27', value: 1 },
      { date: '2026-11-28', value: 1 },
      { date: '2026-11-29', value: 2 },
      { date: '2026-11-30', value: 1 },
    ]);
  });

  it('uses the learner\'s time zone: the same moments land on other days in UTC', () => {
    const utc = reviewsPerDay(reviews, NOW, { zone: 'UTC', dayStartHour: 0 }, 5);
    // In UTC, both 11-28 Tokyo mornings fall on 11-27, and 11-30 02:00 Tokyo on 11-29.
    expect(utc.map((d) => d.value)).toEqual([0, 2, 0, 2, 1]);
    expect(utc.at(-1)?.date).toBe('2026-11-30');
  });

  it('rejects a day start hour of 24', () => {
    expect(() => reviewsPerDay(reviews, NOW, { zone: 'UTC', dayStartHour: 24 })).toThrow(/dayStartHour/);
  });
});

describe('time spent per day', () => {
  it('sums answer durations per day', () => {
    const reviews = [
      review(tokyo(11, 30, 9), { durationMs: 4000 }),
      review(tokyo(11, 30, 10), { durationMs: 6500 }),
      review(tokyo(11, 29, 10), { durationMs: 3000 }),
    ];
    expect(timePerDay(reviews, NOW, TOKYO, 3).map((d) => d.value)).toEqual([0, 3000, 10_500]);
  });
});

describe('a short window of days, in the zones furthest from UTC', () => {
  const HOUR = 3_600_000;
  for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
    for (const dayStartHour of [0, 23]) {
      it(`counts every answer around the window's first and last day on its learner day (${zone}, day from ${dayStartHour}:00)`, () => {
        const clock = { zone, dayStartHour };
        const now = Date.UTC(2026, 10, 30, 12);
        const days = 3;
        const reviews = Array.from({ length: 24 * 8 }, (_, hour) => review(now - 6 * DAY + hour * HOUR + 5 * 60_000));
        const today = learnerDay(now, clock);
        const expected = new Array<number>(days).fill(0);
        for (const { time } of reviews) {
          const day = learnerDay(time, clock) - (today - days + 1);
          if (day >= 0 && day < days) expected[day]! += 1;
        }
        expect(reviewsPerDay(reviews, now, clock, days).map((day) => day.value)).toEqual(expected);
        expect(expected.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(24);
      });
    }
  }
});
