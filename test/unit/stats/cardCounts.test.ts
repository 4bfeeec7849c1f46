import { describe, expect, it } from 'vitest';
import { digestSharesOf } from '../../../src/core/cards/digest';
import { CardState } from '../../../src/core/collection/model';
import { cardCountsByState } from '../../../src/core/stats/cardCounts';
import { card } from './fixtures';

describe('card counts by state', () => {
  it('counts each state, a suspended card only as suspended', () => {
    const cards = [
      card('n1', { state: CardState.New }),
      card('n2', { state: CardState.New }),
      card('l', { state: CardState.Learning }),
      card('r1'),
      card('r2'),
      card('r3'),
      card('rl', { state: CardState.Relearning }),
      card('s1', { suspended: true }),
      card('s2', { suspended: true, state: CardState.New }),
    ];
    expect(cardCountsByState(digestSharesOf(cards))).toEqual({ new: 2, learning: 1, review: 3, relearning: 1, suspended: 2 });
  });
});
