import { SearchSyntaxError, type SearchErrorKind } from './errors';
import type { CardStateTerm, Comparison, Property, SearchNode, SearchTerm } from './tree';

/**
 * Parses Anki's search language into a tree, following Anki's own parser (rslib/src/search/parser.rs):
 * the same terms, escapes and errors. Kioku ids are text, so `nid:`/`cid:` take any id, not only digits.
 * Throws SearchSyntaxError pointing at the part of the search that is wrong.
 */
export function parseSearch(input: string): SearchNode {
  return new Parser(input).parse();
}

const SPACE = /[ \u3000\t\r\n]/;
const ESCAPABLE = '\\":*_()-';
const STATES: readonly CardStateTerm[] = ['new', 'learn', 'review', 'due', 'suspended', 'buried', 'buried-manually', 'buried-sibling'];
const ID = /^[A-Za-z0-9_/-]+$/;

type Item = { node: SearchNode } | { operator: 'and' | 'or'; start: number; end: number };

function fail(kind: SearchErrorKind, start: number, end: number, provided: string): never {
  throw new SearchSyntaxError(kind, start, end, provided);
}

class Parser {
  private pos = 0;

  constructor(private readonly input: string) {}

  parse(): SearchNode {
    const items = this.groupInner();
    if (this.pos < this.input.length) fail('unopenedGroup', this.pos, this.pos + 1, ')');
    return items.length === 0 ? { kind: 'all' } : combine(items);
  }

  private skipSpace(): void {
    while (this.pos < this.input.length && SPACE.test(this.input[this.pos] ?? '')) this.pos++;
  }

