import { describe, expect, it } from 'vitest';
import { studyWeakest } from '../../../src/core/readiness/studyWeakest';
import { DAY, NOW, newCard, studiedCard } from './fixtures';

const EXAM = NOW + 14 * DAY;

describe('study weakest', () => {
  const cards = [
    studiedCard('strong', 200, 1),
    studiedCard('shaky', 2, 10),
    newCard('unseen'),
    studiedCard('middling', 20, 5, { due: NOW + 30 * DAY }),
    studiedCard('set-aside', 0.5, 30, { suspended: true }),
  ];

  it('orders studied cards by lowest predicted recall on the exam day, due or not', () => {
    expect(studyWeakest(cards, EXAM)).toEqual(['shaky', 'middling', 'strong']);
  });

  it('puts never-studied cards first only when asked', () => {
    expect(studyWeakest(cards, EXAM, { includeNew: true })).toEqual(['unseen', 'shaky', 'middling', 'strong']);
  });

  it('stops at the session size', () => {
    expect(studyWeakest(cards, EXAM, { limit: 2 })).toEqual(['shaky', 'middling']);
  });
});
