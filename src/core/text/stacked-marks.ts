/** More combining marks than any script stacks on one character. */
const MAX_STACKED_MARKS = 16;

const STACKED_MARKS = new RegExp(`(\\p{M}{${MAX_STACKED_MARKS}})\\p{M}+`, 'gu');

/**
 * Text with the combining marks stacked on one character beyond the 16 any script uses dropped
 * ("Zalgo" text). Left whole, a long run costs work that grows with its square: Chromium took
 * 6 s to lay out a character carrying 20,000 of them, and Unicode normalisation reorders a run by
 * insertion sort (`normalize('NFKC')` took 4 s on 20,000 marks, about 20 minutes on a 1 MiB field),
 * so text is cut with this before it is normalised or shown.
 */
export function withFewMarks(text: string): string {
  return text.replace(STACKED_MARKS, '$1');
}
