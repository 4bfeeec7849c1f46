import type { Card, Id } from '../collection/model';
import { examRecall, isStudied } from './examRecall';

export interface StudyWeakestOptions {
  /** Session size; every eligible card when omitted. */
  limit?: number;
  /**
   * Also list never-studied cards (they come first, at recall 0). Off by default:
   * new cards arrive through the daily new-card limit, and a "weakest" session is for
   * cards the learner has met and is losing.
   */
  includeNew?: boolean;
  decay?: number;
}

/**
 * Card ids for a "study weakest" session: lowest predicted recall on the exam day first,
 * whether or not the card is due. Suspended cards are left out; ties keep the order of `cards`.
 */
export function studyWeakest(cards: readonly Card[], examDate: number, options: StudyWeakestOptions = {}): Id[] {
  const recall = examRecall(cards, examDate, options.decay);
  const order: number[] = [];
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    if (card.suspended) continue;
    if (!options.includeNew && !isStudied(card)) continue;
    order.push(i);
  }
  order.sort((a, b) => recall[a]! - recall[b]! || a - b);
  const limit = options.limit ?? order.length;
  return order.slice(0, Math.max(0, limit)).map((i) => cards[i]!.id);
}
