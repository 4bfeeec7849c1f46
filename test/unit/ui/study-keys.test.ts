import { describe, expect, it } from 'vitest';
import { studyCommandOf } from '../../../src/renderer/src/screens/study/study-keys';

const key = (key: string, extra: Partial<KeyboardEvent> = {}) =>
  studyCommandOf({ key, code: extra.code ?? '', ctrlKey: extra.ctrlKey ?? false, metaKey: extra.metaKey ?? false, altKey: extra.altKey ?? false });

describe("Study's keys are Anki's", () => {
  it.each([
    [' ', 'revealOrGood'],
    ['Enter', 'revealOrGood'],
    ['-', 'buryCard'],
    ['=', 'buryNote'],
    ['@', 'suspendCard'],
    ['!', 'suspendNote'],
    ['*', 'mark'],
    ['e', 'edit'],
    ['i', 'cardInfo'],
    ['I', 'cardInfo'],
    ['r', 'replay'],
    ['F5', 'replay'],
    ['v', 'replayQuestion'],
    ['o', 'options'],
    ['Escape', 'leave'],
  ])('%j → %s', (pressed, kind) => {
    expect(key(pressed)?.kind).toBe(kind);
  });

  it('flags with Ctrl or ⌘ and 1–7, read from the key’s place whatever the layout types', () => {
    expect(key('1', { ctrlKey: true, code: 'Digit1' })).toEqual({ kind: 'flag', flag: 1 });
    expect(key('&', { ctrlKey: true, code: 'Digit7' })).toEqual({ kind: 'flag', flag: 7 });
    expect(key('4', { metaKey: true, code: 'Digit4' })).toEqual({ kind: 'flag', flag: 4 });
    expect(key('8', { ctrlKey: true, code: 'Digit8' })).toBeNull();
    expect(key('Delete', { ctrlKey: true, code: 'Delete' })).toEqual({ kind: 'deleteNote' });
  });

  it('does nothing for a plain digit (the answer buttons own 1–4), Ctrl+letters or Alt chords, but takes AltGr’s @', () => {
    expect(key('1', { code: 'Digit1' })).toBeNull();
    expect(key('e', { ctrlKey: true })).toBeNull();
    expect(key('e', { altKey: true })).toBeNull();
    expect(key('Delete')).toBeNull();
    expect(key('@', { ctrlKey: true, altKey: true, code: 'KeyQ' })).toEqual({ kind: 'suspendCard' });
  });
});
