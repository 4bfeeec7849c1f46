import { describe, expect, it } from 'vitest';
import { CardState, newSchedule, type Card } from '../../../src/core/collection/model';
import {
  afterPreviewAnswer,
  afterRescheduledAnswer,
  filteredQueue,
  filteredSearch,
  gatherFiltered,
  movedHome,
  movedIn,
  PREVIEW_AGAIN_MS,
  PREVIEW_HARD_MS,
  previewDeckOutcomes,
} from '../../../src/core/scheduling/filtered';

const NOW = Date.UTC(2026, 11, 3, 1);
const DAY = 86_400_000;

function card(id: string, over: Partial<Card> = {}): Card {
  return { id, noteId: id, template: 0, deckId: 'home', suspended: false, buriedUntil: null, ...newSchedule(NOW - DAY), ...over };
}

const facts = { addedAt: () => null, retrievability: () => 0.5, random: (c: Card) => (c.id.charCodeAt(0) * 7) % 5 };

describe("filtered decks, with Anki's home-deck (odid) semantics", () => {
  it('never takes suspended, buried or other filtered decks’ cards, whatever the search', () => {
    expect(filteredSearch('tag:exam')).toBe('(tag:exam) -is:suspended -is:buried -deck:filtered');
    expect(filteredSearch('  ')).toBe('-is:suspended -is:buried -deck:filtered');
  });

  it('orders by the chosen order and stops at the limit', () => {
    const found = [card('a', { state: CardState.Review, due: NOW + 3 * DAY, lapses: 1 }), card('b', { state: CardState.Review, due: NOW - DAY, lapses: 5 }), card('c')];
    expect(gatherFiltered(found, { search: '', limit: 2, order: 'due', reschedule: true }, facts).map((c) => c.id)).toEqual(['b', 'a']);
    expect(gatherFiltered(found, { search: '', limit: 5, order: 'lapses', reschedule: true }, facts).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('moves a card in with its home deck and due kept, and home again as it was when emptied', () => {
    const review = card('r', { state: CardState.Review, due: NOW + 5 * DAY });
    const inside = movedIn(review, 'cram', 0, NOW);
    expect(inside).toMatchObject({ deckId: 'cram', homeDeckId: 'home', homeDue: NOW + 5 * DAY, due: NOW });
    expect(movedHome(inside)).toEqual(review);
  });

  it('rescheduling: stays while in learning steps, goes home once it has graduated, with its new due', () => {
    const inside = movedIn(card('n'), 'cram', 0, NOW);
    expect(afterRescheduledAnswer({ ...inside, state: CardState.Learning, due: NOW + 60_000 })).toMatchObject({ deckId: 'cram', due: NOW + 60_000 });
    const home = afterRescheduledAnswer({ ...inside, state: CardState.Review, due: NOW + 3 * DAY });
    expect(home).toMatchObject({ deckId: 'home', due: NOW + 3 * DAY });
    expect(home.homeDeckId).toBeUndefined();
  });

  it('preview: Again comes back after a minute, Good goes home unchanged', () => {
    const review = card('p', { state: CardState.Review, due: NOW + 9 * DAY });
    const inside = movedIn(review, 'preview', 0, NOW);
    expect(afterPreviewAnswer(inside, 1, NOW)).toMatchObject({ deckId: 'preview', due: NOW + PREVIEW_AGAIN_MS });
    expect(afterPreviewAnswer(inside, 3, NOW)).toEqual(review);
  });

  it("preview buttons are Anki's preview delays, not FSRS intervals: Again 1 min, Hard 10 min, Good and Easy end the preview (Anki's \"(end)\")", () => {
    const review = card('r', { state: CardState.Review, due: NOW + 30 * DAY, stability: 40, difficulty: 5, scheduledDays: 30, reps: 4, lastReview: NOW - DAY, homeDeckId: 'home', homeDue: NOW + 30 * DAY, deckId: 'preview' });
    const outcomes = previewDeckOutcomes(review, NOW);
    expect(outcomes.map((outcome) => [outcome.rating, outcome.intervalMs, outcome.endsPreview ?? false])).toEqual([
      [1, PREVIEW_AGAIN_MS, false],
      [2, PREVIEW_HARD_MS, false],
      [3, 0, true],
      [4, 0, true],
    ]);
    // Whatever the button, the card's schedule is the one it came with.
    for (const outcome of outcomes) expect(outcome.schedule).toMatchObject({ stability: 40, difficulty: 5, scheduledDays: 30, reps: 4, state: CardState.Review });
    expect(outcomes[2]!.schedule.due).toBe(NOW + 30 * DAY);
  });

  it('shows learning steps due now first, then the deck in its order, with no daily limit', () => {
    const cards = [
      { ...movedIn(card('x'), 'f', 2, NOW) },
      { ...movedIn(card('y'), 'f', 1, NOW) },
      { ...movedIn(card('z', { state: CardState.Learning, due: NOW - 1000 }), 'f', 3, NOW) },
      { ...movedIn(card('w'), 'f', 0, NOW), suspended: true },
    ];
    expect(filteredQueue(cards, NOW, 20 * 60_000).map((c) => c.id)).toEqual(['z', 'y', 'x']);
  });
});
