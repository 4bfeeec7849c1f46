/**
 * Anki's ruby filters (`{{furigana:}}`, `{{kana:}}`, `{{kanji:}}`, rslib/src/template_filters.rs):
 * `漢字[かんじ]` is a base followed by its reading in brackets. Anki finds them with the regex
 * ` ?([^ >]+?)\[(.+?)\]`; on Japanese text, which has no spaces, a backtracking regex engine tries
 * every start in a long run of characters, which is quadratic. This scanner finds the same matches
 * in one pass:
 * - the base is a run of characters other than space and `>` (brackets included), at least one;
 *   it starts where the run starts, since a match from any later start also matches from there;
 * - the reading is at least one character up to the first `]` after it, on the same line;
 * - a space right before the base belongs to the match (and is dropped), as ` ?` takes it;
 * - of the `[` in a run, the first that has such a reading ends the base (the lazy `+?`).
 * A reading starting with `sound:` is an audio tag, which every filter leaves as it was.
 */

interface RubyMatch {
  start: number;
  end: number;
  base: string;
  reading: string;
}

const NONE = Number.POSITIVE_INFINITY;

/** For every index, the index of the next `char` at or after it (NONE when there is none). */
function nextIndexOf(text: string, char: string): Float64Array {
  const next = new Float64Array(text.length + 2).fill(NONE);
  for (let i = text.length - 1; i >= 0; i--) next[i] = text[i] === char ? i : next[i + 1]!;
  return next;
}

const endsBase = (char: string | undefined) => char === ' ' || char === '>';

export function rubyMatches(text: string): RubyMatch[] {
  const nextClose = nextIndexOf(text, ']');
  const nextNewline = nextIndexOf(text, '\n');
  const matches: RubyMatch[] = [];
  let resumeAt = 0;
  let i = 0;
  while (i < text.length) {
    if (endsBase(text[i])) {
      i++;
      continue;
    }
    const start = i;
    let found: RubyMatch | null = null;
    let b = start + 1;
    for (; b < text.length && !endsBase(text[b]); b++) {
      if (text[b] !== '[') continue;
      const close = nextClose[b + 2]!;
      if (close === NONE || nextNewline[b + 1]! < close) continue;
      const withSpace = start - 1 >= resumeAt && text[start - 1] === ' ';
      found = { start: withSpace ? start - 1 : start, end: close + 1, base: text.slice(start, b), reading: text.slice(b + 1, close) };
      break;
    }
    if (found) {
      matches.push(found);
      i = resumeAt = found.end;
    } else {
      i = b;
    }
  }
  return matches;
}

function replaceRuby(text: string, replace: (match: RubyMatch) => string): string {
  const source = text.replaceAll('&nbsp;', ' ');
  let out = '';
  let last = 0;
  for (const match of rubyMatches(source)) {
    out += source.slice(last, match.start);
    out += match.reading.startsWith('sound:') ? source.slice(match.start, match.end) : replace(match);
    last = match.end;
  }
  return out + source.slice(last);
}

/** `漢字[かんじ]` → `<ruby><rb>漢字</rb><rt>かんじ</rt></ruby>`. */
export function furigana(text: string): string {
  return replaceRuby(text, ({ base, reading }) => `<ruby><rb>${base}</rb><rt>${reading}</rt></ruby>`);
}

/** `漢字[かんじ]` → `かんじ`. */
export function kana(text: string): string {
  return replaceRuby(text, ({ reading }) => reading);
}

/** `漢字[かんじ]` → `漢字`. */
export function kanji(text: string): string {
  return replaceRuby(text, ({ base }) => base);
}
