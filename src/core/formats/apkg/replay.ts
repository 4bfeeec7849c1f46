import { createEmptyCard, fsrs, type Card as FsrsCard, type Grade } from 'ts-fsrs';

export interface ReplayedReview {
  time: number;
  rating: Grade;
}

const scheduler = fsrs();

/**
 * Rebuilds a card's FSRS memory state from its review history, for cards Anki never scheduled
 * with FSRS (no `s`/`d` in cards.data): replaying the answers is the only honest estimate.
 * Returns the state after each answer.
 */
export function replayReviews(reviews: ReplayedReview[]): FsrsCard[] {
  const states: FsrsCard[] = [];
  let card = createEmptyCard(new Date(reviews[0]?.time ?? 0));
  for (const review of reviews) {
    card = scheduler.next(card, new Date(review.time), review.rating).card;
    states.push(card);
  }
  return states;
}
