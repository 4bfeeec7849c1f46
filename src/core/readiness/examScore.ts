import type { Card } from '../collection/model';
import { isStudied, recallOnExamDay } from './examRecall';
import { DAY_MS, forgettingCurve } from './forgettingCurve';

/** The predicted exam score and the counts said beside it: the readiness report's overall topic. */
export interface ExamScore {
  /** Mean predicted recall on the exam day over the cards in scope, 0..1 (0 with no cards). */
  predictedRecall: number;
  cardCount: number;
  studiedCount: number;
}

/**
 * The overall score of `computeReadiness` from the schedules alone: it needs neither notes nor
 * decks, so Readiness shows it before the topics are worked out. Suspended cards are out of scope.
 */
export function examScore(cards: readonly Pick<Card, 'state' | 'suspended' | 'lastReview' | 'stability'>[], examDate: number, decay?: number): ExamScore {
  const { factor, decay: d } = forgettingCurve(decay);
  const scale = factor / DAY_MS;
  let sum = 0;
  let cardCount = 0;
  let studiedCount = 0;
  for (const card of cards) {
    if (card.suspended) continue;
    cardCount++;
    if (!isStudied(card)) continue;
    studiedCount++;
    sum += recallOnExamDay(scale, d, examDate, card.lastReview, card.stability);
  }
  return { predictedRecall: cardCount === 0 ? 0 : sum / cardCount, cardCount, studiedCount };
}
