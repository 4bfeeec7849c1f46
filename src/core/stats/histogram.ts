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

function histogram(values: Iterable<number>, edges: readonly number[]): HistogramBucket[] {
  if (edges.length === 0) throw new Error('stats: histogram edges must not be empty');
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! > edges[i - 1]!)) throw new Error(`stats: histogram edges must rise, but edge ${i} is ${edges[i]}`);
  }
  const buckets = edges.map((from, i) => ({ from, to: edges[i + 1] ?? Infinity, count: 0 }));
  for (const value of values) {
    if (value < edges[0]!) continue;
    let i = buckets.length - 1;
    while (value < buckets[i]!.from) i--;
    buckets[i]!.count++;
  }
  return buckets;
}

/** Current intervals (scheduled days) of cards in review, suspended cards aside. */
export function intervalDistribution(shares: readonly Pick<DigestShare, 'states' | 'suspended' | 'scheduledDays'>[], edges: readonly number[] = DEFAULT_DAY_EDGES): HistogramBucket[] {
  const intervals: number[] = [];
  for (const { states, suspended, scheduledDays } of shares) {
    for (let i = 0; i < states.length; i++) if (suspended[i] === 0 && states[i] === CardState.Review) intervals.push(scheduledDays[i]!);
  }
  return histogram(intervals, edges);
}

/** FSRS stability in days of every studied card, suspended cards aside. */
export function stabilityDistribution(shares: readonly Pick<DigestShare, 'states' | 'suspended' | 'stability'>[], edges: readonly number[] = DEFAULT_DAY_EDGES): HistogramBucket[] {
  const stabilities: number[] = [];
  for (const { states, suspended, stability } of shares) {
    for (let i = 0; i < states.length; i++) if (suspended[i] === 0 && states[i] !== CardState.New && stability[i]! > 0) stabilities.push(stability[i]!);
  }
  return histogram(stabilities, edges);
}
