import { get_fuzz_range } from 'ts-fsrs';
import { easyDayModifiers, weekdayOf, type EasyDays } from './easy-days';

/** Review cards already due on a learner day (the day number of `learnerDay`). */
export type DayLoad = (day: number) => number;

/**
 * Beyond this many days the need to balance is low and the fuzz range is wide anyway;
 * Anki's load balancer stops at the same interval.
 */
export const LOAD_BALANCE_MAX_INTERVAL = 90;

/** Anki (fuzz.rs `fuzz_delta`) and ts-fsrs fuzz no interval shorter than this, so nor does their load balancer. */
export const SHORTEST_FUZZED_INTERVAL = 2.5;

export interface IntervalChoice {
  /** The interval FSRS asks for, in whole days, already within the maximum interval. */
  interval: number;
  /** Learner days since the last review (0 for a card answered for the first time). */
  elapsedDays: number;
  maximumInterval: number;
  /** The shortest interval the answer may get: a day more than the answer below it (Hard for Good), 1 for none. */
  minimum?: number;
  /** A number in [0, 1) fixed per card and answer, so the button and the stored answer agree. */
  seed: number;
  /** Today's learner day; the load is read for `today + interval`. */
  today: number;
  /** When given, the day is picked among the fuzz range with a preference for quiet days. */
  load?: DayLoad;
  /** Each weekday's share of the load, Monday first (see easy-days.ts); with a load only, as in Anki. */
  easyDays?: EasyDays;
}

/**
 * The interval actually stored: FSRS's interval moved within ts-fsrs's fuzz range, never past
 * the maximum interval nor under the minimum. The range is cut to the minimum before a day is
 * picked, as Anki's `constrained_fuzz_bounds` does, and keeps two days where the cut leaves one:
 * clamped after the pick instead, every Good whose Hard took the quiet day just below Good's range
 * would land on the one day after it, and a deck studied together would come back on that day. Without a load the seed picks a day uniformly, as ts-fsrs does. With a
 * load the days are weighted as in Anki 24.11's load balancer, `(1 / reviews)^2.15 · (1 / days)^3`
 * and 1 for an empty day, so a quieter day is much likelier and a nearer one slightly likelier;
 * the seed then picks by weight, which keeps cards answered together from landing on one day.
 * Easy days multiply a busy day's weight by its weekday's factor, as Anki 24.11 does.
 */
export function fuzzedInterval(choice: IntervalChoice): number {
  const { elapsedDays, maximumInterval, seed, today, load, easyDays } = choice;
  const minimum = Math.min(choice.minimum ?? 1, maximumInterval);
  const interval = Math.min(Math.max(choice.interval, minimum), maximumInterval);
  if (interval < SHORTEST_FUZZED_INTERVAL) return Math.min(Math.max(Math.round(interval), minimum), maximumInterval);
  const range = get_fuzz_range(interval, elapsedDays, maximumInterval);
  const min = Math.min(Math.max(range.min_ivl, minimum), maximumInterval);
  let max = Math.min(Math.max(range.max_ivl, minimum), maximumInterval);
  if (max === min && max > 2 && max < maximumInterval) max = min + 1;
  if (!load || interval > LOAD_BALANCE_MAX_INTERVAL) return Math.min(Math.floor(seed * (max - min + 1) + min), max);
  const days = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const counts = days.map((day) => load(today + day));
  const modifiers = easyDays ? easyDayModifiers(easyDays, days.map((day) => weekdayOf(today + day)), counts) : days.map(() => 1);
  const weights: number[] = [];
  let total = 0;
  days.forEach((day, i) => {
    const reviews = counts[i]!;
    const weight = reviews <= 0 ? 1 : Math.pow(1 / reviews, 2.15) * Math.pow(1 / day, 3) * modifiers[i]!;
    weights.push(weight);
    total += weight;
  });
  let pick = seed * total;
  for (let i = 0; i < weights.length; i++) {
    pick -= weights[i]!;
    if (pick < 0) return min + i;
  }
  return max;
}
