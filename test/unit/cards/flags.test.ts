import { describe, expect, it } from 'vitest';
import { flagFromAnki, isMarked, toggledFlag, toggledMark, withOneFlag } from '../../../src/core/cards/flags';

describe("Anki's flags and marks", () => {
  it('sets a flag with Ctrl+N and takes it off when the card already has that flag', () => {
    expect(toggledFlag(undefined, 1)).toBe(1);
    expect(toggledFlag(1, 4)).toBe(4);
    expect(toggledFlag(4, 4)).toBe(0);
  });

  it('reads the flag from the low three bits of cards.flags, as Anki does', () => {
    expect(flagFromAnki(3)).toBe(3);
    expect(flagFromAnki(0b1010_0111)).toBe(7);
    expect(flagFromAnki(8)).toBe(0);
  });

  it('marks with the marked tag and unmarks whatever its case', () => {
    expect(toggledMark(['aws'])).toEqual(['aws', 'marked']);
    expect(isMarked(['Marked'])).toBe(true);
    expect(toggledMark(['Marked', 'aws'])).toEqual(['aws']);
  });

  it('keeps one flag: a flag once kept under anki.flags becomes the card flag, and Kioku’s own wins', () => {
    expect(withOneFlag({ id: 'a', anki: { factor: 2500, flags: 2 } })).toEqual({ id: 'a', flag: 2, anki: { factor: 2500 } });
    expect(withOneFlag({ id: 'b', flag: 5, anki: { factor: 2500, flags: 2 } })).toEqual({ id: 'b', flag: 5, anki: { factor: 2500 } });
    expect(withOneFlag({ id: 'c', anki: { factor: 2500, flags: 0 } })).toEqual({ id: 'c', anki: { factor: 2500 } });
    const untouched = { id: 'd', flag: 1 };
    expect(withOneFlag(untouched)).toBe(untouched);
  });
});
