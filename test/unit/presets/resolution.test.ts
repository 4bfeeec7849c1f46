import { describe, expect, it } from 'vitest';
import { presetsFromPinned } from '../../../src/core/presets/from-pinned';
import { DEFAULT_PRESET_ID, examHomeOf, optionsOfDeck, presetOf, presetUsers, type PresetSetup } from '../../../src/core/presets/presets';
import { DEFAULT_DECK_OPTIONS } from '../../../src/core/scheduling/options';

const setup: PresetSetup = {
  decks: [
    { id: 'aws', name: 'AWS', presetId: 'fast', options: { examDate: '2027-01-12', examTarget: 0.9 } },
    { id: 'iam', name: 'AWS::IAM', options: {} },
    { id: 'kms', name: 'AWS::KMS', presetId: 'slow', options: {} },
    { id: 'jp', name: '日本語', options: {} },
    { id: 'orphan', name: 'Gone::Child', options: {} },
  ],
  presets: [
    { id: DEFAULT_PRESET_ID, name: 'Default', options: { newPerDay: 10, desiredRetention: 0.85 } },
    { id: 'fast', name: 'Fast', options: { newPerDay: 40 } },
    { id: 'slow', name: 'Slow', options: { newPerDay: 2, maximumIntervalDays: 100 } },
  ],
  collectionExam: { examDate: '2027-03-01' },
};

describe('a deck’s options', () => {
  it('come from its own preset, else its parent’s, else Default, over Kioku’s defaults only', () => {
    expect(presetOf(setup, 'aws').id).toBe('fast');
    expect(presetOf(setup, 'iam').id).toBe('fast');
    expect(presetOf(setup, 'kms').id).toBe('slow');
    expect(presetOf(setup, 'jp').id).toBe(DEFAULT_PRESET_ID);
    expect(presetOf(setup, 'orphan').id).toBe(DEFAULT_PRESET_ID);
    const iam = optionsOfDeck(setup, 'iam');
    // Default's 0.85 is Default's own: a deck using Fast does not get it.
    expect([iam.newPerDay, iam.desiredRetention, iam.reviewsPerDay]).toEqual([40, DEFAULT_DECK_OPTIONS.desiredRetention, DEFAULT_DECK_OPTIONS.reviewsPerDay]);
    expect(optionsOfDeck(setup, 'jp').desiredRetention).toBe(0.85);
    expect(optionsOfDeck(setup, 'kms').maximumIntervalDays).toBe(100);
  });

  it('take the exam of one home: the nearest deck that has one, else the collection', () => {
    expect(examHomeOf(setup.decks, 'kms')).toBe('aws');
    expect(examHomeOf(setup.decks, 'jp')).toBe('');
    expect([optionsOfDeck(setup, 'kms').examDate, optionsOfDeck(setup, 'kms').examTarget]).toEqual(['2027-01-12', 0.9]);
    expect(optionsOfDeck(setup, 'jp').examDate).toBe('2027-03-01');
  });

  it('treat a preset that no longer exists as none', () => {
    const gone = { ...setup, presets: setup.presets.filter((preset) => preset.id !== 'slow') };
    expect(presetOf(gone, 'kms').id).toBe('fast');
  });

  it('list which decks share each preset', () => {
    const users = presetUsers(setup);
    expect(users.get('fast')).toEqual(['aws', 'iam']);
    expect(users.get(DEFAULT_PRESET_ID)).toEqual(['jp', 'orphan']);
  });
});

describe('options pinned before presets', () => {
  it('become presets only where a deck differs from what it inherited, in whatever order keys were saved', () => {
    const pinned = [
      { id: 'child', name: 'A::B', options: { examDate: null, learningSteps: ['1m', '10m'] as ['1m', '10m'], newPerDay: 20 } },
      { id: 'top', name: 'A', options: { newPerDay: 20, learningSteps: ['1m', '10m'] as ['1m', '10m'] } },
      { id: 'other', name: 'C', options: { newPerDay: 3 } },
    ];
    const migrated = presetsFromPinned(pinned, { examDate: null, newPerDay: 20 });
    expect(migrated.presets.map((preset) => preset.name)).toEqual(['Default', 'C']);
    expect(migrated.decks.map((deck) => [deck.id, deck.presetId, deck.options])).toEqual([
      ['child', undefined, {}],
      ['top', undefined, {}],
      ['other', 'preset-other', {}],
    ]);
    expect(migrated.collectionExam).toEqual({ examDate: null });
  });
});
