import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { attemptsCsv, calibrationGap, scoreByTopic, scoreOf, type ExamAttempt, type QuestionResult } from '../../../src/core/questions';

function result(topic: string, correct: number[], chosen: number[]): QuestionResult {
  return { questionId: `${topic}:${chosen.join()}`, kind: 'note', topic, subject: 's', options: ['a', 'b', 'c', 'd'], correct, chosen, flagged: false, noteIds: [] };
}

const attempt: ExamAttempt = {
  id: 'a1',
  startedAt: Date.UTC(2026, 11, 3, 9, 0),
  submittedAt: Date.UTC(2026, 11, 3, 9, 10),
  scope: '',
  scopeName: '=HYPERLINK("x")',
  seed: 's',
  timeLimitMinutes: 15,
  predicted: 0.72,
  results: [
    result('E.10', [1], [1]),
    result('E.6', [0, 2], [0]),
    result('E.6', [0, 2], [0, 2]),
    result('E.5', [3], []),
    result('E.5', [3], [3]),
  ],
  markedAgain: false,
};

describe('attempt results', () => {
  it('a select-all question is right only with every right option and no other', () => {
    expect(scoreOf(attempt.results)).toEqual({ right: 3, total: 5, share: 0.6 });
  });

  it('scores per topic in reading order', () => {
    expect(scoreByTopic(attempt.results).map(({ topic, score }) => [topic, score.right, score.total])).toEqual([
      ['E.5', 1, 2],
      ['E.6', 1, 2],
      ['E.10', 1, 1],
    ]);
  });

  it('states the gap between prediction and score in points', () => {
    expect(calibrationGap(attempt)).toBe(12);
    expect(calibrationGap({ ...attempt, predicted: null })).toBeNull();
  });

  it('exports one CSV row per attempt, a formula-like scope name escaped', () => {
    const parsed = Papa.parse<Record<string, string>>(attemptsCsv([attempt]), { header: true });
    expect(parsed.data).toHaveLength(1);
    const row = parsed.data[0]!;
    expect(row).toMatchObject({ submitted: '2026-12-03T09:10:00.000Z', questions: '5', right: '3', score_percent: '60', predicted_percent: '72', gap_points: '12', seconds: '600' });
    expect(row.scope!.startsWith('=')).toBe(false);
  });
});
