import { describe, expect, it } from 'vitest';
import { customStudyDeck, customStudyProblem } from '../../../src/core/scheduling/custom-study';
import { parseSearch } from '../../../src/core/search';

describe("custom study decks as Anki's custom_study.rs builds them", () => {
  it('writes the searches of Anki (sql_grouping), the deck name quoted', () => {
    expect(customStudyDeck('d', { kind: 'preview', days: 1 })).toEqual({ search: 'is:new added:1 deck:"d"', order: 'oldestReviewedFirst', limit: 99_999, reschedule: false });
    const cram = customStudyDeck('d', { kind: 'cram', cards: 'due', limit: 100, tagsIncluded: ['1', '2'], tagsExcluded: ['3', '4'] });
    expect(cram).toEqual({ search: 'is:due deck:"d" (tag:"1" OR tag:"2") (-tag:"3" -tag:"4")', order: 'due', limit: 100, reschedule: true });
    expect(customStudyDeck('d', { kind: 'forgot', days: 2 })).toMatchObject({ search: 'rated:2:1 deck:"d"', order: 'random', reschedule: false });
    expect(customStudyDeck('d', { kind: 'ahead', days: 3 })).toMatchObject({ search: 'prop:due<=3 deck:"d"', order: 'due', reschedule: true });
    expect(customStudyDeck('d', { kind: 'cram', cards: 'all', limit: 5, tagsIncluded: [], tagsExcluded: [] })).toMatchObject({ search: 'deck:"d"', reschedule: false });
    expect(customStudyDeck('d', { kind: 'newLimit', delta: 5 })).toBeNull();
  });

  it('quotes deck names and tags with spaces, quotes and wildcards so the search finds exactly them', () => {
    const { search } = customStudyDeck('AWS "Sec"::K*_S', { kind: 'cram', cards: 'new', limit: 1, tagsIncluded: ['a_b'], tagsExcluded: [] })!;
    expect(search).toBe('is:new deck:"AWS \\"Sec\\"::K\\*\\_S" (tag:"a\\_b")');
    expect(() => parseSearch(search)).not.toThrow();
  });

  it("refuses what Anki's spin boxes refuse", () => {
    expect(customStudyProblem({ kind: 'forgot', days: 0 })).not.toBeNull();
    expect(customStudyProblem({ kind: 'ahead', days: 366 })).not.toBeNull();
    expect(customStudyProblem({ kind: 'newLimit', delta: 1.5 })).not.toBeNull();
    expect(customStudyProblem({ kind: 'cram', cards: 'new', limit: 0, tagsIncluded: [], tagsExcluded: [] })).not.toBeNull();
    expect(customStudyProblem({ kind: 'reviewLimit', delta: 50 })).toBeNull();
  });
});
