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
 * the maximum interval. Without a load the seed picks a day uniformly, as ts-fsrs does. With a
 * load the days are weighted as in Anki 24.11's load balancer, `(1 / reviews)^2.15 · (1 / days)^3`
 * and 1 for an empty day, so a quieter day is much likelier and a nearer one slightly likelier;
 * the seed then picks by weight, which keeps cards answered together from landing on one day.
 * Easy days multiply a busy day's weight by its weekday's factor, as Anki 24.11 does.
 */
export function fuzzedInterval(choice: IntervalChoice): number {
  const { interval, elapsedDays, maximumInterval, seed, today, load, easyDays } = choice;
  if (interval < SHORTEST_FUZZED_INTERVAL) return Math.min(Math.round(interval), maximumInterval);
  const { min_ivl: min, max_ivl: max } = get_fuzz_range(interval, elapsedDays, maximumInterval);
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
