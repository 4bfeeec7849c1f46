import { renderCloze } from './cloze';
import { furigana, kana, kanji } from './furigana';
import { typeAnswerMarker } from './type-answer';
import { isFieldEmpty, stripHtml } from './html';

/** What a template is rendered against. */
export interface TemplateContext {
  fields: ReadonlyMap<string, string>;
  /** The rendered front, for `{{FrontSide}}` on the back. */
  frontSide?: string;
  /** Cloze number of the card being rendered (1-based); absent for standard note types. */
  clozeNumber?: number;
  side: 'front' | 'back';
}

export interface RenderedTemplate {
  html: string;
  /** Whether some field with content was put into the output — Anki's test for whether a card exists. */
  usedNonEmptyField: boolean;
}

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'field'; tag: string }
  | { kind: 'section'; field: string; inverted: boolean; children: TemplateNode[] };

const TAG_PATTERN = /\{\{([\s\S]*?)\}\}/g;

/** Renders Anki template syntax. Unknown fields render as nothing, as in Anki. */
export function renderTemplate(template: string, context: TemplateContext): RenderedTemplate {
  const state = { usedNonEmptyField: false };
  const html = renderNodes(parseTemplate(template), context, state);
  return { html, usedNonEmptyField: state.usedNonEmptyField };
}

/** Names of the fields a template feeds through the `cloze:` filter. */
export function clozeFieldsOf(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(TAG_PATTERN)) {
    const parts = (match[1] ?? '').split(':').map((part) => part.trim());
    const field = parts[parts.length - 1] ?? '';
    if (parts.slice(0, -1).includes('cloze')) names.push(field);
  }
  return names;
}

function parseTemplate(template: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: { field: string; children: TemplateNode[] }[] = [{ field: '', children: root }];
  const current = (): TemplateNode[] => stack[stack.length - 1]?.children ?? root;
  let last = 0;
  for (const match of template.matchAll(TAG_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) current().push({ kind: 'text', text: template.slice(last, start) });
    last = start + match[0].length;
    const tag = (match[1] ?? '').trim();
    const opener = tag[0];
    if (opener === '#' || opener === '^') {
      const section: TemplateNode = { kind: 'section', field: tag.slice(1).trim(), inverted: opener === '^', children: [] };
      current().push(section);
      stack.push({ field: section.field, children: section.children });
    } else if (opener === '/') {
      // A closing tag that matches no open section is ignored rather than failing the whole card.
      const field = tag.slice(1).trim();
      const openIndex = stack.findLastIndex((entry, i) => i > 0 && entry.field === field);
      if (openIndex > 0) stack.length = openIndex;
    } else {
      current().push({ kind: 'field', tag });
    }
  }
  if (last < template.length) current().push({ kind: 'text', text: template.slice(last) });
  return root;
}

function renderNodes(nodes: TemplateNode[], context: TemplateContext, state: { usedNonEmptyField: boolean }): string {
  let html = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      html += node.text;
    } else if (node.kind === 'section') {
      const present = !isFieldEmpty(context.fields.get(node.field) ?? '');
      if (present !== node.inverted) html += renderNodes(node.children, context, state);
    } else {
      html += renderField(node.tag, context, state);
    }
  }
  return html;
}

function renderField(tag: string, context: TemplateContext, state: { usedNonEmptyField: boolean }): string {
  const parts = tag.split(':').map((part) => part.trim());
  const name = parts[parts.length - 1] ?? '';
  const filters = parts.slice(0, -1);
  if (name === 'FrontSide' && filters.length === 0) return context.frontSide ?? '';
  // As Anki: `type` outermost makes a type-in box, whatever else is named; `type:cloze:` and `type:nc:` are its variants.
  if (filters[0] === 'type') {
    const kind = filters[1] === 'cloze' ? 'cloze' : filters[1] === 'nc' ? 'nc' : 'plain';
    return typeAnswerMarker({ field: name, kind });
  }
  let value = context.fields.get(name) ?? '';
  if (!isFieldEmpty(value)) state.usedNonEmptyField = true;
  // Anki applies filters from the one nearest the field name outwards; a filter it does not know is passed over.
  for (const filter of filters.reverse()) value = applyFilter(filter, value, name, context);
  return value;
}

function applyFilter(filter: string, value: string, name: string, context: TemplateContext): string {
  switch (filter) {
    case 'text':
      return stripHtml(value);
    case 'cloze':
      return context.clozeNumber === undefined ? value : renderCloze(value, context.clozeNumber, context.side);
    case 'furigana':
      return furigana(value);
    case 'kana':
      return kana(value);
    case 'kanji':
      return kanji(value);
    case 'hint':
      return hint(value, name);
    default: {
      const tts = /^tts\s+(.*)$/s.exec(filter);
      return tts ? ttsTag(tts[1] ?? '', value) : value;
    }
  }
}

/**
 * Anki's hint is a link that reveals the field with a script; card HTML here runs no script, so
 * the same "click to show" is a <details> element, which needs none.
 */
function hint(value: string, name: string): string {
  if (value.trim() === '') return value;
  return `<details class="hint"><summary>${name}</summary>${value}</details>`;
}

/** `{{tts ja_JP:Field}}` → `[anki:tts lang=ja_JP]…[/anki:tts]`, which the study screen speaks. */
function ttsTag(options: string, value: string): string {
  return `[anki:tts lang=${options}]${value}[/anki:tts]`;
}
