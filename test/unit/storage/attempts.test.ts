import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../../../src/core/collection/model';
import type { ExamAttempt } from '../../../src/core/questions';
import { T0, builtInDecks, collectionsClosedAfterEach, freshName, openCollection } from './helpers';

const fresh = collectionsClosedAfterEach();

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
    const collection = fresh();
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
  });
});

describe('mock exam attempts in backups', () => {
  it('come back whole with a restore, and a restore takes away attempts made after the backup', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.saveAttempt(attempt('kept', T0 + 1000));
    const backup = await collection.createBackup(T0 + 2000);
    await collection.saveAttempt(attempt('after', T0 + 3000));

    const elsewhere = fresh();
    await elsewhere.restoreBackup(backup, { fileName: 'a.kioku-backup', now: T0 + 4000 });
    expect(await elsewhere.attempts()).toEqual([attempt('kept', T0 + 1000)]);

    const restored = await collection.restoreBackup(backup, { fileName: 'a.kioku-backup', now: T0 + 4000 });
    expect((await collection.attempts()).map((a) => a.id)).toEqual(['kept']);
    // The backup taken just before the restore holds the attempt the restore took away.
    await collection.restoreBackup(restored.previousBackup, { fileName: 'before.kioku-backup', now: T0 + 5000 });
    expect((await collection.attempts()).map((a) => a.id)).toEqual(['kept', 'after']);
  });

  it('refuses a backup whose attempt is damaged, and changes nothing', async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.saveAttempt(attempt('kept', T0 + 1000));
    const entries = unzipSync(await collection.createBackup(T0 + 2000));
    const settings = JSON.parse(strFromU8(entries['settings.json']!)) as { attempts: { results: { chosen: unknown }[] }[] };
    settings.attempts[0]!.results[0]!.chosen = 'all of them';
    entries['settings.json'] = strToU8(JSON.stringify(settings));
    const damaged = zipSync(entries);

    const other = fresh();
    await other.installDecks(builtInDecks(2), T0);
    await other.saveAttempt(attempt('mine', T0));
    await expect(other.restoreBackup(damaged, { fileName: 'damaged.kioku-backup', now: T0 + 3000 })).rejects.toThrow(/attempts/);
    expect((await other.attempts()).map((a) => a.id)).toEqual(['mine']);
  });
});
