// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Readiness from '../../../src/renderer/src/screens/readiness/Readiness.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { builtInDecks } from '../storage/helpers';

const DAY = 86_400_000;

/** Holds every read of the review log until `release`, as a log of 500,000 answers holds it for seconds. */
function holdReviewLog(collection: Collection): () => void {
  const reviews = collection.db.reviews;
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Proxy(reviews, {
    get(table, key, receiver) {
      const value: unknown = Reflect.get(table, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const read = (value as (...a: unknown[]) => unknown).apply(table, args);
        return holdResults(read, released);
      };
    },
  });
  Object.defineProperty(collection.db, 'reviews', { value: held, configurable: true });
  return release;
}

/** Wraps a Dexie query so its results arrive only once `released` settles. */
function holdResults(query: unknown, released: Promise<void>): unknown {
  if (query instanceof Promise || (typeof query === 'object' && query !== null && 'then' in query)) {
    return released.then(() => query);
  }
  if (typeof query !== 'object' || query === null) return query;
  return new Proxy(query, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => holdResults((value as (...a: unknown[]) => unknown).apply(target, args), released);
    },
  });
}

describe('the Readiness screen', () => {
  let collection: Collection | null = null;
  afterEach(() => {
    cleanup();
    collection?.close();
  });

  it('shows the predicted score before the review log is read, and the plan once it is', async () => {
    setLanguage('en');
    const now = Date.now();
    collection = new Collection({ name: `readiness-screen-${Math.random()}` });
    await collection.installDecks(builtInDecks(5), now - DAY);
    const first = await collection.nextCard('deck-aws', now - DAY);
    await collection.answer(first!.card.id, Rating.Good, now - DAY, 4000);
    await collection.setCollectionOptions({ examDate: new Date(now + 30 * DAY).toISOString().slice(0, 10) });
    const release = holdReviewLog(collection);

    const { container, getByTestId } = render(Readiness, { props: { collection, onstudy: () => {}, onbrowse: () => {} } });
    await waitFor(() => expect(getByTestId('predicted-score').textContent).toMatch(/\d+%/), { timeout: 10_000 });
    expect(container.querySelector('[data-testid="verdict"]')).toBeNull();

    release();
    await waitFor(() => expect(container.querySelector('[data-testid="verdict"]')).not.toBeNull(), { timeout: 10_000 });
  }, 30_000);
});
