import { CardState, type Card } from '../../../core/collection/model';
import { preview, type AnswerOutcome } from '../../../core/scheduling/fsrs';
import { previewDeckOutcomes } from '../../../core/scheduling/filtered';
import type { DayLoad } from '../../../core/scheduling/load-balance';
import type { Answered } from './study';
import { queueFromPools, type TodayPools, type TodayQueue } from './today';

/**
 * Today's queue of one deck (with its subdecks), kept in memory for a study session so the next
 * card after an answer needs no queue read. Each answer changes it exactly as reading the queue
 * again would: the card leaves, or comes back by its due time if it is due again today; the
 * siblings the answer buried leave; the new or review limit shrinks by one. When the in-memory
 * queue can no longer tell what a read would, `needsReading(now)` says so.
 */
export class StudyQueue {
  constructor(
    private readonly pools: TodayPools,
    private readonly load?: DayLoad,
  ) {}

  /** Today's cards in the order they are shown at `now`, with the counts the learner sees. */
  today(now: number): TodayQueue {
    return queueFromPools(this.pools, now);
  }

  /**
   * True once the learner's day has ended, or when buried siblings took so many new cards out
   * that a deck's unread new cards could now make the cut.
   */
  needsReading(now: number): boolean {
    const { pools } = this;
    if (now >= pools.dayEnd) return true;
    return [...pools.newMayHaveMore].some(
      (deckId) => pools.newCards.filter((card) => card.deckId === deckId).length < pools.limits.available(deckId, 'newCards'),
    );
  }

  /** The four answer outcomes for a card of this queue, from the options already read. */
  preview(card: Card, now: number): AnswerOutcome[] {
    const delays = card.homeDeckId === undefined ? undefined : this.pools.previewDecks.get(card.deckId);
    if (delays) return previewDeckOutcomes(card, now, delays);
    return preview(card, now, this.pools.optionsOf(card.homeDeckId ?? card.deckId), this.pools.rules, this.load);
  }

  /** Takes in an answer that has been committed. */
  answered({ card, review, buriedSiblings }: Answered): void {
    const { pools } = this;
    const leaving = new Set([card.id, ...buriedSiblings]);
    const staying = (pool: Card[]) => pool.filter((entry) => !leaving.has(entry.id));
    pools.learning = staying(pools.learning);
    pools.reviews = staying(pools.reviews);
    pools.newCards = staying(pools.newCards);
    const deckId = review.deckId ?? card.deckId;
    if (review.stateBefore === CardState.New) pools.limits.take(deckId, 'newCards');
    if (review.stateBefore === CardState.Review) pools.limits.take(deckId, 'reviews');
    // A card an answer sent home from a filtered deck has left this queue.
    if (card.due >= pools.dayEnd || card.suspended || (review.deckId !== undefined && card.deckId !== review.deckId)) return;
    if (card.state === CardState.Learning || card.state === CardState.Relearning) pools.learning.push(card);
    else if (card.state === CardState.Review) pools.reviews.push(card);
    else if (pools.filtered) pools.newCards.push(card);
  }
}
