import { describe, expect, it } from 'vitest';
import type { CardHistory } from '../../../src/core/optimiser/history';
import { trainingArrays, type TrainingArrays } from '../../../src/core/optimiser/training-set';

const DAY = 86_400_000;

/** A card first seen on `startDay`, answered Good after each gap (0 = again the same day). */
function card(cardId: string, startDay: number, gaps: number[]): CardHistory {
  let day = startDay;
  let time = startDay * DAY;
  const reviews = [{ rating: 3, deltaT: 0, time }];
  for (const gap of gaps) {
    day += gap;
    time = gap === 0 ? time + 60_000 : day * DAY;
    reviews.push({ rating: 3, deltaT: gap, time });
  }
  return { cardId, reviews };
}

/** Each item as the gaps it replays, in the order fsrs-rs gets them. */
function items({ deltaTs, lengths }: TrainingArrays): number[][] {
  let at = 0;
  return Array.from(lengths, (length) => Array.from(deltaTs.subarray(at, (at += length))));
}

describe('the training set handed to fsrs-rs', () => {
  it('predicts every answer given on a later day from the card’s answers before it, oldest answer first', () => {
    // b's answers fall between a's: a card-by-card order would put all of a's before b's.
    const histories = [card('a', 0, [1, 0, 4, 10]), card('b', 2, [2, 6])];
    expect(items(trainingArrays(histories))).toEqual([
      [0, 1],
      [0, 2],
      [0, 1, 0, 4],
      [0, 2, 6],
      [0, 1, 0, 4, 10],
    ]);
  });

  it('past its budget, keeps the newest answers and a quarter of the budget for the newest first intervals', () => {
    const histories = [card('old', 0, [3, 7, 15, 30]), card('new', 40, [3, 7, 15])];
    expect(items(trainingArrays(histories, 4))).toEqual([
      [0, 3],
      [0, 3, 7],
      [0, 3, 7, 15, 30],
      [0, 3, 7, 15],
    ]);
  });

  it('gives the first intervals the whole budget when a history holds nothing else', () => {
    const histories = [card('a', 0, [1]), card('b', 1, [3]), card('c', 2, [5])];
    expect(items(trainingArrays(histories, 2))).toEqual([
      [0, 3],
      [0, 5],
    ]);
  });
});
