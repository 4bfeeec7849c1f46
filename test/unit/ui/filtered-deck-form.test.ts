import { describe, expect, it } from 'vitest';
import { filteredConfigOf, formOfDeck, freshFilteredForm, nextFilteredDeckName, startingSearch } from '../../../src/renderer/src/screens/decks/filtered-deck-form';
import { canDropOn, type DeckListNode } from '../../../src/renderer/src/components/deck-rows';

describe('Create Filtered Deck, as Anki’s dialog', () => {
  it('starts as Anki does: the next free "Filtered Deck N", 100 cards, random, rescheduled, from the deck’s due cards or Browse’s search', () => {
    expect(nextFilteredDeckName(['AWS', 'filtered deck 1', 'Filtered Deck 3'], 'Filtered Deck')).toBe('Filtered Deck 2');
    expect(nextFilteredDeckName([], 'フィルターデッキ')).toBe('フィルターデッキ 1');
    expect(startingSearch({ deckName: 'AWS "Security"::IAM' })).toBe('deck:"AWS \\"Security\\"::IAM" is:due');
    expect(startingSearch({ search: 'tag:iam prop:lapses>2' })).toBe('tag:iam prop:lapses>2');
    expect(filteredConfigOf(freshFilteredForm('Exam week', 'tag:iam'))).toEqual({
      name: 'Exam week',
      config: { search: 'tag:iam', limit: 100, order: 'random', reschedule: true, previewDelays: { again: 60, hard: 600, good: 0 } },
    });
  });

  it("a built deck's Options start from its settings; the second filter starts at Anki's 20 random until it is enabled", () => {
    const config = { search: 'tag:iam', limit: 7, order: 'lapses' as const, reschedule: false, previewDelays: { again: 10, hard: 0, good: 90 } };
    const form = formOfDeck('Week', config);
    expect(form).toMatchObject({ secondOn: false, search2: '', limit2: 20, order2: 'random', again: 10, hard: 0, good: 90 });
    expect(filteredConfigOf(form)).toEqual({ name: 'Week', config });
    const second = { search: 'is:new', limit: 3, order: 'added' as const };
    expect(filteredConfigOf({ ...form, secondOn: true, search2: ' is:new ', limit2: '3', order2: 'added' })).toEqual({ name: 'Week', config: { ...config, second } });
    expect(formOfDeck('Week', { ...config, second })).toMatchObject({ secondOn: true, search2: 'is:new', limit2: 3, order2: 'added' });
  });

  it('says what is wrong with a second limit outside 1–99,999 or a delay outside 0–99,999 seconds', () => {
    const form = { ...freshFilteredForm('Week', 'is:due'), secondOn: true };
    expect(filteredConfigOf({ ...form, limit2: '0' })).toEqual({ problem: 'limit' });
    for (const again of ['', '-1', '1.5', 100_000]) expect(filteredConfigOf({ ...form, again })).toEqual({ problem: 'delay' });
    expect(filteredConfigOf({ ...form, again: '0', secondOn: false, limit2: '0' })).toMatchObject({ config: { previewDelays: { again: 0 } } });
  });

  it('says what is wrong with a blank name or a limit outside 1–99,999', () => {
    const form = freshFilteredForm('  ', 'is:due');
    expect(filteredConfigOf(form)).toEqual({ problem: 'name' });
    for (const limit of ['', '0', '2.5', 100_000, 'ten']) expect(filteredConfigOf({ ...form, name: 'Week', limit })).toEqual({ problem: 'limit' });
    expect(filteredConfigOf({ ...form, name: 'Week', limit: ' 99999 ', order: 'lapses', reschedule: false })).toMatchObject({ config: { limit: 99_999, order: 'lapses', reschedule: false } });
  });

  it('never lets a deck be dropped onto a filtered deck in the deck list', () => {
    const node = (id: string, filtered = false): DeckListNode => ({ id, label: id, fullName: id, newCount: 0, learningCount: 0, reviewCount: 0, cardCount: 0, children: [], ...(filtered ? { filtered } : {}) });
    const decks = [node('aws'), node('week', true), node('ipa')];
    expect(canDropOn(decks, decks[0]!, 'ipa')).toBe(true);
    expect(canDropOn(decks, decks[0]!, 'week')).toBe(false);
  });
});
