import { describe, expect, it } from 'vitest';
import { digestSharesOf } from '../../../src/core/cards/digest';
import { CardState } from '../../../src/core/collection/model';
import { learnerDay } from '../../../src/core/scheduling/day';
import { dueForecast } from '../../../src/core/stats/dueForecast';
import { DAY, NOW, TOKYO, card, tokyo } from './fixtures';

describe('due forecast', () => {
  const cards = [
    card('overdue', { due: tokyo(11, 20, 10) }),
    card('today', { due: tokyo(11, 30, 20) }),
    card('tonight', { due: tokyo(12, 1, 3) }), // before 04:00: still today
    card('tomorrow', { due: tokyo(12, 1, 5) }),
    card('learning', { due: tokyo(12, 2, 10), state: CardState.Learning }),
    card('in-a-month', { due: tokyo(12, 30, 10) }),
    card('new', { due: tokyo(11, 30, 10), state: CardState.New }),
    card('suspended', { due: tokyo(12, 1, 10), suspended: true }),
    card('buried', { due: tokyo(12, 1, 10), buriedUntil: tokyo(12, 1, 4) }),
  ];

  it('counts cards coming due each day, overdue ones today', () => {
    const forecast = dueForecast(digestSharesOf(cards), NOW, TOKYO, 30);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ date: '2026-11-30', value: 3 });
    expect(forecast[1]).toEqual({ date: '2026-12-01', value: 2 });
    expect(forecast[2]?.value).toBe(1);
    expect(forecast.reduce((n, d) => n + d.value, 0)).toBe(6);
  });

  it('reaches further with a 90-day window', () => {
    const forecast = dueForecast(digestSharesOf(cards), NOW, TOKYO, 90);
    expect(forecast[30]).toEqual({ date: '2026-12-30', value: 1 });
    expect(forecast.reduce((n, d) => n + d.value, 0)).toBe(7);
  });
});

describe('due forecast at the edges of its window', () => {
  const now = Date.UTC(2026, 10, 30, 12, 30);
  const HOUR = 3_600_000;
  // The zones furthest east and west of UTC, where a card's learner day lies furthest from its UTC day.
  for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12', 'America/New_York']) {
    it(`counts a card due just before or after the window on the day it falls in (${zone})`, () => {
      const clock = { zone, dayStartHour: 4 };
      const days = 30;
      const dues: number[] = [];
      for (let hours = -80; hours <= 80; hours++) dues.push(now + hours * HOUR, now + days * DAY + hours * HOUR);
      const cards = dues.map((due, i) => card(`c${i}`, { due }));
      const today = learnerDay(now, clock);
      const expected = new Array<number>(days).fill(0);
      for (const due of dues) {
        const offset = Math.max(learnerDay(due, clock) - today, 0);
        if (offset < days) expected[offset]! += 1;
      }
      expect(dueForecast(digestSharesOf(cards), now, clock, days).map((day) => day.value)).toEqual(expected);
    });
  }
});
