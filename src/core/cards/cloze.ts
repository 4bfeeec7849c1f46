/**
 * Anki's cloze deletions, following rslib/src/cloze.rs: `{{c1::answer}}`, `{{c1::answer::hint}}`,
 * several numbers on one deletion (`{{c1,2::…}}`) and deletions nested inside others
 * (`{{c1::a {{c2::b}}}}`, at most 10 deep; deeper openers are ignored as Anki ignores them).
 *
 * The parser is a single left-to-right scan, so its time grows linearly with the field: fields
 * come from imported files, and a backtracking pattern over a 1 MiB field would hang the app.
 */

type ClozeNode = string | Cloze;

interface Cloze {
  /** Numbers as written, deduplicated and ascending; 0 is kept (Anki ignores it for cards). */
  ordinals: number[];
  nodes: ClozeNode[];
  hint: string | null;
}

const MAX_OPEN = 10;
const MAX_ORDINAL = 65_535;

const COMMA = 44;
const ZERO = 48;
const NINE = 57;

/**
 * Reads `digits and commas` + `::` after a `{{c` at `from`. Returns the numbers and where the
 * text goes on, or null when this is no opener (no `::`, or no number Anki accepts).
 */
function readOpener(text: string, from: number): { ordinals: number[]; end: number } | null {
  const first = text.charCodeAt(from);
  if (first !== COMMA && !(first >= ZERO && first <= NINE)) return null;
  const ordinals: number[] = [];
  let at = from;
  let current = -1;
  const finish = () => {
    if (current >= 0 && current <= MAX_ORDINAL && !ordinals.includes(current)) ordinals.push(current);
    current = -1;
  };
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= ZERO && code <= NINE) current = current < 0 ? code - ZERO : Math.min(current * 10 + code - ZERO, MAX_ORDINAL + 1);
    else if (code === COMMA) finish();
    else break;
  }
  finish();
  if (ordinals.length === 0 || !text.startsWith('::', at)) return null;
  return { ordinals: ordinals.sort((a, b) => a - b), end: at + 2 };
}

/** Where `needle` next occurs at or after `from`; Infinity when it never does again. */
function nextIndex(text: string, needle: string, from: number): number {
  const found = text.indexOf(needle, from);
  return found < 0 ? Number.POSITIVE_INFINITY : found;
}

/**
 * Tokenizes as Anki's `tokenize` does — at each point an opener `{{c1,2::`, a closer `}}`, or
 * text up to the next of them — with `indexOf` jumps, so every character is looked at a bounded
 * number of times however the field is built.
 */
function parse(text: string): ClozeNode[] {
  const output: ClozeNode[] = [];
  const open: Cloze[] = [];
  const addText = (from: number, to: number) => {
    if (to <= from) return;
    let chunk = text.slice(from, to);
    const cloze = open[open.length - 1];
    if (!cloze) {
      output.push(chunk);
      return;
    }
    // The first `::` in a run of text inside a deletion starts its hint.
    const split = chunk.startsWith('image-occlusion:') ? -1 : chunk.indexOf('::');
    if (split >= 0) {
      cloze.hint = chunk.slice(split + 2);
      chunk = chunk.slice(0, split);
    }
    cloze.nodes.push(chunk);
  };
  let textStart = 0;
  let nextOpen = nextIndex(text, '{{c', 0);
  let nextClose = nextIndex(text, '}}', 0);
  while (nextOpen !== Number.POSITIVE_INFINITY || nextClose !== Number.POSITIVE_INFINITY) {
    let resume: number;
    if (nextOpen < nextClose) {
      const opener = readOpener(text, nextOpen + 3);
      if (!opener) {
        // Not an opener after all: it stays text, and the search goes on from the next character.
        nextOpen = nextIndex(text, '{{c', nextOpen + 1);
        continue;
      }
      addText(textStart, nextOpen);
      if (open.length < MAX_OPEN) open.push({ ordinals: opener.ordinals, nodes: [], hint: null });
      resume = opener.end;
    } else {
      addText(textStart, nextClose);
      const closed = open.pop();
      if (closed) (open[open.length - 1]?.nodes ?? output).push(closed);
      else output.push('}}');
      resume = nextClose + 2;
    }
    textStart = resume;
    if (nextOpen < resume) nextOpen = nextIndex(text, '{{c', resume);
    if (nextClose < resume) nextClose = nextIndex(text, '}}', resume);
  }
  addText(textStart, text.length);
  // Deletions left open at the end are dropped with their text, as in Anki.
  return output;
}

/** The distinct cloze numbers used in a text (nested ones included, 0 left out), ascending. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  const visit = (nodes: ClozeNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      for (const n of node.ordinals) if (n !== 0) numbers.add(n);
      visit(node.nodes);
    }
  };
  visit(parse(text));
  return [...numbers].sort((a, b) => a - b);
}

function clozedText(cloze: Cloze): string {
  return cloze.nodes.map((node) => (typeof node === 'string' ? node : clozedText(node))).join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function reveal(cloze: Cloze, active: number, front: boolean, found: { active: boolean }): string {
  const isActive = cloze.ordinals.includes(active);
  found.active ||= isActive;
  const inner = cloze.nodes.map((node) => (typeof node === 'string' ? node : reveal(node, active, front, found))).join('');
  const ordinals = cloze.ordinals.join(',');
  if (front && isActive) {
    return `<span class="cloze" data-cloze="${escapeAttribute(inner)}" data-ordinal="${ordinals}">[${cloze.hint ?? '...'}]</span>`;
  }
  return `<span class="${isActive ? 'cloze' : 'cloze-inactive'}" data-ordinal="${ordinals}">${inner}</span>`;
}

/**
 * One side of cloze card `active` (Anki's `reveal_cloze_text`): deletions with that number are
 * hidden on the front (`[...]` or `[hint]`) and revealed on the back; the others show their text.
 * A text without deletion `active` renders empty, which is how Anki leaves that field out.
 */
export function renderCloze(text: string, active: number, side: 'front' | 'back'): string {
  const found = { active: false };
  const html = parse(text)
    .map((node) => (typeof node === 'string' ? node : reveal(node, active, side === 'front', found)))
    .join('');
  return found.active ? html : '';
}

function activeTexts(nodes: ClozeNode[], active: number, front: boolean, out: string[]): string[] {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node.ordinals.includes(active)) out.push(front ? (node.hint ?? '...') : clozedText(node));
    activeTexts(node.nodes, active, front, out);
  }
  return out;
}

/** The `cloze-only:` filter: just the hidden parts of card `active`, joined by ", ". */
export function clozeOnly(text: string, active: number, side: 'front' | 'back'): string {
  return activeTexts(parse(text), active, side === 'front', []).join(', ');
}

/**
 * What the learner must type for `{{type:cloze:…}}` on card `active` (Anki's
 * `extract_cloze_for_typing`): the hidden text, once if every deletion of that number says the same.
 */
export function clozeAnswerForTyping(text: string, active: number): string {
  const answers = activeTexts(parse(text), active, false, []);
  if (answers.length === 0) return '';
  return answers.every((answer) => answer === answers[0]) ? answers[0]! : answers.join(', ');
}

/** The answers of deletion `active`, in order (one per `{{cN::…}}` with that number). */
export function clozeAnswers(text: string, active: number): string[] {
  return activeTexts(parse(text), active, false, []);
}
