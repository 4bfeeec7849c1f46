import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import { CUSTOM_STUDY_DECK_ID, NoCardsError } from '../../../src/renderer/src/storage/filtered-decks';
import { DeckNameError, FilteredDeckTargetError } from '../../../src/renderer/src/storage/decks';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { DAY, MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

async function withDecks(count = 6): Promise<Collection> {
  const collection = fresh();
  await collection.installDecks(
    builtInDecks(count, (notes) => notes.map((note, i) => (i < 2 ? { ...note, tags: ['iam'] } : note))),
    T0,
  );
  return collection;
}

const deckOf = async (collection: Collection, cardId: string) => (await collection.db.cards.get(cardId))?.deckId;
const queueIds = async (collection: Collection, deckId: string, now: number) => (await collection.todayQueue(deckId, now)).cards.map((card) => card.id);

describe('filtered decks', () => {
  it('build moves the cards its search finds in, in its order and up to its limit; empty sends them home as they were', async () => {
    const collection = await withDecks();
    const before = await collection.db.cards.get('aws-4/0');
    const { deckId, cards } = await collection.createFilteredDeck('Exam week', { search: 'deck:"AWS Security"', limit: 3, order: 'reverseAdded', reschedule: true }, T0);
    expect(cards).toBe(3);
    const inside = await collection.db.cards.where('deckId').equals(deckId).toArray();
    expect(inside.every((card) => card.homeDeckId === 'deck-aws')).toBe(true);
    expect(await queueIds(collection, deckId, T0 + MINUTE)).toHaveLength(3);
    const list = await collection.deckList(T0 + MINUTE);
    expect([list.cardsPerDeck.get(deckId), list.cardsPerDeck.get('deck-aws')]).toEqual([3, 3]);
    // The home deck no longer shows the cards that left it.
    expect(await queueIds(collection, 'deck-aws', T0 + MINUTE)).not.toEqual(expect.arrayContaining(inside.map((card) => card.id)));

    expect(await collection.emptyFilteredDeck(deckId)).toBe(3);
    expect(await collection.db.cards.where('deckId').equals(deckId).count()).toBe(0);
    expect(await collection.db.cards.get('aws-4/0')).toEqual(before);
  });

  it('takes no suspended or buried card, none of another filtered deck, and rebuilding starts from home', async () => {
    const collection = await withDecks();
    await collection.setSuspended(['aws-0/0'], true);
    await collection.bury('aws-1/0', T0);
    const first = await collection.createFilteredDeck('First', { search: '"Question 2" or "Question 3"', limit: 100, order: 'due', reschedule: true }, T0);
    // "Question" is on every AWS note; only the cards nobody else holds may come in.
    const second = await collection.createFilteredDeck('Second', { search: 'Question', limit: 100, order: 'due', reschedule: true }, T0);
    const inSecond = (await collection.db.cards.where('deckId').equals(second.deckId).primaryKeys()).sort();
    expect(first.cards).toBe(2);
    expect(inSecond).toEqual(['aws-4/0', 'aws-5/0']);
    await collection.emptyFilteredDeck(first.deckId);
    expect(await collection.rebuildFilteredDeck(second.deckId, T0 + MINUTE)).toBe(4);
  });

  it('in a deck that reschedules, a review card answered goes home with its new schedule; a learning card stays until it graduates', async () => {
    const collection = await withDecks();
    await collection.answer('aws-0/0', Rating.Easy, T0, 3000);
    const { deckId } = await collection.createFilteredDeck('Ahead', { search: '"Question 0" or "Question 1"', limit: 10, order: 'due', reschedule: true }, T0 + MINUTE);
    const review = await collection.answer('aws-0/0', Rating.Good, T0 + 2 * MINUTE, 3000);
    expect(review.card.deckId).toBe('deck-aws');
    expect(review.card.homeDeckId).toBeUndefined();
    expect(review.card.reps).toBe(2);
    const learning = await collection.answer('aws-1/0', Rating.Good, T0 + 3 * MINUTE, 3000);
    expect(learning.card.state).toBe(CardState.Learning);
    expect(learning.card.deckId).toBe(deckId);
    expect(await collection.db.reviews.count()).toBe(3);
  });

  it('in a deck that does not reschedule, Again comes back in a minute and Good sends the card home unchanged, with nothing logged', async () => {
    const collection = await withDecks();
    const before = await collection.db.cards.get('aws-0/0');
    const { deckId } = await collection.createFilteredDeck('Preview', { search: '"Question 0"', limit: 10, order: 'due', reschedule: false }, T0);
    const again = await collection.answer('aws-0/0', Rating.Again, T0 + MINUTE, 3000);
    expect(again.card).toMatchObject({ deckId, due: T0 + 2 * MINUTE, state: CardState.New });
    expect(await queueIds(collection, deckId, T0 + MINUTE + 1000)).toEqual(['aws-0/0']);
    await collection.answer('aws-0/0', Rating.Good, T0 + 2 * MINUTE, 3000);
    expect(await collection.db.cards.get('aws-0/0')).toEqual(before);
    expect(await collection.db.reviews.count()).toBe(0);
  });

  it('a card an answer sends home leaves the deck list’s card count of the filtered deck, and joins its home deck’s', async () => {
    const collection = await withDecks();
    const homeCards = async () => (await collection.deckList(T0 + DAY)).cardsPerDeck.get('deck-aws');
    const before = await homeCards();
    const preview = await collection.createFilteredDeck('Preview', { search: '"Question 0" or "Question 1"', limit: 10, order: 'due', reschedule: false }, T0);
    await collection.answer('aws-0/0', Rating.Good, T0 + MINUTE, 3000);
    const list = await collection.deckList(T0 + DAY);
    expect([list.cardsPerDeck.get(preview.deckId), list.cardsPerDeck.get('deck-aws')]).toEqual([1, before! - 1]);
    await collection.deleteFilteredDeck(preview.deckId);
    await collection.answer('aws-1/0', Rating.Easy, T0 + 2 * MINUTE, 3000);
    const ahead = await collection.createFilteredDeck('Ahead', { search: '"Question 1"', limit: 10, order: 'due', reschedule: true }, T0 + 3 * MINUTE);
    await collection.answer('aws-1/0', Rating.Good, T0 + 4 * MINUTE, 3000);
    expect((await collection.deckList(T0 + DAY)).cardsPerDeck.get(ahead.deckId)).toBe(0);
    expect(await homeCards()).toBe(before);
  });

  it('a card in a deck that does not reschedule shows the preview delays on its buttons, from the session queue and from a single read alike', async () => {
    const collection = await withDecks();
    await collection.answer('aws-0/0', Rating.Easy, T0, 3000);
    const { deckId } = await collection.createFilteredDeck('Preview', { search: '"Question 0"', limit: 10, order: 'due', reschedule: false }, T0 + MINUTE);
    const now = T0 + 2 * MINUTE;
    const buttons = (outcomes: { intervalMs: number; endsPreview?: true }[]) => outcomes.map((outcome) => (outcome.endsPreview ? 'end' : outcome.intervalMs));
    expect(buttons(await collection.preview('aws-0/0', now))).toEqual([MINUTE, 10 * MINUTE, 'end', 'end']);
    const session = await collection.studyQueue(deckId, now);
    const [first] = session.today(now).cards;
    expect(first?.id).toBe('aws-0/0');
    expect(buttons(session.preview(first!, now))).toEqual([MINUTE, 10 * MINUTE, 'end', 'end']);
    // The same card in a deck that reschedules shows FSRS's days.
    await collection.deleteFilteredDeck(deckId);
    await collection.createFilteredDeck('Ahead', { search: '"Question 0"', limit: 10, order: 'due', reschedule: true }, now);
    expect((await collection.preview('aws-0/0', now))[2]!.intervalMs).toBeGreaterThan(DAY);
  });

  it('a preview deck with delays of its own (as an Anki deck brings them) shows and uses them: a button without one sends the card home', async () => {
    const collection = await withDecks();
    const previewDelays = { again: 30, hard: 0, good: 120 };
    const { deckId } = await collection.createFilteredDeck('Preview', { search: '"Question 0"', limit: 10, order: 'due', reschedule: false, previewDelays }, T0);
    const buttons = (outcomes: { intervalMs: number; endsPreview?: true }[]) => outcomes.map((outcome) => (outcome.endsPreview ? 'end' : outcome.intervalMs));
    expect(buttons(await collection.preview('aws-0/0', T0 + MINUTE))).toEqual([30_000, 'end', 2 * MINUTE, 'end']);
    const session = await collection.studyQueue(deckId, T0 + MINUTE);
    expect(buttons(session.preview(session.today(T0 + MINUTE).cards[0]!, T0 + MINUTE))).toEqual([30_000, 'end', 2 * MINUTE, 'end']);
    const good = await collection.answer('aws-0/0', Rating.Good, T0 + MINUTE, 3000);
    expect(good.card).toMatchObject({ deckId, due: T0 + 3 * MINUTE });
    await collection.answer('aws-0/0', Rating.Hard, T0 + 3 * MINUTE, 3000);
    expect(await deckOf(collection, 'aws-0/0')).toBe('deck-aws');
  });

  it('takes no note, no card moved in and no subdeck: its cards only come from its search', async () => {
    const collection = await withDecks();
    const { deckId } = await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    const before = await collection.db.cards.toArray();
    await expect(collection.addNote({ noteTypeId: 'kioku-basic', deckId, fields: ['KMS', 'keys'] }, T0)).rejects.toBeInstanceOf(FilteredDeckTargetError);
    await expect(collection.moveCards(['aws-3/0'], deckId)).rejects.toBeInstanceOf(FilteredDeckTargetError);
    await expect(collection.moveDeck('deck-aws', deckId, T0)).rejects.toMatchObject({ problem: 'under-filtered' });
    await expect(collection.createDeck('Exam week::Inside', T0)).rejects.toBeInstanceOf(DeckNameError);
    await expect(collection.renameDeck('deck-aws', 'Exam week::AWS', T0)).rejects.toMatchObject({ problem: 'under-filtered' });
    expect(await collection.db.cards.toArray()).toEqual(before);
    expect(await collection.db.decks.where('name').startsWith('Exam week::').count()).toBe(0);
  });

  it('a card moved out of a filtered deck to a normal deck leaves it with its home due, as Anki does', async () => {
    const collection = await withDecks();
    const home = await collection.db.cards.get('aws-0/0');
    await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0 + DAY);
    const other = await collection.createDeck('Other', T0);
    await collection.moveCards(['aws-0/0'], other);
    const moved = await collection.db.cards.get('aws-0/0');
    expect(moved).toMatchObject({ deckId: other, due: home!.due });
    expect(moved?.homeDeckId).toBeUndefined();
  });

  it("a search that finds nothing makes no deck, and a name taken or under a filtered deck is refused, as in Anki", async () => {
    const collection = await withDecks();
    await expect(collection.createFilteredDeck('Nothing', { search: 'tag:none-such', limit: 10, order: 'due', reschedule: true }, T0)).rejects.toBeInstanceOf(NoCardsError);
    expect(await collection.db.decks.where('name').equals('Nothing').count()).toBe(0);
    await expect(collection.createFilteredDeck('aws security', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0)).rejects.toMatchObject({ problem: 'taken' });
    const { deckId } = await collection.createFilteredDeck('Exam::Week 1', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    expect((await collection.db.decks.get(deckId))?.name).toBe('Exam::Week 1');
    // Its parent is a normal deck, made for it.
    expect((await collection.db.decks.where('name').equals('Exam').first())?.filtered).toBeUndefined();
    await expect(collection.createFilteredDeck('Exam::Week 1::Inner', { search: 'Question', limit: 10, order: 'due', reschedule: true }, T0)).rejects.toMatchObject({ problem: 'under-filtered' });
  });

  it('deleting a filtered deck from the deck list sends its cards home; deleting a home deck takes its cards out of filtered decks too', async () => {
    const collection = await withDecks();
    const { deckId } = await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    expect(await collection.deckDeletion(deckId)).toEqual({ decks: 1, cards: 0 });
    await collection.deleteDeck(deckId);
    expect(await deckOf(collection, 'aws-0/0')).toBe('deck-aws');
    expect(await collection.db.decks.get(deckId)).toBeUndefined();

    const whole = await collection.deckDeletion('deck-aws');
    const again = await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    // The two cards in the filtered deck are still the home deck's to delete.
    expect(await collection.deckDeletion('deck-aws')).toEqual(whole);
    await collection.deleteDeck('deck-aws');
    expect(await collection.db.cards.where('deckId').equals(again.deckId).count()).toBe(0);
    expect(await collection.db.cards.get('aws-0/0')).toBeUndefined();
  });

  it("Options on a built deck: a new name, search, limit, order and rescheduling, rebuilt at once, one undoable step", async () => {
    const collection = await withDecks();
    const { deckId } = await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    const changed = { search: '"Question 3" or "Question 4" or "Question 5"', limit: 2, order: 'intervalsDescending' as const, reschedule: false, previewDelays: { again: 30, hard: 0, good: 120 } };
    expect(await collection.updateFilteredDeck(deckId, 'Last day', changed, T0 + MINUTE)).toBe(2);
    expect(await collection.db.decks.get(deckId)).toMatchObject({ name: 'Last day', filtered: changed });
    // The cards of the old search went home; the new search's took their place.
    expect(await deckOf(collection, 'aws-0/0')).toBe('deck-aws');
    expect((await collection.db.cards.where('deckId').equals(deckId).primaryKeys()).sort()).toEqual(['aws-3/0', 'aws-4/0']);
    expect(collection.undoState().undo).toBe('filteredDeck');
    await collection.undo();
    expect(await collection.db.decks.get(deckId)).toMatchObject({ name: 'Exam week', filtered: { search: 'tag:iam', limit: 10 } });
    expect(await deckOf(collection, 'aws-0/0')).toBe(deckId);
    expect(await deckOf(collection, 'aws-5/0')).toBe('deck-aws');
  });

  it('Options whose search finds nothing change nothing, as Anki refuses to save them', async () => {
    const collection = await withDecks();
    const { deckId } = await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    await expect(collection.updateFilteredDeck(deckId, 'Other', { search: 'tag:nothing', limit: 10, order: 'due', reschedule: true }, T0 + MINUTE)).rejects.toBeInstanceOf(NoCardsError);
    expect(await collection.db.decks.get(deckId)).toMatchObject({ name: 'Exam week', filtered: { search: 'tag:iam' } });
    expect(await deckOf(collection, 'aws-0/0')).toBe(deckId);
  });

  it('a second filter takes its own cards after the first, up to its own limit', async () => {
    const collection = await withDecks();
    const second = { search: '"Question 1" or "Question 2" or "Question 3"', limit: 2, order: 'due' as const };
    const { deckId, cards } = await collection.createFilteredDeck('Two searches', { search: 'tag:iam', limit: 1, order: 'due', reschedule: true, second }, T0);
    expect(cards).toBe(3);
    const inside = await collection.db.cards.where('deckId').equals(deckId).toArray();
    const byPosition = inside.sort((a, b) => a.filteredPosition! - b.filteredPosition!).map((card) => card.id);
    // The first search found aws-0 and aws-1 but took one; the second took aws-1, which was still free, and one more.
    expect(byPosition).toEqual(['aws-0/0', 'aws-1/0', 'aws-2/0']);
    expect(await queueIds(collection, deckId, T0 + MINUTE)).toEqual(byPosition);
  });

  it("a preview deck uses its own delays: on the buttons and when answered; Good with a delay keeps the card", async () => {
    const collection = await withDecks();
    const before = await collection.db.cards.get('aws-0/0');
    const delays = { again: 15, hard: 0, good: 90 };
    const { deckId } = await collection.createFilteredDeck('Preview', { search: '"Question 0"', limit: 10, order: 'due', reschedule: false, previewDelays: delays }, T0);
    const now = T0 + MINUTE;
    const buttons = (outcomes: { intervalMs: number; endsPreview?: true }[]) => outcomes.map((outcome) => (outcome.endsPreview ? 'end' : outcome.intervalMs));
    expect(buttons(await collection.preview('aws-0/0', now))).toEqual([15_000, 'end', 90_000, 'end']);
    const session = await collection.studyQueue(deckId, now);
    expect(buttons(session.preview(session.today(now).cards[0]!, now))).toEqual([15_000, 'end', 90_000, 'end']);
    expect((await collection.answer('aws-0/0', Rating.Good, now, 3000)).card).toMatchObject({ deckId, due: now + 90_000 });
    await collection.answer('aws-0/0', Rating.Hard, now + 2 * MINUTE, 3000);
    expect(await collection.db.cards.get('aws-0/0')).toEqual(before);
  });

  it('building is one undoable step: undo sends the cards home and removes the deck', async () => {
    const collection = await withDecks();
    const { deckId } = await collection.createFilteredDeck('Exam week', { search: 'tag:iam', limit: 10, order: 'due', reschedule: true }, T0);
    expect(await deckOf(collection, 'aws-0/0')).toBe(deckId);
    expect(collection.undoState().undo).toBe('filteredDeck');
    await collection.undo();
    expect(await deckOf(collection, 'aws-0/0')).toBe('deck-aws');
    expect(await collection.db.decks.get(deckId)).toBeUndefined();
  });
});

describe('custom study', () => {
  it("raises today's new card limit of the deck for today only", async () => {
    const collection = await withDecks(30);
    await collection.setDeckOptions('deck-aws', { newPerDay: 5 });
    expect((await collection.todayQueue('deck-aws', T0)).counts.newCount).toBe(5);
    await collection.customStudy('deck-aws', { kind: 'newLimit', delta: 10 }, 'Custom Study Session', T0);
    expect((await collection.todayQueue('deck-aws', T0)).counts.newCount).toBe(15);
    await collection.customStudy('deck-aws', { kind: 'newLimit', delta: 3 }, 'Custom Study Session', T0);
    expect((await collection.todayQueue('deck-aws', T0)).counts.newCount).toBe(18);
    expect((await collection.todayQueue('deck-aws', T0 + DAY)).counts.newCount).toBe(5);
  });

  it('reviews cards forgotten in the last N days in the custom study deck, without rescheduling them', async () => {
    const collection = await withDecks();
    await collection.answer('aws-2/0', Rating.Again, T0, 3000);
    await collection.answer('aws-3/0', Rating.Good, T0, 3000);
    const result = await collection.customStudy('deck-aws', { kind: 'forgot', days: 1 }, 'Custom Study Session', T0 + MINUTE);
    expect(result).toEqual({ kind: 'deck', deckId: CUSTOM_STUDY_DECK_ID, cards: 1 });
    const deck = await collection.db.decks.get(CUSTOM_STUDY_DECK_ID);
    expect(deck).toMatchObject({ name: 'Custom Study Session', filtered: { search: 'rated:1:1 deck:"AWS Security"', reschedule: false } });
    expect(await deckOf(collection, 'aws-2/0')).toBe(CUSTOM_STUDY_DECK_ID);
  });

  it('studies by tag and state, and choosing again rebuilds the one custom study deck', async () => {
    const collection = await withDecks();
    await collection.customStudy('deck-aws', { kind: 'cram', cards: 'new', limit: 50, tagsIncluded: ['iam'], tagsExcluded: [] }, 'Custom Study Session', T0);
    expect((await collection.db.cards.where('deckId').equals(CUSTOM_STUDY_DECK_ID).primaryKeys()).sort()).toEqual(['aws-0/0', 'aws-1/0']);
    // Two days after the decks were installed, only the note added that day is new in the last day.
    const added = await collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'deck-aws', fields: ['IAM Access Analyzer', 'finds public access'] }, T0 + 2 * DAY);
    await collection.customStudy('deck-aws', { kind: 'preview', days: 1 }, 'Custom Study Session', T0 + 2 * DAY + MINUTE);
    expect(await collection.db.cards.where('deckId').equals(CUSTOM_STUDY_DECK_ID).primaryKeys()).toEqual([added.cards[0]!.id]);
    expect(await deckOf(collection, 'aws-0/0')).toBe('deck-aws');
    expect((await collection.db.decks.toArray()).filter((deck) => deck.filtered)).toHaveLength(1);
  });

  it('finds nothing: says so and changes nothing', async () => {
    const collection = await withDecks();
    const before = await collection.db.cards.toArray();
    await expect(collection.customStudy('deck-aws', { kind: 'forgot', days: 1 }, 'Custom Study Session', T0)).rejects.toBeInstanceOf(NoCardsError);
    expect(await collection.db.cards.toArray()).toEqual(before);
    expect(await collection.db.decks.get(CUSTOM_STUDY_DECK_ID)).toBeUndefined();
  });
});
