import { CardState, type Card } from '../collection/model';

/** Cards in each state; a suspended card counts only as suspended, whatever its state. */
export interface CardCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
}

export function cardCountsByState(cards: readonly Pick<Card, 'state' | 'suspended'>[]): CardCounts {
  const counts: CardCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
  for (const card of cards) {
    if (card.suspended) counts.suspended++;
    else if (card.state === CardState.New) counts.new++;
    else if (card.state === CardState.Learning) counts.learning++;
    else if (card.state === CardState.Review) counts.review++;
    else counts.relearning++;
  }
  return counts;
}
