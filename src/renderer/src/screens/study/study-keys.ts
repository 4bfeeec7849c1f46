import type { Flag } from '../../../../core/cards/flags';

/** What a key does in Study, as Anki's reviewer does it. */
export type StudyCommand =
  | { kind: 'revealOrGood' }
  | { kind: 'leave' }
  | { kind: 'replay' }
  | { kind: 'replayQuestion' }
  | { kind: 'edit' }
  | { kind: 'cardInfo' }
  | { kind: 'buryCard' }
  | { kind: 'buryNote' }
  | { kind: 'suspendCard' }
  | { kind: 'suspendNote' }
  | { kind: 'mark' }
  | { kind: 'flag'; flag: Flag }
  | { kind: 'options' }
  | { kind: 'deleteNote' };

const PLAIN: Readonly<Record<string, StudyCommand>> = {
  ' ': { kind: 'revealOrGood' },
  Enter: { kind: 'revealOrGood' },
  Escape: { kind: 'leave' },
  r: { kind: 'replay' },
  R: { kind: 'replay' },
  F5: { kind: 'replay' },
  v: { kind: 'replayQuestion' },
  V: { kind: 'replayQuestion' },
  e: { kind: 'edit' },
  E: { kind: 'edit' },
  i: { kind: 'cardInfo' },
  I: { kind: 'cardInfo' },
  '-': { kind: 'buryCard' },
  '=': { kind: 'buryNote' },
  '@': { kind: 'suspendCard' },
  '!': { kind: 'suspendNote' },
  '*': { kind: 'mark' },
  o: { kind: 'options' },
  O: { kind: 'options' },
};

/**
 * The Study command of a key press, or null. Ctrl (⌘ on a Mac) with 1–7 flags the card and with
 * Delete deletes the note; the digit is read from the key's place (`code`), since Ctrl with a
 * digit types other characters on some layouts. AltGr arrives as Ctrl+Alt and is how many
 * layouts type `@` or `*`, so a Ctrl+Alt key counts as plain. The caller has already left out
 * keys typed into a field or composed by an input method; 1–4 are the answer buttons' own.
 */
export function studyCommandOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>): StudyCommand | null {
  const command = event.metaKey || (event.ctrlKey && !event.altKey);
  if (command) {
    const digit = /^Digit([1-7])$/.exec(event.code)?.[1] ?? /^[1-7]$/.exec(event.key)?.[0];
    if (digit) return { kind: 'flag', flag: Number(digit) as Flag };
    if (event.key === 'Delete') return { kind: 'deleteNote' };
    return null;
  }
  if (event.altKey && !event.ctrlKey) return null;
  return PLAIN[event.key] ?? null;
}
