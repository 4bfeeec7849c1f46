import { CardState, type Card } from '../collection/model';
import { DAY_MS, forgettingCurve } from './forgettingCurve';

/** Whether a card has ever been answered; a card never studied is predicted to be forgotten. */
export function isStudied<T extends Pick<Card, 'state' | 'lastReview' | 'stability'>>(card: T): card is T & { lastReview: number } {
  return card.state !== CardState.New && card.lastReview !== null && card.stability > 0;
}

/**
 * Predicted recall of every card at the moment `examDate`, assuming no further review,
 * in the order of `cards`. Never-studied cards get 0. Suspended cards get a value too;
 * leaving them out of a score is the caller's choice (see `computeReadiness`).
 * One typed array and no per-card objects, because this runs over whole collections on every redraw.
 */
export function examRecall(cards: readonly Card[], examDate: number, decay?: number): Float64Array {
  const { factor, decay: d } = forgettingCurve(decay);
  const recall = new Float64Array(cards.length);
  const scale = factor / DAY_MS;
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    const last = card.lastReview;
    const s = card.stability;
    if (card.state === CardState.New || last === null || !(s > 0)) continue;
    recall[i] = recallOnExamDay(scale, d, examDate, last, s);
  }
  return recall;
}

/**
 * One studied card's recall at `examDate`, `scale` being the curve's factor per ms. Shared by every
 * loop over the collection so all of them give the same value to the last bit.
 */
export function recallOnExamDay(scale: number, decay: number, examDate: number, lastReview: number, stability: number): number {
  const elapsed = examDate > lastReview ? examDate - lastReview : 0;
  return Math.pow(1 + (scale * elapsed) / stability, -decay);
}
