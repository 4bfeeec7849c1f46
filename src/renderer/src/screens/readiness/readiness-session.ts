import { toCard } from '../../storage/card-row';
import type { Collection } from '../../storage/collection';
import { cardWithNote, type CardWithNote } from '../../storage/notes';
import type { DeckCounts } from '../../storage/today';

export interface ListedNext {
  next: CardWithNote | null;
  /** Listed cards still to answer in this session, the one shown included. */
  left: number;
}

/**
 * The next card of a "study weakest" session: the first listed card not yet answered here.
 * Cards the learner suspended or buried meanwhile, or deleted, are passed over.
 */
export async function nextListedCard(
  collection: Collection,
  cardIds: readonly string[],
  answered: ReadonlySet<string>,
  now: number,
): Promise<ListedNext> {
  const pending = cardIds.filter((id) => !answered.has(id));
  const rows = await collection.db.cards.bulkGet(pending);
  const open = rows.filter((row) => row !== undefined && !row.suspended && (row.buriedUntil === null || row.buriedUntil <= now));
  const first = open[0];
  return { next: first ? await cardWithNote(collection.db, toCard(first)) : null, left: open.length };
}

/** Due counts over every deck: a weakest session over the whole collection has no one deck to ask. */
export async function collectionCounts(collection: Collection, now: number): Promise<DeckCounts> {
  const roots = await collection.deckTree(now);
  return roots.reduce<DeckCounts>(
    (sum, root) => ({
      newCount: sum.newCount + root.value.newCount,
      learningCount: sum.learningCount + root.value.learningCount,
      reviewCount: sum.reviewCount + root.value.reviewCount,
    }),
    { newCount: 0, learningCount: 0, reviewCount: 0 },
  );
}
