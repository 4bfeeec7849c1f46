import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import type { ExamAttempt } from '../../../src/core/questions';
import { T0, builtInDecks, freshName, openCollection } from './helpers';

function attempt(id: string, submittedAt: number): ExamAttempt {
  return {
    id,
    startedAt: submittedAt - 60_000,
    submittedAt,
    scope: '',
    scopeName: 'All',
    seed: id,
    timeLimitMinutes: null,
    predicted: 0.5,
    results: [{ questionId: 'q', kind: 'note', topic: 'AWS Security', subject: 'Question 1', options: ['a', 'b', 'c'], correct: [0], chosen: [1], flagged: true, noteIds: ['aws-1'] }],
    markedAgain: false,
  };
}

describe('mock exam attempts', () => {
  it('are kept in their own table, oldest first, across a restart, and add no review', async () => {
    const name = freshName();
    const collection = openCollection(name);
    await collection.installDecks(builtInDecks(3), T0);
    await collection.saveAttempt(attempt('late', T0 + 2000));
    await collection.saveAttempt(attempt('early', T0 + 1000));
    collection.close();
    const reopened = openCollection(name);
    expect((await reopened.attempts()).map((a) => a.id)).toEqual(['early', 'late']);
    expect((await reopened.attempts())[0]).toEqual(attempt('early', T0 + 1000));
    expect(await reopened.db.reviews.count()).toBe(0);
    reopened.close();
  });

  it('marks the cards of wrong answers Again only when asked, in one undoable step', async () => {
    const collection = openCollection(freshName());
    await collection.installDecks(builtInDecks(3), T0);
    await collection.saveAttempt(attempt('a', T0));
    expect(await collection.markAgain('a', ['aws-1/0', 'aws-2/0', 'deleted/0'], T0 + 5000)).toBe(2);
    expect(await collection.db.reviews.count()).toBe(2);
    expect((await collection.undo())?.action).toBe('markAgain');
    expect(await collection.db.reviews.count()).toBe(0);
    expect((await collection.attempts())[0]?.markedAgain).toBe(false);
    await collection.redo();
    expect(await collection.db.reviews.count()).toBe(2);
    await collection.undo();
    expect(await collection.markAgain('a', ['aws-1/0', 'deleted/0'], T0 + 5000)).toBe(1);
    const reviews = await collection.db.reviews.toArray();
    expect(reviews.map((r) => [r.cardId, r.rating])).toEqual([['aws-1/0', Rating.Again]]);
    expect((await collection.db.cards.get('aws-1/0'))?.state).toBe(CardState.Learning);
    expect((await collection.attempts())[0]?.markedAgain).toBe(true);
    await collection.undo();
    expect(await collection.db.reviews.count()).toBe(0);
    expect((await collection.db.cards.get('aws-1/0'))?.state).toBe(CardState.New);
    collection.close();
  });
});
