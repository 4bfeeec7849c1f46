import type { DigestShare } from '../cards/digest';
import { CardState } from '../collection/model';

/** Cards in each state; a suspended card counts only as suspended, whatever its state. */
export interface CardCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
}

export function cardCountsByState(shares: readonly Pick<DigestShare, 'states' | 'suspended'>[]): CardCounts {
  const counts: CardCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
  for (const { states, suspended } of shares) {
    for (let i = 0; i < states.length; i++) {
      const state = states[i];
      if (suspended[i] === 1) counts.suspended++;
      else if (state === CardState.New) counts.new++;
      else if (state === CardState.Learning) counts.learning++;
      else if (state === CardState.Review) counts.review++;
      else counts.relearning++;
    }
  }
  return counts;
}
