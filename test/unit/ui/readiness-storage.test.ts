import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cardId } from '../../../src/core/cards';
import { CardState, Rating, type Review } from '../../../src/core/collection/model';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { examMoment, loadScope, saveExam, scopeOptions } from '../../../src/renderer/src/screens/readiness/readiness-data';
import { nextListedCard } from '../../../src/renderer/src/screens/readiness/readiness-session';
import { DAY, T0, builtInDecks, freshName, openCollection } from '../storage/helpers';

let collection: Collection;

afterEach(() => collection.close());

async function installed(): Promise<Collection> {
  collection = openCollection(freshName());
  await collection.installDecks(builtInDecks(3), T0);
  return collection;
}

describe('exam date and target', () => {
  it('are kept for the whole collection beside the other collection options', async () => {
    await installed();
    await collection.setCollectionOptions({ newPerDay: 30 });
    await saveExam(collection, '', '2027-01-15', 0.85, T0);
    expect(await collection.collectionOptions()).toEqual({ newPerDay: 30, examDate: '2027-01-15', examTarget: 0.85 });
    const options = await scopeOptions(collection, '');
    expect([options.examDate, options.examTarget, options.newPerDay]).toEqual(['2027-01-15', 0.85, 30]);
  });

  it('are kept for a deck without losing its other options, and its subdecks inherit them', async () => {
    await installed();
    await collection.setDeckOptions('deck-aws', { reviewsPerDay: 50 });
    await saveExam(collection, 'deck-aws', '2027-02-01', 0.9, T0);
    const own = await collection.deckOptions('deck-aws');
    expect([own.reviewsPerDay, own.examDate, own.examTarget]).toEqual([50, '2027-02-01', 0.9]);
    const sub = await collection.deckOptions('deck-aws-iam');
    expect([sub.examDate, sub.examTarget]).toEqual(['2027-02-01', 0.9]);
    expect((await scopeOptions(collection, '')).examTarget).toBeUndefined();
  });

  it('refuses a target outside 1–100% with a message naming it, changing nothing', async () => {
    await installed();
    await saveExam(collection, '', '2027-01-15', 0.8, T0);
    await expect(saveExam(collection, '', '2027-03-01', 1.2, T0)).rejects.toThrow(/Collection options: examTarget must be between 0\.01 and 1, got 1\.2/);
    await expect(saveExam(collection, 'deck-jp', null, 0.005, T0)).rejects.toThrow(/Options of deck "日本語": examTarget/);
    expect(await collection.collectionOptions()).toEqual({ examDate: '2027-01-15', examTarget: 0.8 });
  });

  it('put the exam at the start of the learner’s exam day', () => {
    const rules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
    expect(examMoment('2027-01-15', rules)).toBe(Date.UTC(2027, 0, 14, 19, 0));
    expect(examMoment(null, rules)).toBeNull();
    expect(examMoment('2027-02-30', rules)).toBeNull();
  });
});

describe('a readiness scope', () => {
  it('holds the cards of the deck and its subdecks with their notes, and times only their reviews', async () => {
    await installed();
    const jp = cardId('jp-inu', 0);
    await collection.answer(jp, Rating.Good, T0, 4000);
    await collection.answer(cardId('aws-0', 0), Rating.Good, T0, 3000);
    const scope = await loadScope(collection, 'deck-aws');
    expect(scope.cards.map((card) => card.id).sort()).toEqual(['aws-0', 'aws-1', 'aws-2'].map((id) => cardId(id, 0)).sort());
    expect(scope.notes.map((note) => note.id).sort()).toEqual(['aws-0', 'aws-1', 'aws-2']);
    expect(scope.secondsPerReview).toBe(3);
    const everything = await loadScope(collection, '');
    expect(everything.cards).toHaveLength(5);
    expect(everything.secondsPerReview).toBe(3.5);
  });

  it('times every review of a log read in pages, and counts only today\'s answers as spent', async () => {
    await installed();
    const card = cardId('aws-0', 0);
    // More answers than one page of the read, so a review past the first page would be missed.
    const reviews: Review[] = Array.from({ length: 45_001 }, (_, i) => ({
      id: `r-${String(i).padStart(6, '0')}`,
      cardId: card,
      time: i === 45_000 ? T0 : T0 - DAY,
      rating: Rating.Good,
      stateBefore: CardState.Review,
      stateAfter: CardState.Review,
      dueBefore: T0,
      dueAfter: T0 + DAY,
      stabilityAfter: 1,
      difficultyAfter: 5,
      durationMs: i === 45_000 ? 47_000 : 2000,
    }));
    await collection.db.reviews.bulkPut(reviews);
    const scope = await loadScope(collection, 'deck-aws', T0);
    expect(scope.secondsPerReview).toBeCloseTo((45_000 * 2 + 47) / 45_001, 9);
    expect(scope.doneToday).toEqual({ newCards: 0, reviews: 1 });
  }, 60_000);
});

describe('a "study weakest" session', () => {
  it('shows the listed cards in order, due or not, passing over answered, suspended and buried ones', async () => {
    await installed();
    const [a, b, c] = ['aws-0', 'aws-1', 'aws-2'].map((id) => cardId(id, 0)) as [string, string, string];
    const list = [c, a, b];
    const first = await nextListedCard(collection, list, new Set(), T0);
    expect([first.next?.card.id, first.left]).toEqual([c, 3]);
    expect(first.next?.note.fields[0]).toBe('Question 2');

    await collection.answer(c, Rating.Good, T0, 2000);
    const second = await nextListedCard(collection, list, new Set([c]), T0);
    expect([second.next?.card.id, second.left]).toEqual([a, 2]);

    await collection.suspend(a);
    await collection.bury(b, T0);
    const none = await nextListedCard(collection, list, new Set([c]), T0 + 1000);
    expect([none.next, none.left]).toEqual([null, 0]);
    const tomorrow = await nextListedCard(collection, list, new Set([c]), T0 + 2 * DAY);
    expect(tomorrow.next?.card.id).toBe(b);
  });
});
