import { describe, expect, it } from 'vitest';
import { calendarDay } from '../../../src/core/scheduling/day';
import { DEFAULT_DECK_OPTIONS } from '../../../src/core/scheduling/options';
import { draftOf, readDraft } from '../../../src/renderer/src/screens/options-form';

/** The learner's day the form is filled in on. */
const TODAY = calendarDay('2026-12-01')!;

describe('deck options form', () => {
  it('reads back what it shows, with an exam date', () => {
    const draft = { ...draftOf(DEFAULT_DECK_OPTIONS), newPerDay: ' 30 ', learningSteps: '1m  10m 1h', examDate: '2027-02-14' };
    const result = readDraft(draft, TODAY);
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
    const result = readDraft({ ...draft, examTarget: '90' }, TODAY);
    expect(result.ok && result.options.examTarget).toBe(0.9);
    const tooHigh = readDraft({ ...draft, examTarget: '120' }, TODAY);
    expect(!tooHigh.ok && tooHigh.problems.map((problem) => problem.field)).toEqual(['examTarget']);
  });

  it('clears the exam date when the field is emptied', () => {
    const result = readDraft({ ...draftOf({ ...DEFAULT_DECK_OPTIONS, examDate: '2027-01-01' }), examDate: '' }, TODAY);
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
    }, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field).sort()).toEqual(
      ['desiredRetention', 'examDate', 'maximumIntervalDays', 'newPerDay', 'relearningSteps'].sort(),
    );
    expect(result.problems.find((problem) => problem.field === 'desiredRetention')).toMatchObject({ min: 0.7, max: 0.99 });
  });

  it('refuses an exam date already past, and takes today or later', () => {
    const draft = draftOf(DEFAULT_DECK_OPTIONS);
    const past = readDraft({ ...draft, examDate: '2026-11-30' }, TODAY);
    expect(!past.ok && past.problems).toEqual([{ field: 'examDate', kind: 'past-date' }]);
    expect(readDraft({ ...draft, examDate: '2026-12-01' }, TODAY).ok).toBe(true);
  });

  it('takes an exam target from 1 to 100 %, nothing outside', () => {
    const draft = draftOf(DEFAULT_DECK_OPTIONS);
    for (const [text, ok] of [['0', false], ['1', true], ['35', true], ['100', true], ['101', false]] as const) {
      expect(readDraft({ ...draft, examTarget: text }, TODAY).ok, text).toBe(ok);
    }
  });
});
