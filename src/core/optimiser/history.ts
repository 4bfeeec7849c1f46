import { CardState, type Review } from '../collection/model';
import { learnerDay, type DayRules } from '../scheduling/day';

/** One answer as the FSRS optimiser reads it: the grade and the learner days since the card's previous answer. */
export interface FsrsReview {
  rating: number;
  deltaT: number;
  /** When it was given, ms since the epoch; lets an evaluation judge only a later part of the history. */
  time: number;
}

/** A card's answers from its first sight on, in order. */
export interface CardHistory {
  cardId: string;
  reviews: FsrsReview[];
}

/** Why answers were left out of a fit; each is counted so the learner can be told. */
export type SkipReason = 'rating' | 'time' | 'incomplete';

export interface ReviewHistory {
  histories: CardHistory[];
  /** Answers given on a later day than the card's previous one: what a fit and its evaluation learn from. */
  longTermReviews: number;
  skipped: Record<SkipReason, number>;
}

/** Kioku did not exist before this; a review dated earlier is a corrupt record, not history. */
const EARLIEST_REVIEW = Date.UTC(2006, 0, 1);

export type HistoryReview = Pick<Review, 'cardId' | 'time' | 'rating' | 'stateBefore'>;

/**
 * Turns a review log into per-card histories the optimiser can learn from, as Anki does for its
 * revlog: days counted in the learner's days (day start hour and zone), a card's history starts at
 * its first answer as a new card (a reset starts a new one), and a card whose first answer is
 * missing (imported mid-way) is left out, since its starting memory is unknown. Answers with a
 * rating other than 1–4 or an impossible time (not a number, before 2006 or after `now`) are
 * skipped and counted.
 */
export function reviewHistory(reviews: Iterable<HistoryReview>, rules: DayRules, now: number): ReviewHistory {
  const skipped: Record<SkipReason, number> = { rating: 0, time: 0, incomplete: 0 };
  const byCard = new Map<string, HistoryReview[]>();
  for (const review of reviews) {
    if (!(Number.isInteger(review.rating) && review.rating >= 1 && review.rating <= 4)) {
      skipped.rating++;
      continue;
    }
    if (!(Number.isFinite(review.time) && review.time >= EARLIEST_REVIEW && review.time <= now)) {
      skipped.time++;
      continue;
    }
    let list = byCard.get(review.cardId);
    if (!list) byCard.set(review.cardId, (list = []));
    list.push(review);
  }
  const histories: CardHistory[] = [];
  let longTermReviews = 0;
  for (const [cardId, list] of byCard) {
    list.sort((a, b) => a.time - b.time);
    let current: FsrsReview[] | null = null;
    let previousDay = 0;
    for (const review of list) {
      const day = learnerDay(review.time, rules);
      if (review.stateBefore === CardState.New) {
        if (current && current.length > 0) histories.push({ cardId, reviews: current });
        current = [{ rating: review.rating, deltaT: 0, time: review.time }];
      } else if (current === null) {
        skipped.incomplete++;
        continue;
      } else {
        const deltaT = day - previousDay;
        current.push({ rating: review.rating, deltaT, time: review.time });
        if (deltaT > 0) longTermReviews++;
      }
      previousDay = day;
    }
    if (current && current.length > 0) histories.push({ cardId, reviews: current });
  }
  return { histories, longTermReviews, skipped };
}
