import type { CardHistory } from './history';

/** The training set in the flat form fsrs-browser's `computeParameters` reads: every item's answers, one list after another, and each list's length. */
export interface TrainingArrays {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
}

/** fsrs-rs leaves out items of more answers than this (its `max_seq_len`); they are not sent. */
const LONGEST_ITEM = 64;

/**
 * How many items fsrs-rs trains on at most. Its time grows with the items, each turned into
 * tensors of its own before training, more than with their length: on this 2-core machine under
 * load, 460,000 items (500,000 answers of 40,000 cards) took three minutes in the web app's
 * worker, 75,000 items 38 s; in Node, 25,000 items 9 s. 21 parameters are fitted well from far
 * fewer (the bench's fitted log loss: 0.3372 on all its items, 0.3400 on the newest 25,000).
 */
export const TRAINING_ITEMS = 25_000;

/**
 * The share of the items kept for cards' first intervals: fsrs-rs fits the first stabilities
 * from those alone, and in a long history the newest answers hold few of them.
 */
const FIRST_INTERVAL_SHARE = 0.25;

/**
 * The items fsrs-rs trains on: for every answer given on a later day than the card's previous
 * one, the card's answers up to it. As in Anki, same-day answers shape the memory state but are
 * not themselves predicted. Past `budget` items, the newest first intervals (up to their share)
 * and the newest other answers are kept. The items go oldest first: fsrs-rs weighs an item by
 * its place in the list, the last most, as the newest answers say most about the learner now.
 */
export function trainingArrays(histories: readonly CardHistory[], budget = TRAINING_ITEMS): TrainingArrays {
  let count = 0;
  for (const { reviews } of histories) {
    for (let end = 2; end <= Math.min(reviews.length, LONGEST_ITEM); end++) if (reviews[end - 1]!.deltaT > 0) count++;
  }
  const cardOf = new Uint32Array(count);
  const lengthOf = new Uint8Array(count);
  const timeOf = new Float64Array(count);
  const firstInterval = new Uint8Array(count);
  let item = 0;
  histories.forEach(({ reviews }, card) => {
    let intervals = 0;
    for (let end = 2; end <= Math.min(reviews.length, LONGEST_ITEM); end++) {
      const review = reviews[end - 1]!;
      if (review.deltaT === 0) continue;
      intervals++;
      cardOf[item] = card;
      lengthOf[item] = end;
      timeOf[item] = review.time;
      firstInterval[item] = intervals === 1 ? 1 : 0;
      item++;
    }
  });

  const newestFirst = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => timeOf[b]! - timeOf[a]! || a - b);
  const firsts = newestFirst.filter((i) => firstInterval[i] === 1);
  const others = newestFirst.filter((i) => firstInterval[i] === 0);
  // Either kind fills what the other leaves unused.
  const othersTaken = Math.min(others.length, Math.max(budget - Math.ceil(budget * FIRST_INTERVAL_SHARE), budget - firsts.length));
  const chosen = new Uint32Array([...firsts.subarray(0, budget - othersTaken), ...others.subarray(0, othersTaken)]).sort((a, b) => timeOf[a]! - timeOf[b]! || a - b);
  let replayed = 0;
  for (const picked of chosen) replayed += lengthOf[picked]!;

  const ratings = new Uint32Array(replayed);
  const deltaTs = new Uint32Array(replayed);
  const lengths = new Uint32Array(chosen.length);
  let at = 0;
  chosen.forEach((picked, index) => {
    const { reviews } = histories[cardOf[picked]!]!;
    const length = lengthOf[picked]!;
    for (let i = 0; i < length; i++) {
      ratings[at] = reviews[i]!.rating;
      deltaTs[at] = reviews[i]!.deltaT;
      at++;
    }
    lengths[index] = length;
  });
  return { ratings, deltaTs, lengths };
}
