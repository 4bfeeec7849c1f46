import { stripHtml } from './html';
import { opcodes } from './sequence-matcher';
import { withFewMarks } from '../text/stacked-marks';

/**
 * Anki's type-in answers (rslib/src/typeanswer.rs). `{{type:Field}}` renders as the marker
 * `[[type:Field]]` (`[[type:cloze:Text]]`, `[[type:nc:Field]]`), which the study screen turns
 * into an input box on the front and into the comparison of what was typed on the back.
 * The comparison is Python difflib's SequenceMatcher over characters, as Anki's, so the same
 * typing is marked the same way.
 */

export type TypeAnswerKind = 'plain' | 'cloze' | 'nc';

export interface TypeAnswerField {
  field: string;
  kind: TypeAnswerKind;
}

export const TYPE_ANSWER_MARKER = /\[\[type:(?:(cloze|nc):)?([^\]]*)\]\]/g;

export function typeAnswerMarker({ field, kind }: TypeAnswerField): string {
  return `[[type:${kind === 'plain' ? '' : `${kind}:`}${field}]]`;
}

/** The first type-in box a rendered side asks for, or null. */
export function typeAnswerIn(html: string): TypeAnswerField | null {
  const match = new RegExp(TYPE_ANSWER_MARKER.source).exec(html);
  if (!match) return null;
  return { field: match[2] ?? '', kind: (match[1] as TypeAnswerKind | undefined) ?? 'plain' };
}

/** A side with every type-in marker replaced (by nothing, or by the comparison). */
export function replaceTypeAnswer(html: string, replacement: string): string {
  return html.replace(TYPE_ANSWER_MARKER, () => replacement);
}

const LINE_BREAKS = /(?:\n|<br\s?\/?>|<\/?div>)+/gis;
const AV_TAGS = /\[sound:[^\]]*\]|\[anki:tts[^\]]*\][\s\S]*?\[\/anki:tts\]/g;

/** The expected answer as plain text: sounds and speech dropped, line breaks as spaces, no tags. */
export function stripExpected(expected: string): string {
  return stripHtml(expected.replace(AV_TAGS, '').replace(LINE_BREAKS, ' ')).trim();
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[char]!);
}

type TokenKind = 'typeGood' | 'typeBad' | 'typeMissed';
interface Token {
  kind: TokenKind;
  text: string;
}

/** A mark at the start of a token would join the character before it in another span. */
function isolateLeadingMark(text: string): string {
  return /^\p{M}/u.test(text) ? ` ${text}` : text;
}

function renderTokens(tokens: readonly Token[], textOf: (token: Token, index: number) => string = (token) => isolateLeadingMark(token.text)): string {
  return tokens.map((token, i) => `<span class=${token.kind}>${escape(textOf(token, i))}</span>`).join('');
}

/** The typed and expected characters split into matching, wrong and missing runs. */
export function diffTokens(typed: readonly string[], expected: readonly string[]): { typed: Token[]; expected: Token[] } {
  const typedTokens: Token[] = [];
  const expectedTokens: Token[] = [];
  for (const [tag, typedStart, typedEnd, expectedStart, expectedEnd] of opcodes(typed, expected)) {
    const typedText = typed.slice(typedStart, typedEnd).join('');
    const expectedText = expected.slice(expectedStart, expectedEnd).join('');
    if (tag === 'equal') {
      typedTokens.push({ kind: 'typeGood', text: typedText });
      expectedTokens.push({ kind: 'typeGood', text: expectedText });
    } else if (tag === 'delete') {
      typedTokens.push({ kind: 'typeBad', text: typedText });
    } else if (tag === 'insert') {
      typedTokens.push({ kind: 'typeMissed', text: '-'.repeat(expectedEnd - expectedStart) });
      expectedTokens.push({ kind: 'typeMissed', text: expectedText });
    } else {
      typedTokens.push({ kind: 'typeBad', text: typedText });
      expectedTokens.push({ kind: 'typeMissed', text: expectedText });
    }
  }
  return { typed: typedTokens, expected: expectedTokens };
}

const code = (html: string) => `<code id=typeans>${html}</code>`;

/**
 * What the back shows for a type-in answer: the expected text when nothing was typed; all of it
 * good when typed exactly; else the typed line, an arrow, and the expected line, each run marked.
 * `combining` false (`{{type:nc:}}`) ignores accents and other combining marks, as Anki does.
 */
export function compareAnswer(expectedHtml: string, typedText: string, combining = true): string {
  // Normalising reorders a run of combining marks in time that grows with its square.
  const expected = withFewMarks(stripExpected(expectedHtml));
  const typed = withFewMarks(typedText);
  if (typed === '') return code(escape(expected));
  if (combining) {
    const typedChars = [...typed.normalize('NFC')];
    const expectedChars = [...expected.normalize('NFC')];
    if (typedChars.join('') === expectedChars.join('')) return code(`<span class=typeGood>${escape(expectedChars.join(''))}</span>`);
    const tokens = diffTokens(typedChars, expectedChars);
    return code(`${renderTokens(tokens.typed)}<br><span id=typearrow>&darr;</span><br>${renderTokens(tokens.expected)}`);
  }
  const isMark = (char: string) => /^\p{M}$/u.test(char);
  const typedChars = [...typed.normalize('NFKD')].filter((char) => !isMark(char));
  const expectedChars: string[] = [];
  // Each base character with its marks, so the expected line still shows the accents to learn.
  const expectedWithMarks: string[] = [];
  for (const char of expected.normalize('NFKD')) {
    if (isMark(char)) {
      if (expectedWithMarks.length > 0) expectedWithMarks[expectedWithMarks.length - 1] += char;
    } else {
      expectedChars.push(char);
      expectedWithMarks.push(char);
    }
  }
  if (typedChars.join('') === expectedChars.join('')) return code(`<span class=typeGood>${escape(expected)}</span>`);
  const tokens = diffTokens(typedChars, expectedChars);
  let at = 0;
  const expectedLine = renderTokens(tokens.expected, (token) => {
    const count = [...token.text].length;
    const text = expectedWithMarks.slice(at, at + count).join('');
    at += count;
    return text;
  });
  return code(`${renderTokens(tokens.typed)}<br><span id=typearrow>&darr;</span><br>${expectedLine}`);
}
