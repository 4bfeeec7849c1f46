import { withFewMarks } from '../text/stacked-marks';

/**
 * Kioku's width folding for Japanese: NFKC makes full-width Latin and digits half-width and
 * half-width kana full-width (`ＡＷＳ` → `AWS`, `ｶﾀｶﾅ` → `カタカナ`), then case is folded. Both the
 * text searched and the search are folded, so either form finds the other. Marks stacked beyond
 * what any script uses are cut first: normalising a long run of them takes minutes.
 */
export function fold(text: string): string {
  return withFewMarks(text).normalize('NFKC').toLowerCase();
}

/** Anki's `nc:`: letters without their combining marks, so `nc:uber` finds `über`. Voiced kana keep their marks once recomposed. */
export function withoutCombining(text: string): string {
  return withFewMarks(text).normalize('NFD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '').normalize('NFC');
}

/**
 * A search glob as a regular expression source: `*` any run of characters, `_` one character,
 * `\*`, `\_` and `\\` themselves. The glob is folded as the searched text is.
 */
export function globSource(glob: string): string {
  let source = '';
  const folded = fold(glob);
  for (let at = 0; at < folded.length; at++) {
    const char = folded[at] ?? '';
    if (char === '\\' && at + 1 < folded.length) {
      source += escapeRegex(folded[at + 1] ?? '');
      at++;
    } else if (char === '*') {
      source += '[\\s\\S]*';
    } else if (char === '_') {
      source += '[\\s\\S]';
    } else {
      source += escapeRegex(char);
    }
  }
  return source;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether a glob has no wildcard, so a plain comparison does. */
export function isPlainGlob(glob: string): boolean {
  return !/[*_]/.test(glob.replace(/\\[\\*_]/g, ''));
}

/** The glob's text with its escapes removed, for a glob with no wildcard. */
export function plainGlobText(glob: string): string {
  return fold(glob.replace(/\\([\\*_])/g, '$1'));
}

/** Matches the whole folded text against the glob (Anki's field and deck searches). */
export function wholeMatcher(glob: string): (folded: string) => boolean {
  if (isPlainGlob(glob)) {
    const text = plainGlobText(glob);
    return (folded) => folded === text;
  }
  const re = new RegExp(`^${globSource(glob)}$`);
  return (folded) => re.test(folded);
}

/** Matches anywhere in the folded text (Anki's unqualified text). */
export function containsMatcher(glob: string): (folded: string) => boolean {
  if (isPlainGlob(glob)) {
    const text = plainGlobText(glob);
    return (folded) => folded.includes(text);
  }
  const re = new RegExp(globSource(glob));
  return (folded) => re.test(folded);
}
