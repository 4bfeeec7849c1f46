import { describe, expect, it } from 'vitest';
import { CardState } from '../../../src/core/collection/model';
import { dueForecast } from '../../../src/core/stats/dueForecast';
import { NOW, TOKYO, card, tokyo } from './fixtures';

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
    const forecast = dueForecast(cards, NOW, TOKYO, 30);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ date: '2026-11-30', value: 3 });
    expect(forecast[1]).toEqual({ date: '2026-12-01', value: 2 });
    expect(forecast[2]?.value).toBe(1);
    expect(forecast.reduce((n, d) => n + d.value, 0)).toBe(6);
  });

  it('reaches further with a 90-day window', () => {
    const forecast = dueForecast(cards, NOW, TOKYO, 90);
    expect(forecast[30]).toEqual({ date: '2026-12-30', value: 1 });
    expect(forecast.reduce((n, d) => n + d.value, 0)).toBe(7);
  });
});
