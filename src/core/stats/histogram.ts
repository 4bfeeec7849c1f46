import type { DigestShare } from '../cards/digest';
import { CardState } from '../collection/model';

/** One bar of a histogram: cards with a value in [from, to) days; the last bar has to = Infinity. */
export interface HistogramBucket {
  from: number;
  to: number;
  count: number;
}

/** Bar edges in days, finer where intervals are short and the learner's cards crowd. */
export const DEFAULT_DAY_EDGES: readonly number[] = [0, 1, 2, 3, 5, 7, 14, 21, 30, 60, 90, 180, 365];

/** The bar holding `value`, found by halving: a collection's 50,000 cards go through here. */
function barOf(value: number, edges: readonly number[]): number {
  let low = 0;
  let high = edges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (value >= edges[middle]!) low = middle;
    else high = middle - 1;
  }
  return low;
}

function histogram<S extends Pick<DigestShare, 'states'>>(shares: readonly S[], counted: (share: S, i: number) => boolean, valueOf: (share: S, i: number) => number, edges: readonly number[]): HistogramBucket[] {
  if (edges.length === 0) throw new Error('stats: histogram edges must not be empty');
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! > edges[i - 1]!)) throw new Error(`stats: histogram edges must rise, but edge ${i} is ${edges[i]}`);
  }
  const counts = new Array<number>(edges.length).fill(0);
  for (const share of shares) {
    for (let i = 0; i < share.states.length; i++) {
      if (!counted(share, i)) continue;
      const value = valueOf(share, i);
      if (value >= edges[0]!) counts[barOf(value, edges)]!++;
    }
  }
  return edges.map((from, i) => ({ from, to: edges[i + 1] ?? Infinity, count: counts[i]! }));
}

/** Current intervals (scheduled days) of cards in review, suspended cards aside. */
export function intervalDistribution(shares: readonly Pick<DigestShare, 'states' | 'suspended' | 'scheduledDays'>[], edges: readonly number[] = DEFAULT_DAY_EDGES): HistogramBucket[] {
  return histogram(shares, (share, i) => share.suspended[i] === 0 && share.states[i] === CardState.Review, (share, i) => share.scheduledDays[i]!, edges);
}

/** FSRS stability in days of every studied card, suspended cards aside. */
export function stabilityDistribution(shares: readonly Pick<DigestShare, 'states' | 'suspended' | 'stability'>[], edges: readonly number[] = DEFAULT_DAY_EDGES): HistogramBucket[] {
  return histogram(shares, (share, i) => share.suspended[i] === 0 && share.states[i] !== CardState.New && share.stability[i]! > 0, (share, i) => share.stability[i]!, edges);
}
