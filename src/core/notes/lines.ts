import { foldWidth } from './normalize';

/**
 * Recognisers for single lines. Each matches on the width-folded line but returns text cut from
 * the original: folding maps every UTF-16 unit to exactly one, so offsets agree between the two.
 */

export interface Heading {
  number: number | null;
  title: string;
}

const HEADING = /^\s*(?:#{2,}\s*|#\s+)(?:(\d+)\s*[.)]\s*)?(.*?)\s*#*\s*$/d;
const BULLET = /^\s*(?:[-*]\s+|[・•]\s*)(.*?)\s*$/d;
// `1.5倍` is a number in a sentence, not a list item.
const NUMBERED = /^\s*\d+\s*[.)](?!\d)\s*(.+?)\s*$/d;
const SEPARATOR_CELL = /^\s*:?-{3,}:?\s*$/;

function capture(line: string, match: RegExpExecArray, group: number): string {
  const span = match.indices?.[group];
  return span ? line.slice(span[0], span[1]) : '';
}

/** `##1.title##`, `## title`, `＃＃１．title＃＃`. */
export function parseHeading(line: string): Heading | null {
  const match = HEADING.exec(foldWidth(line));
  if (!match) return null;
  return { number: match[1] === undefined ? null : Number(match[1]), title: capture(line, match, 2) };
}

/** The text after `- ` or `・`, or null when the line is no bullet. */
export function bulletText(line: string): string | null {
  const match = BULLET.exec(foldWidth(line));
  return match ? capture(line, match, 1) : null;
}

/** The text after `1.` / `１．` / `1)`, or null. */
export function numberedText(line: string): string | null {
  const match = NUMBERED.exec(foldWidth(line));
  return match ? capture(line, match, 1) : null;
}

export function hasPipe(line: string): boolean {
  return foldWidth(line).includes('|');
}

/** Cells of a pipe row; leading and trailing pipes are optional. */
export function splitRow(line: string): string[] {
  const folded = foldWidth(line);
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i === folded.length || folded[i] === '|') {
      cells.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  const trimmed = folded.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && cells.length > 0) cells.pop();
  return cells;
}

/** `---|---|---|` (full-width dashes too), the line under a table's header. */
export function isSeparatorRow(line: string): boolean {
  if (!hasPipe(line)) return false;
  const cells = splitRow(foldWidth(line).replace(/[ー―‐—]/g, '-'));
  return cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell));
}
