/**
 * Anki's template syntax read strictly, as rslib/src/template.rs reads it (`ParsedTemplate::
 * from_text`): a `{{` with no `}}`, a section left open or a closing tag that closes nothing is an
 * error. The renderer in cards/template.ts is forgiving on purpose (an imported card still shows);
 * this parser is what the note type editor checks with before anything is saved.
 */

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'replacement'; key: string; filters: string[] }
  | { kind: 'section'; key: string; negated: boolean; children: TemplateNode[] };

export type SyntaxProblem =
  | { kind: 'noClosingBrackets'; rest: string }
  | { kind: 'sectionNotClosed'; field: string }
  | { kind: 'closedNotOpen'; closed: string; open: string | null };

export type ParseResult = { ok: true; nodes: TemplateNode[] } | { ok: false; problem: SyntaxProblem };

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'replacement'; tag: string }
  | { kind: 'open'; key: string; negated: boolean }
  | { kind: 'close'; key: string };

/** As Anki's classify_handle: leading `{` dropped, trimmed; a tag shorter than two characters is always a replacement. */
function classify(inside: string): Token {
  const tag = inside.replace(/^\{+/, '').trim();
  if (tag.length < 2) return { kind: 'replacement', tag };
  if (tag.startsWith('#')) return { kind: 'open', key: tag.slice(1).trimStart(), negated: false };
  if (tag.startsWith('^')) return { kind: 'open', key: tag.slice(1).trimStart(), negated: true };
  if (tag.startsWith('/')) return { kind: 'close', key: tag.slice(1).trimStart() };
  return { kind: 'replacement', tag };
}

function tokenize(template: string): Token[] | SyntaxProblem {
  const tokens: Token[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    if (open < 0) {
      tokens.push({ kind: 'text', text: template.slice(at) });
      break;
    }
    if (open > at) tokens.push({ kind: 'text', text: template.slice(at, open) });
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return { kind: 'noClosingBrackets', rest: template.slice(open) };
    tokens.push(classify(template.slice(open + 2, close)));
    at = close + 2;
  }
  return tokens;
}

export function parseTemplateStrictly(template: string): ParseResult {
  const tokens = tokenize(template);
  if (!Array.isArray(tokens)) return { ok: false, problem: tokens };
  const root: TemplateNode[] = [];
  const open: { key: string; children: TemplateNode[] }[] = [];
  const current = () => open.at(-1)?.children ?? root;
  for (const token of tokens) {
    if (token.kind === 'text') current().push({ kind: 'text', text: token.text });
    else if (token.kind === 'replacement') {
      // Anki splits on the last colon: what follows is the field, what precedes are filters, innermost last.
      const parts = token.tag.split(':');
      current().push({ kind: 'replacement', key: parts.at(-1) ?? '', filters: parts.slice(0, -1) });
    } else if (token.kind === 'open') {
      const section: TemplateNode = { kind: 'section', key: token.key, negated: token.negated, children: [] };
      current().push(section);
      open.push({ key: token.key, children: section.children });
    } else {
      const innermost = open.at(-1);
      if (innermost?.key !== token.key) return { ok: false, problem: { kind: 'closedNotOpen', closed: token.key, open: innermost?.key ?? null } };
      open.pop();
    }
  }
  const unclosed = open.at(-1);
  return unclosed ? { ok: false, problem: { kind: 'sectionNotClosed', field: unclosed.key } } : { ok: true, nodes: root };
}

/** The template written back from its nodes, as Anki's template_to_string writes it. */
export function templateText(nodes: readonly TemplateNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text') text += node.text;
    else if (node.kind === 'replacement') text += `{{${[...node.filters, node.key].join(':')}}}`;
    else text += `{{${node.negated ? '^' : '#'}${node.key}}}${templateText(node.children)}{{/${node.key}}}`;
  }
  return text;
}
