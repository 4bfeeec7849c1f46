import { describe, expect, it } from 'vitest';
import type { ExamAttempt } from '../../../src/core/questions/attempt';
import { builtInDecks, HOUR, T0 } from '../storage/helpers';
import { canonicalDump } from './devices';
import { syncServerForFile } from './sync-server';

const { twoDevices } = syncServerForFile('kioku-namesakes');

function attemptOn(id: string, deckId: string, deckName: string, at: number): ExamAttempt {
  return {
    id,
    startedAt: at,
    submittedAt: at + 10 * 60_000,
    scope: deckId,
    scopeName: deckName,
    seed: id,
    timeLimitMinutes: 30,
    predicted: 0.7,
    results: [{ questionId: 'q1', kind: 'services-for-threat', topic: 'E.5', subject: 'DDoS', options: ['AWS Shield', 'AWS IAM'], correct: [0], chosen: [0], flagged: false, noteIds: ['aws-1'] }],
    markedAgain: false,
  };
}

describe('two decks of the same name made on two devices', () => {
  it.each([['A'], ['B']])(
    "become one deck that keeps the mock exams of both, and the given-up deck's exam date and options stay as a lost version (%s syncs first)",
    async (first) => {
      const { a, b, close } = await twoDevices({ decks: builtInDecks(3) });
      try {
        const deckOnA = await a.collection.createDeck('Network', T0 + HOUR);
        await a.collection.setExam(deckOnA, '2027-03-01', 0.85, T0 + HOUR);
        await a.collection.saveAttempt(attemptOn('attempt-on-a', deckOnA, 'Network', T0 + HOUR));
        const deckOnB = await b.collection.createDeck('network', T0 + 2 * HOUR);
        await b.collection.setDeckOptions(deckOnB, { newPerDay: 12, examDate: '2027-06-01', examTarget: 0.8 });
        await b.collection.saveAttempt(attemptOn('attempt-on-b', deckOnB, 'network', T0 + 2 * HOUR));
        const kept = deckOnA < deckOnB ? deckOnA : deckOnB;
        const given = kept === deckOnA ? deckOnB : deckOnA;
        const givenBefore = await (given === deckOnA ? a : b).collection.db.decks.get(given);
        const keptExam = (await (kept === deckOnA ? a : b).collection.deckOptions(kept)).examDate;

        const order = first === 'A' ? [a, b, a, b] : [b, a, b, a];
        for (const device of order) expect((await device.sync()).skipped).toEqual([]);

        const dumpA = await canonicalDump(a.collection);
        expect(await canonicalDump(b.collection)).toEqual(dumpA);
        expect(dumpA.decks.filter((deck) => deck.name.toLowerCase() === 'network').map((deck) => deck.id)).toEqual([kept]);
        // Both attempts are the kept deck's history on both devices.
        expect(dumpA.attempts.map((attempt) => [attempt.id, attempt.scope])).toEqual([
          ['attempt-on-a', kept],
          ['attempt-on-b', kept],
        ]);
        for (const device of [a, b]) {
          expect((await device.collection.deckOptions(kept)).examDate).toBe(keptExam);
          // What the given-up deck held is shown as a version that lost, with its exam date and preset.
          const lost = await device.collection.db.syncLost.where('recordId').equals(`deck:${given}`).toArray();
          expect(lost.map((row) => row.lost)).toEqual([givenBefore]);
        }
      } finally {
        await close();
      }
    },
    60_000,
  );
});
