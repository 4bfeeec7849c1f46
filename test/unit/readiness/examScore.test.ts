import { describe, expect, it } from 'vitest';
import type { Card, Deck, Note } from '../../../src/core/collection/model';
import { examScore } from '../../../src/core/readiness/examScore';
import { computeReadiness } from '../../../src/core/readiness/readiness';
import { DAY, NOW, newCard, noteFor, studiedCard } from './fixtures';

const EXAM = NOW + 45 * DAY;
const decks: Deck[] = [{ id: 'deck-a', name: 'AWS Security' }];

describe('the exam score from schedules alone', () => {
  it('is the report’s overall score and counts, with no notes or decks', () => {
    const cards: Card[] = [
      studiedCard('a1', 30, 0),
      studiedCard('a2', 5, 3),
      studiedCard('a3', 60, 10),
      studiedCard('a4', 0.5, 20),
      newCard('a5'),
      studiedCard('a6', 12, 1, { suspended: true }),
    ];
    const notes: Note[] = cards.map((card) => noteFor(card, ['nfr::E.6']));
    const overall = computeReadiness({ cards, notes, decks, examDate: EXAM, target: 0.8, decay: 0.3 }).overall;
    const score = examScore(cards, EXAM, 0.3);
    expect(score.cardCount).toBe(overall.cardCount);
    expect(score.studiedCount).toBe(overall.studiedCount);
    expect(score.predictedRecall).toBeCloseTo(overall.predictedRecall, 12);
    expect(score).toEqual({ cardCount: 5, studiedCount: 4, predictedRecall: expect.any(Number) });
  });

  it('is 0 when every card is suspended or there are none', () => {
    expect(examScore([], EXAM)).toEqual({ predictedRecall: 0, cardCount: 0, studiedCount: 0 });
    expect(examScore([studiedCard('a1', 3, 1, { suspended: true })], EXAM)).toEqual({ predictedRecall: 0, cardCount: 0, studiedCount: 0 });
  });
});
