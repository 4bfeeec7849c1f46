import { shuffled, type Random } from './random';
import { overlaps, sameTextKey } from './same-text';

/** 1–4 / A–D: four options, as the exam has. */
export const OPTION_COUNT = 4;
/** A question with fewer options than this is too easy to be worth asking. */
export const MIN_OPTIONS = 3;

export interface Candidate {
  text: string;
  /** Lower is more confusable with the right answer (0: a neighbour); Infinity when unrelated. */
  distance: number;
}

/**
 * The wrong options: the most confusable candidates first, ties broken by the seed, skipping any
 * that equal or contain a right answer or an option already taken.
 */
export function pickDistractors(candidates: readonly Candidate[], rights: readonly string[], wanted: number, random: Random): string[] {
  const ranked = shuffled(candidates, random).sort((a, b) => a.distance - b.distance);
  const taken: string[] = [];
  for (const { text } of ranked) {
    if (taken.length >= wanted) break;
    if (rights.some((right) => overlaps(right, text))) continue;
    if (taken.some((other) => sameTextKey(other) === sameTextKey(text))) continue;
    taken.push(text);
  }
  return taken;
}

/** Rights and wrongs shuffled together; null when there are too few to make a question. */
export function arrange(rights: readonly string[], wrongs: readonly string[], random: Random): { options: string[]; correct: number[] } | null {
  if (wrongs.length === 0 || rights.length + wrongs.length < MIN_OPTIONS) return null;
  const options = shuffled([...rights.map((text) => ({ text, right: true })), ...wrongs.map((text) => ({ text, right: false }))], random);
  return {
    options: options.map((option) => option.text),
    correct: options.flatMap((option, i) => (option.right ? [i] : [])),
  };
}

/**
 * How many right answers a select-all question shows: two or three when the relation has that
 * many, so the count of ticks does not give the answer away; always at least one wrong option.
 */
export function shownRightCount(rights: number, random: Random): number {
  if (rights <= 1) return rights;
  return Math.min(rights, OPTION_COUNT - 1, 2 + Math.floor(random() * 2));
}
