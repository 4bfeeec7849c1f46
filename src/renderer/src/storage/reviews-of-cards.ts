import type { Review } from '../../../core/collection/model';
import type { KiokuDb } from './db';

/** Reviews per read of the whole log: one getAll each, so a page is a few megabytes, not the whole log at once. */
const PAGE = 25_000;

/**
 * Below this share of the collection's cards, a deck's reviews are looked up card by card on the
 * cardId index, one getAll per card, all asked for at once; above it, reading the whole log in
 * pages is fewer requests. (A cursor over `anyOf` would take one request per review: about 35 s
 * for 500,000 reviews in Chromium on 2 busy cores.)
 */
const INDEX_SHARE = 0.1;

/**
 * Slices of the time index read at once: while the worker turns one slice's rows into objects,
 * IndexedDB reads the next, two threads busy instead of one taking turns (on a busy 2-core
 * machine, each runnable thread gets its share of the cores).
 */
const TIME_SLICES = 8;

/**
 * The reviews of `cardIds` (null: every review in the log), mapped with `pick` as they are read so
 * only what the caller needs is kept. In no particular order.
 */
export async function reviewsOfCards<T>(db: KiokuDb, cardIds: readonly string[] | null, pick: (review: Review) => T): Promise<T[]> {
  if (cardIds?.length === 0) return [];
  if (cardIds && cardIds.length < INDEX_SHARE * (await db.cards.count())) {
    const perCard = await db.transaction('r', db.reviews, () => Promise.all([...new Set(cardIds)].map((id) => db.reviews.where('cardId').equals(id).toArray())));
    return perCard.flat().map(pick);
  }
  const wanted = cardIds && new Set(cardIds);
  const keep = (rows: Review[], kept: T[]) => {
    for (const review of rows) if (!wanted || wanted.has(review.cardId)) kept.push(pick(review));
  };
  return (await inTimeSlices(db, keep)) ?? (await inPages(db, keep));
}

/** The whole log read in slices of the time index, or null if some review's time is not a number the index holds in order. */
async function inTimeSlices<T>(db: KiokuDb, keep: (rows: Review[], kept: T[]) => void): Promise<T[] | null> {
  return db.transaction('r', db.reviews, async () => {
    const [first, last, total] = await Promise.all([db.reviews.orderBy('time').first(), db.reviews.orderBy('time').last(), db.reviews.count()]);
    if (typeof first?.time !== 'number' || typeof last?.time !== 'number') return null;
    const bounds = Array.from({ length: TIME_SLICES + 1 }, (_, at) => (at === TIME_SLICES ? last.time : first.time + (at * (last.time - first.time)) / TIME_SLICES));
    const kept: T[] = [];
    let read = 0;
    await Promise.all(
      Array.from({ length: TIME_SLICES }, async (_, slice) => {
        const rows = await db.reviews.where('time').between(bounds[slice]!, bounds[slice + 1]!, true, slice === TIME_SLICES - 1).toArray();
        read += rows.length;
        keep(rows, kept);
      }),
    );
    return read === total ? kept : null;
  });
}

/** The whole log read in pages of the primary key, one after another. */
async function inPages<T>(db: KiokuDb, keep: (rows: Review[], kept: T[]) => void): Promise<T[]> {
  const kept: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Review[] = await (after === null ? db.reviews.orderBy(':id') : db.reviews.where(':id').above(after)).limit(PAGE).toArray();
    keep(page, kept);
    if (page.length < PAGE) return kept;
    after = page[page.length - 1]!.id;
  }
}
