import { describe, expect, it } from 'vitest';
import { isRight, type Question } from '../../../src/core/questions';
import { answeredCount, choose, goTo, optionForKey, startSession, timeLeft, toAttempt, toggleFlag } from '../../../src/renderer/src/screens/exam/exam-session';

function question(id: string, multi: boolean, correct: number[]): Question {
  return { id, kind: 'note', subject: id, category: 'note-answer', options: ['a', 'b', 'c', 'd'], correct, multi, topic: 'E.6', noteIds: [`n-${id}`] };
}

const T = Date.UTC(2026, 11, 3, 9, 0);

describe('a mock exam being taken', () => {
  it('replaces the choice on a one-answer question and ticks options on a select-all one', () => {
    let session = startSession([question('one', false, [1]), question('all', true, [0, 2])], T, null);
    session = choose(choose(session, 0), 1);
    expect(session.chosen[0]).toEqual([1]);
    session = goTo(session, 1);
    session = choose(choose(choose(session, 2), 0), 3);
    session = choose(session, 3);
    expect(session.chosen[1]).toEqual([0, 2]);
    expect(answeredCount(session)).toBe(2);
    const attempt = toAttempt(session, { id: 'a', submittedAt: T + 1000, scope: '', scopeName: 'All', seed: 's', timeLimitMinutes: null, predicted: 0.5 });
    expect(attempt.results.map(isRight)).toEqual([true, true]);
  });

  it('keeps flags and moves back and forth only within the exam', () => {
    let session = startSession([question('1', false, [0]), question('2', false, [0])], T, null);
    session = toggleFlag(session);
    expect(goTo(session, -1).index).toBe(0);
    expect(goTo(session, 2).index).toBe(0);
    session = goTo(session, 1);
    const attempt = toAttempt(session, { id: 'a', submittedAt: T, scope: '', scopeName: '', seed: 's', timeLimitMinutes: 10, predicted: null });
    expect(attempt.results.map((r) => [r.flagged, r.chosen])).toEqual([
      [true, []],
      [false, []],
    ]);
  });

  it('counts the time down to zero and never below', () => {
    const session = startSession([question('1', false, [0])], T, 15);
    expect(timeLeft(session, T + 60_000)).toBe(14 * 60_000);
    expect(timeLeft(session, T + 16 * 60_000)).toBe(0);
    expect(timeLeft(startSession([question('1', false, [0])], T, null), T)).toBeNull();
  });

  it('reads 1–4 and A–D (either case) as options', () => {
    expect(['1', '4', 'a', 'D', 'x', 'Enter'].map(optionForKey)).toEqual([0, 3, 0, 3, null, null]);
  });
});
