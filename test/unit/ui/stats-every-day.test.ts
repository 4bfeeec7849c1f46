// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { reviewsPerDay } from '../../../src/core/stats/perDay';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Stats from '../../../src/renderer/src/screens/stats/Stats.svelte';
import { loadStatistics } from '../../../src/renderer/src/screens/stats/stats-data';
import { heatCalendar } from '../../../src/renderer/src/screens/stats/stats-heatmap';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { builtInDecks } from '../storage/helpers';

const DAY = 86_400_000;
const rules = { zone: 'UTC', dayStartHour: 4 };

function everyDayOf2026To2028(): number[] {
  const days: number[] = [];
  for (let now = Date.UTC(2026, 0, 1, 12); now < Date.UTC(2029, 0, 1); now += DAY) days.push(now);
  return days;
}

describe('Statistics on every day of the year', () => {
  let collection: Collection;
  beforeAll(async () => {
    setLanguage('en');
    collection = new Collection({ name: `stats-every-day-${Math.random()}` });
    const start = Date.UTC(2026, 0, 1, 3);
    await collection.installDecks(builtInDecks(5), start);
    const first = await collection.nextCard('deck-aws', start);
    await collection.answer(first!.card.id, Rating.Good, start, 4000);
  });
  afterAll(() => collection.close());

  it('gives every month label of the year calendar its own week column, on every day of 2026–2028', { timeout: 120_000 }, () => {
    const clashes: string[] = [];
    for (const now of everyDayOf2026To2028()) {
      const columns = heatCalendar(reviewsPerDay([], now, rules)).months.map((label) => label.week);
      if (new Set(columns).size !== columns.length) clashes.push(new Date(now).toISOString().slice(0, 10));
    }
    expect(clashes).toEqual([]);
  });

  // The whole screen takes seconds to draw in jsdom, too long for every day; these are two of the days it never loaded on.
  it.each(['2026-02-24', '2026-06-29'])('loads the whole screen on %s', async (date) => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.parse(`${date}T12:00:00Z`));
    try {
      const { container } = render(Stats, { props: { statistics: loadStatistics(collection, Date.now()) } });
      await waitFor(() => expect(container.querySelector('.heatmap .cell')).not.toBeNull(), { timeout: 10_000 });
    } finally {
      clock.mockRestore();
      cleanup();
    }
  }, 30_000);
});
