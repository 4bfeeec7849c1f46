import { describe, expect, it } from 'vitest';
import { CardState, newSchedule, type Card } from '../../../src/core/collection/model';
import {
  afterPreviewAnswer,
  afterRescheduledAnswer,
  checkFilteredConfig,
  DEFAULT_PREVIEW_DELAYS,
  filteredQueue,
  filteredSearch,
  gatherAllFiltered,
  gatherFiltered,
  movedHome,
  movedIn,
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
    expect(gatherFiltered(found, { search: '', limit: 2, order: 'due' }, facts).map((c) => c.id)).toEqual(['b', 'a']);
    expect(gatherFiltered(found, { search: '', limit: 5, order: 'lapses' }, facts).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('a second filter draws after the first, with its own limit and order, never taking a card twice', () => {
    const a = card('a', { state: CardState.Review, due: NOW - 3 * DAY, lapses: 0 });
    const b = card('b', { state: CardState.Review, due: NOW - 2 * DAY, lapses: 4 });
    const c = card('c', { state: CardState.Review, due: NOW - DAY, lapses: 9 });
    const d = card('d', { state: CardState.Review, due: NOW, lapses: 2 });
    const config = { search: 'first', limit: 2, order: 'due' as const, reschedule: true, second: { search: 'second', limit: 2, order: 'lapses' as const } };
    // The first takes a and b by due; the second, by lapses, skips b (already taken) and takes c then d.
    expect(gatherAllFiltered([[a, b, c], [b, c, d]], config, facts).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(gatherAllFiltered([[a, b, c], [b, c, d]], { ...config, second: undefined }, facts).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it("refuses a second filter's limit out of Anki's 1–99,999 and a preview delay out of 0–99,999 seconds", () => {
    const config = { search: '', limit: 10, order: 'random' as const, reschedule: false };
    expect(checkFilteredConfig({ ...config, second: { search: 'x', limit: 20, order: 'random' }, previewDelays: { again: 0, hard: 99_999, good: 30 } })).toEqual([]);
    expect(checkFilteredConfig({ ...config, second: { search: 'x', limit: 0, order: 'random' } })).toEqual(['second filter limit must be 1–99999']);
    expect(checkFilteredConfig({ ...config, previewDelays: { again: 60, hard: 1.5, good: -1 } })).toEqual(['hard delay must be 0–99999 seconds', 'good delay must be 0–99999 seconds']);
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
    expect(afterPreviewAnswer(inside, 1, NOW, DEFAULT_PREVIEW_DELAYS)).toMatchObject({ deckId: 'preview', due: NOW + 60_000 });
    expect(afterPreviewAnswer(inside, 3, NOW, DEFAULT_PREVIEW_DELAYS)).toEqual(review);
  });

  it("preview with the deck's own delays: Good with a delay comes back, a delay of 0 sends the card home, Easy always does", () => {
    const review = card('p', { state: CardState.Review, due: NOW + 9 * DAY });
    const inside = movedIn(review, 'preview', 0, NOW);
    const delays = { again: 0, hard: 30, good: 300 };
    expect(afterPreviewAnswer(inside, 1, NOW, delays)).toEqual(review);
    expect(afterPreviewAnswer(inside, 2, NOW, delays)).toMatchObject({ deckId: 'preview', due: NOW + 30_000 });
    expect(afterPreviewAnswer(inside, 3, NOW, delays)).toMatchObject({ deckId: 'preview', due: NOW + 300_000 });
    expect(afterPreviewAnswer(inside, 4, NOW, delays)).toEqual(review);
    expect(previewDeckOutcomes(inside, NOW, delays).map((outcome) => [outcome.intervalMs, outcome.endsPreview ?? false])).toEqual([
      [0, true],
      [30_000, false],
      [300_000, false],
      [0, true],
    ]);
  });

  it("preview buttons are Anki's preview delays, not FSRS intervals: Again 1 min, Hard 10 min, Good and Easy end the preview (Anki's \"(end)\")", () => {
    const review = card('r', { state: CardState.Review, due: NOW + 30 * DAY, stability: 40, difficulty: 5, scheduledDays: 30, reps: 4, lastReview: NOW - DAY, homeDeckId: 'home', homeDue: NOW + 30 * DAY, deckId: 'preview' });
    const outcomes = previewDeckOutcomes(review, NOW, DEFAULT_PREVIEW_DELAYS);
    expect(outcomes.map((outcome) => [outcome.rating, outcome.intervalMs, outcome.endsPreview ?? false])).toEqual([
      [1, 60_000, false],
      [2, 600_000, false],
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
