import type { NoteType } from '../collection/model';
import { parseTemplateStrictly, type SyntaxProblem, type TemplateNode } from './template-syntax';

/**
 * Names a template may use that are not fields: the ones Anki's renderer fills in itself
 * (rslib/src/notetype/render.rs). FrontSide is only meaningful on the back but, as in Anki, is
 * not an error on the front.
 */
export const SPECIAL_FIELDS: ReadonlySet<string> = new Set(['FrontSide', 'Tags', 'Type', 'Deck', 'Subdeck', 'Card', 'CardFlag', 'CardID']);

export type TemplateSide = 'front' | 'back';

/** What is wrong with a note type, found before it is saved; `template` is the index of the card template. */
export type NoteTypeProblem =
  | { kind: 'syntax'; template: number; side: TemplateSide; problem: SyntaxProblem }
  | { kind: 'unknownField'; template: number; side: TemplateSide; field: string; tag: string }
  | { kind: 'noFrontField'; template: number }
  | { kind: 'noClozeFilter'; template: number }
  | { kind: 'sameFront'; template: number; sameAs: number }
  | { kind: 'noFields' }
  | { kind: 'noTemplates' }
  | { kind: 'emptyName' }
  | { kind: 'fieldName'; field: number; name: string; reason: FieldNameProblem }
  | { kind: 'templateName'; template: number; name: string; reason: 'empty' | 'duplicate' };

export type FieldNameProblem = 'empty' | 'duplicate' | 'character' | 'start' | 'special';

/**
 * Anki refuses field names with `:` `{` `}` `"` and names starting with `#` `/` `^`
 * (rslib/src/notetype/fields.rs): the template syntax could not name them.
 */
export function fieldNameProblem(name: string, others: readonly string[]): FieldNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (/[:{}"]/.test(trimmed)) return 'character';
  if (/^[#/^]/.test(trimmed)) return 'start';
  if (SPECIAL_FIELDS.has(trimmed)) return 'special';
  if (others.some((other) => other.trim().toLowerCase() === trimmed.toLowerCase())) return 'duplicate';
  return null;
}

function isClozeSection(key: string): boolean {
  return /^c\d+$/.test(key);
}

/** Calls `visit` on every node, sections' children included. */
function walk(nodes: readonly TemplateNode[], visit: (node: TemplateNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind === 'section') walk(node.children, visit);
  }
}

/** As Anki's template_is_empty with every field filled: does any real field reach the output? */
function rendersAField(nodes: readonly TemplateNode[], fields: ReadonlySet<string>): boolean {
  return nodes.some((node) => {
    if (node.kind === 'replacement') return fields.has(node.key) && !node.filters.includes('type');
    if (node.kind === 'section') return !node.negated && fields.has(node.key) && rendersAField(node.children, fields);
    return false;
  });
}

function hasClozeFilter(nodes: readonly TemplateNode[]): boolean {
  let found = false;
  walk(nodes, (node) => {
    if (node.kind === 'replacement' && node.filters.some((filter) => filter.trim() === 'cloze')) found = true;
  });
  return found;
}

function sideProblems(text: string, template: number, side: TemplateSide, fields: ReadonlySet<string>): { problems: NoteTypeProblem[]; nodes: TemplateNode[] | null } {
  const parsed = parseTemplateStrictly(text);
  if (!parsed.ok) return { problems: [{ kind: 'syntax', template, side, problem: parsed.problem }], nodes: null };
  const problems: NoteTypeProblem[] = [];
  walk(parsed.nodes, (node) => {
    if (node.kind === 'replacement') {
      // `{{tts-voices:}}`: a filter with no field is allowed, it adds its own text.
      if (node.key === '' && node.filters.length > 0) return;
      if (!fields.has(node.key) && !SPECIAL_FIELDS.has(node.key)) {
        problems.push({ kind: 'unknownField', template, side, field: node.key, tag: `{{${[...node.filters, node.key].join(':')}}}` });
      }
    } else if (node.kind === 'section' && !fields.has(node.key) && !SPECIAL_FIELDS.has(node.key) && !isClozeSection(node.key)) {
      problems.push({ kind: 'unknownField', template, side, field: node.key, tag: `{{${node.negated ? '^' : '#'}${node.key}}}` });
    }
  });
  return { problems, nodes: parsed.nodes };
}

/**
 * Everything that would make a card of this note type fail or come out blank, as Anki reports it
 * when a note type is saved: template syntax, fields the templates name but the note type lacks,
 * a front that shows no field, a cloze note type without `{{cloze:…}}`, two identical fronts.
 * An empty list means the note type can be saved.
 */
export function checkNoteType(type: Pick<NoteType, 'name' | 'kind' | 'fields' | 'templates'>): NoteTypeProblem[] {
  const problems: NoteTypeProblem[] = [];
  if (type.name.trim() === '') problems.push({ kind: 'emptyName' });
  if (type.fields.length === 0) problems.push({ kind: 'noFields' });
  if (type.templates.length === 0) problems.push({ kind: 'noTemplates' });
  type.fields.forEach((name, field) => {
    const reason = fieldNameProblem(name, type.fields.slice(0, field));
    if (reason) problems.push({ kind: 'fieldName', field, name, reason });
  });
  const fields = new Set(type.fields.map((name) => name.trim()));
  const fronts = new Map<string, number>();
  type.templates.forEach((template, index) => {
    if (template.name.trim() === '') problems.push({ kind: 'templateName', template: index, name: template.name, reason: 'empty' });
    else if (type.templates.slice(0, index).some((other) => other.name.trim() === template.name.trim())) {
      problems.push({ kind: 'templateName', template: index, name: template.name, reason: 'duplicate' });
    }
    const front = sideProblems(template.front, index, 'front', fields);
    const back = sideProblems(template.back, index, 'back', fields);
    problems.push(...front.problems, ...back.problems);
    if (front.nodes) {
      if (type.kind === 'cloze' && !hasClozeFilter(front.nodes)) problems.push({ kind: 'noClozeFilter', template: index });
      else if (type.kind === 'standard' && !rendersAField(front.nodes, fields)) problems.push({ kind: 'noFrontField', template: index });
    }
    const sameAs = fronts.get(template.front);
    if (sameAs !== undefined && type.kind === 'standard') problems.push({ kind: 'sameFront', template: index, sameAs });
    else fronts.set(template.front, index);
  });
  return problems;
}
