import type { Review } from '../../../core/collection/model';
import type { KiokuDb } from './db';

/** Reviews per read of the whole log: one getAll each, so a page is a few megabytes, not the whole log at once. */
const PAGE = 25_000;

/**
 * Below this share of the collection's cards, a deck's reviews are looked up card by card on the
 * cardId index; above it, reading the whole log in pages is faster. The index lookup walks a
 * cursor, one step per review (about 35 s for 500,000 reviews in Chromium on 2 busy cores),
 * while a page is one getAll.
 */
const INDEX_SHARE = 0.1;

/**
 * The reviews of `cardIds` (null: every review in the log), mapped with `pick` as they are read so
 * only what the caller needs is kept. In no particular order.
 */
export async function reviewsOfCards<T>(db: KiokuDb, cardIds: readonly string[] | null, pick: (review: Review) => T): Promise<T[]> {
  if (cardIds?.length === 0) return [];
  if (cardIds && cardIds.length < INDEX_SHARE * (await db.cards.count())) return (await db.reviews.where('cardId').anyOf(cardIds).toArray()).map(pick);
  const wanted = cardIds && new Set(cardIds);
  const kept: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Review[] = await (after === null ? db.reviews.orderBy(':id') : db.reviews.where(':id').above(after)).limit(PAGE).toArray();
    for (const review of page) if (!wanted || wanted.has(review.cardId)) kept.push(pick(review));
    if (page.length < PAGE) return kept;
    after = page[page.length - 1]!.id;
  }
}
