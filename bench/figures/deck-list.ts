import type { Collection } from '../../src/renderer/src/storage/collection';
import type { PageSamples } from '../page-api';
import { summarize } from '../stats';

/**
 * The reads the app makes before the deck list shows: the first-start check (is there a deck?),
 * then the deck list's one call (deck tree with today's counts, cards per deck, today's totals).
 */
export async function measureDeckListCalls(collection: Collection, times: number): Promise<PageSamples> {
  const parts = { hasDecks: [] as number[], deckList: [] as number[] };
  const figure: number[] = [];
  const timed = async <T>(into: number[], read: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await read();
    into.push(performance.now() - started);
    return result;
  };
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await timed(parts.hasDecks, () => collection.hasDecks());
    await timed(parts.deckList, () => collection.deckList(Date.now()));
    figure.push(performance.now() - started);
  }
  const note = Object.entries(parts)
    .map(([name, values]) => `${name} ${summarize(values).median.toFixed(1)} ms`)
    .join(', ');
  return { figure, note: `medians: ${note}` };
}