  /** Nodes up to a `)` or the end, with an implicit `and` between two nodes not joined by an operator. */
  private groupInner(): Item[] {
    const items: Item[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.input.length || this.input[this.pos] === ')') break;
      const item = this.node();
      const expectingTerm = items.length % 2 === 0;
      if ('operator' in item) {
        if (expectingTerm) misplaced(item);
      } else if (!expectingTerm) {
        items.push({ operator: 'and', start: this.pos, end: this.pos });
      }
      items.push(item);
    }
    const last = items.at(-1);
    if (last && 'operator' in last) misplaced(last);
    return items;
  }

  private node(): Item {
    const char = this.input[this.pos];
    if (char === '-') {
      const next = this.input[this.pos + 1];
      if (next !== undefined && !SPACE.test(next) && next !== ')') {
        const start = this.pos;
        this.pos++;
        const inner = this.input[this.pos] === '(' ? { node: this.group() } : this.text();
        if ('operator' in inner) fail(inner.operator === 'and' ? 'misplacedAnd' : 'misplacedOr', start, inner.end, this.input.slice(start, inner.end));
        return { node: { kind: 'not', child: inner.node } };
      }
    }
    if (char === '(') return { node: this.group() };
    return this.text();
  }

  private group(): SearchNode {
    const start = this.pos;
    this.pos++;
    const inner = this.groupInner();
    if (this.input[this.pos] !== ')') fail('unclosedGroup', start, start + 1, '(');
    this.pos++;
    if (inner.length === 0) fail('emptyGroup', start, this.pos, this.input.slice(start, this.pos));
    return combine(inner);
  }

  private text(): Item {
    const start = this.pos;
    if (this.input[start] === '"') {
      const quoted = this.quoted();
      return { node: termFor(quoted.text, quoted.start) };
    }
    const partial = /^((?:[^"(): \u3000\t\r\n\\]|\\[^ \u3000\t\r\n])+):"/.exec(this.input.slice(start));
    if (partial?.[1] !== undefined) {
      const key = partial[1];
      this.pos = start + key.length + 1;
      const quoted = this.quoted();
      return { node: termWithKey(key, start, quoted.text, quoted.start) };
    }
    while (this.pos < this.input.length) {
      const char = this.input[this.pos] ?? '';
      if (SPACE.test(char) || char === '"' || char === '(' || char === ')') break;
      if (char === '\\') {
        const next = this.input[this.pos + 1];
        if (next === undefined || SPACE.test(next)) fail('unknownEscape', this.pos, this.pos + 1, '\\');
        this.pos += 2;
      } else {
        this.pos++;
      }
    }
    const term = this.input.slice(start, this.pos);
    const lower = term.toLowerCase();
    if (lower === 'and' || lower === 'or') return { operator: lower, start, end: this.pos };
    return { node: termFor(term, start) };
  }

  /** A non-empty string between unescaped double quotes; the position is at the opening quote. */
  private quoted(): { text: string; start: number } {
    const open = this.pos;
    let at = open + 1;
    while (at < this.input.length && this.input[at] !== '"') {
      if (this.input[at] === '\\') {
        if (at + 1 >= this.input.length) fail('unclosedQuote', open, this.input.length, this.input.slice(open));
        at += 2;
      } else {
        at++;
      }
    }
    if (at >= this.input.length) fail('unclosedQuote', open, this.input.length, this.input.slice(open));
    if (at === open + 1) fail('emptyQuote', open, at + 1, '""');
    this.pos = at + 1;
    return { text: this.input.slice(open + 1, at), start: open + 1 };
  }
}

function misplaced(item: { operator: 'and' | 'or'; start: number; end: number }): never {
  return fail(item.operator === 'and' ? 'misplacedAnd' : 'misplacedOr', item.start, item.end, item.operator);
}

/** `a and b or c and d` → or(and(a, b), and(c, d)). */
function combine(items: Item[]): SearchNode {
  const alternatives: SearchNode[][] = [[]];
  for (const item of items) {
    if ('node' in item) alternatives.at(-1)?.push(item.node);
    else if (item.operator === 'or') alternatives.push([]);
  }
  const ands = alternatives.map((nodes): SearchNode => (nodes.length === 1 && nodes[0] ? nodes[0] : { kind: 'and', children: nodes }));
  return ands.length === 1 && ands[0] ? ands[0] : { kind: 'or', children: ands };
}

/** A term's text (escapes still in it), starting at `start` in the search: plain text, or `key:value`. */
function termFor(text: string, start: number): SearchNode {
  let at = 0;
  while (at < text.length && text[at] !== ':') at += text[at] === '\\' ? 2 : 1;
  if (at === 0 && text.length > 0 && text[0] === ':') fail('missingKey', start, start + text.length, text);
  if (at >= text.length) return { kind: 'text', glob: unescape(text, start) };
  return termWithKey(text.slice(0, at), start, text.slice(at + 1), start + at + 1);
}

function termWithKey(key: string, keyStart: number, value: string, valueStart: number): SearchTerm {
  const end = valueStart + value.length;
  const whole = { start: keyStart, end };
  switch (key.toLowerCase()) {
    case 'deck':
      return { kind: 'deck', glob: unescape(value, valueStart) };
    case 'note':
      return { kind: 'noteType', glob: unescape(value, valueStart) };
    case 'tag':
      return value.startsWith('re:')
        ? { kind: 'tagRegex', re: checkedRegex(unescapeQuotes(value.slice(3)), valueStart, end) }
        : { kind: 'tag', glob: unescape(value, valueStart) };
    case 'card':
      return /^\d+$/.test(value) ? { kind: 'template', ordinal: Math.max(1, Number(value)) - 1 } : { kind: 'templateName', glob: unescape(value, valueStart) };
    case 'flag': {
      if (!/^\d+$/.test(value) || Number(value) > 7) fail('invalidFlag', valueStart, end, value);
      return { kind: 'flag', flag: Number(value) };
    }
    case 'prop':
      return parseProp(value, valueStart);
    case 'added':
    case 'edited':
    case 'introduced': {
      const kind = key.toLowerCase() as 'added' | 'edited' | 'introduced';
      return { kind, days: Math.max(1, positiveWhole(value, valueStart, end)) };
    }
    case 'rated': {
      const [daysText = '', button] = splitOnce(value, ':');
      const days = Math.max(1, positiveWhole(daysText, valueStart, valueStart + daysText.length));
      return { kind: 'rated', days, rating: answerButton(button, valueStart, end) };
    }
    case 'is': {
      const state = STATES.find((name) => name === value);
      if (!state) fail('invalidState', valueStart, end, value);
      return { kind: 'state', state };
    }
    case 'nid':
    case 'cid': {
      const ids = value.split(',');
      if (!ids.every((id) => ID.test(id))) fail('invalidIdList', whole.start, whole.end, value);
      return { kind: key.toLowerCase() === 'nid' ? 'noteIds' : 'cardIds', ids };
    }
    case 're':
      return { kind: 'regex', re: checkedRegex(unescapeQuotes(value), valueStart, end) };
    case 'nc':
      return { kind: 'noCombining', glob: unescape(value, valueStart) };
    default: {
      const field = unescape(key, keyStart);
      if (value.startsWith('re:')) return { kind: 'fieldRegex', field, re: checkedRegex(unescapeQuotes(value.slice(3)), valueStart, end) };
      if (value.startsWith('nc:')) return { kind: 'fieldNoCombining', field, glob: unescapeQuotes(value.slice(3)) };
      return { kind: 'field', field, glob: unescape(value, valueStart) };
    }
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function positiveWhole(text: string, start: number, end: number): number {
  if (!/^\+?\d+$/.test(text) || Number(text) > 0xffffffff) fail('invalidPositiveWholeNumber', start, end, text);
  return Number(text);
}

function answerButton(text: string | undefined, start: number, end: number): number | null {
  if (text === undefined) return null;
  if (!/^[1-4]$/.test(text)) fail('invalidAnswerButton', start, end, text);
  return Number(text);
}

const PROPERTY = /^(ivl|due|reps|lapses|ease|pos|rated|s|d|r)/;
const OPERATOR = /^(<=|>=|!=|=|<|>)/;

function parseProp(clause: string, start: number): SearchTerm {
  const end = start + clause.length;
  const property = PROPERTY.exec(clause)?.[1] as Property | undefined;
  if (!property) fail('invalidPropProperty', start, end, clause);
  const rest = clause.slice(property.length);
  const op = OPERATOR.exec(rest)?.[1] as Comparison | undefined;
  if (!op) fail('invalidPropOperator', start, end, property);
  const number = rest.slice(op.length);
  switch (property) {
    case 'ease':
    case 's':
    case 'd':
    case 'r':
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(number)) fail('invalidNumber', start, end, number);
      return { kind: 'prop', property, op, value: Number(number) };
    case 'due':
      if (!/^[+-]?\d+$/.test(number)) fail('invalidWholeNumber', start, end, number);
      return { kind: 'prop', property, op, value: Number(number) };
    case 'rated': {
      const [daysText = '', button] = splitOnce(number, ':');
      if (!/^(?:-\d+|[+-]?0+)$/.test(daysText)) fail('invalidNegativeWholeNumber', start, end, daysText);
      return { kind: 'propRated', op, days: Number(daysText), rating: answerButton(button, start, end) };
    }
    default:
      return { kind: 'prop', property, op, value: positiveWhole(number, start, end) };
  }
}

/** Unescapes what only the parser gives meaning to (`\"`, `\:`, `\(`, `\)`, `\-`); `\\`, `\*`, `\_` stay for the glob. */
function unescape(text: string, start: number): string {
  for (let at = 0; at < text.length; at++) {
    if (text[at] !== '\\') continue;
    const next = text[at + 1];
    if (next === undefined || !ESCAPABLE.includes(next)) fail('unknownEscape', start + at, start + at + (next === undefined ? 1 : 2), `\\${next ?? ''}`);
    at++;
  }
  return text.replace(/\\(.)/g, (whole, char: string) => ('":()-'.includes(char) ? char : whole));
}

function unescapeQuotes(text: string): string {
  return text.replace(/\\"/g, '"');
}

function checkedRegex(source: string, start: number, end: number): string {
  try {
    new RegExp(source, 'i');
  } catch {
    fail('invalidRegex', start, end, source);
  }
  return source;
}
