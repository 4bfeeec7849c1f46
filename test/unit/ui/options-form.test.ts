import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/core/scheduling/options';
import { draftOf, readDraft } from '../../../src/renderer/src/screens/options-form';

describe('deck options form', () => {
  it('reads back what it shows, with an exam date', () => {
    const draft = { ...draftOf(DEFAULT_DECK_OPTIONS), newPerDay: ' 30 ', learningSteps: '1m  10m 1h', examDate: '2027-02-14' };
    const result = readDraft(draft);
    expect(result).toEqual({
      ok: true,
      options: {
        newPerDay: 30,
        reviewsPerDay: DEFAULT_DECK_OPTIONS.reviewsPerDay,
        desiredRetention: DEFAULT_DECK_OPTIONS.desiredRetention,
        maximumIntervalDays: DEFAULT_DECK_OPTIONS.maximumIntervalDays,
        learningSteps: ['1m', '10m', '1h'],
        relearningSteps: DEFAULT_DECK_OPTIONS.relearningSteps,
        examDate: '2027-02-14',
        examTarget: 0.8,
      },
    });
  });

  it('keeps the exam target the learner set, read as a percent', () => {
    const draft = draftOf({ ...DEFAULT_DECK_OPTIONS, examTarget: 0.85 });
    expect(draft.examTarget).toBe('85');
    const result = readDraft({ ...draft, examTarget: '90' });
    expect(result.ok && result.options.examTarget).toBe(0.9);
    const tooHigh = readDraft({ ...draft, examTarget: '120' });
    expect(!tooHigh.ok && tooHigh.problems.map((problem) => problem.field)).toEqual(['examTarget']);
  });

  it('clears the exam date when the field is emptied', () => {
    const result = readDraft({ ...draftOf({ ...DEFAULT_DECK_OPTIONS, examDate: '2027-01-01' }), examDate: '' });
    expect(result.ok && result.options.examDate).toBe(null);
  });

  it('names every field the learner must fix and saves nothing', () => {
    const result = readDraft({
      ...draftOf(DEFAULT_DECK_OPTIONS),
      newPerDay: '-1',
      desiredRetention: '1.5',
      maximumIntervalDays: '2.5',
      relearningSteps: '10 minutes',
      examDate: 'next week',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field).sort()).toEqual(
      ['desiredRetention', 'examDate', 'maximumIntervalDays', 'newPerDay', 'relearningSteps'].sort(),
    );
    expect(result.problems.find((problem) => problem.field === 'desiredRetention')).toMatchObject({ min: 0.7, max: 0.99 });
  });
});
