import type { CardTemplate, Note, NoteType } from '../collection/model';
import { parseTemplateStrictly, templateText, type TemplateNode } from './template-syntax';

/**
 * A field as the note type editor holds it: its (maybe new) name and the index it had in the saved
 * note type, or null for a field added in the editor. The editor's list, in its order, is the
 * whole change to the fields: renames, reordering, additions and removals at once.
 */
export interface FieldEdit {
  name: string;
  from: number | null;
}

/** The unchanged fields of a note type, as the editor starts with them. */
export function fieldEditsOf(type: Pick<NoteType, 'fields'>): FieldEdit[] {
  return type.fields.map((name, from) => ({ name, from }));
}

/** A note's values after the change: each field keeps its value under its new name and place, a new one is empty. */
export function remapFields(values: readonly string[], edits: readonly FieldEdit[]): string[] {
  return edits.map((edit) => (edit.from === null ? '' : (values[edit.from] ?? '')));
}

/** Whether the change moves, adds or removes a field, so every note of the type has to be rewritten. */
export function movesValues(edits: readonly FieldEdit[], before: number): boolean {
  return edits.length !== before || edits.some((edit, i) => edit.from !== i);
}

function renameNodes(nodes: readonly TemplateNode[], names: ReadonlyMap<string, string | null>): TemplateNode[] {
  return nodes.flatMap((node): TemplateNode[] => {
    if (node.kind === 'text') return [node];
    const renamed = names.get(node.key);
    if (node.kind === 'replacement') {
      if (renamed === null) return [];
      return [renamed === undefined ? node : { ...node, key: renamed }];
    }
    const children = renameNodes(node.children, names);
    // As Anki: a section on a removed field goes, and what it held stays.
    if (renamed === null) return children;
    return [{ ...node, key: renamed ?? node.key, children }];
  });
}

/**
 * A template with renamed fields renamed and removed fields' replacements taken out, as Anki's
 * rename_and_remove_fields does. A template that does not parse is left as it is: the checker
 * reports it, and nothing is saved until it is fixed.
 */
export function renameInTemplate(text: string, names: ReadonlyMap<string, string | null>): string {
  if (names.size === 0) return text;
  const parsed = parseTemplateStrictly(text);
  if (!parsed.ok) return text;
  const touched = (nodes: readonly TemplateNode[]): boolean =>
    nodes.some((node) => node.kind !== 'text' && (names.has(node.key) || (node.kind === 'section' && touched(node.children))));
  return touched(parsed.nodes) ? templateText(renameNodes(parsed.nodes, names)) : text;
}

/** Old name → new name, or → null for a removed field, for the fields the change renames or removes. */
export function renamedFields(before: readonly string[], edits: readonly FieldEdit[]): Map<string, string | null> {
  const names = new Map<string, string | null>();
  const kept = new Set(edits.map((edit) => edit.from));
  before.forEach((name, index) => {
    if (!kept.has(index)) names.set(name, null);
  });
  for (const edit of edits) {
    const old = edit.from === null ? undefined : before[edit.from];
    if (old !== undefined && old !== edit.name.trim()) names.set(old, edit.name.trim());
  }
  return names;
}

/** The note type with the field change applied: fields, templates and the sort field follow. */
export function applyFieldEdits(type: NoteType, edits: readonly FieldEdit[]): NoteType {
  const names = renamedFields(type.fields, edits);
  const templates = type.templates.map(
    (template): CardTemplate => ({ ...template, front: renameInTemplate(template.front, names), back: renameInTemplate(template.back, names) }),
  );
  const sortFrom = type.sortField ?? 0;
  const sortField = Math.max(0, edits.findIndex((edit) => edit.from === sortFrom));
  return { ...type, fields: edits.map((edit) => edit.name.trim()), templates, sortField };
}

/** A note of the type after its fields changed; the caller stores it with its new modification time. */
export function noteAfterFieldEdits(note: Note, edits: readonly FieldEdit[], now: number): Note {
  return { ...note, fields: remapFields(note.fields, edits), modified: now };
}

/** A name not yet taken: `Basic copy`, `Basic copy 2`, … (the word for "copy" comes from the UI language). */
export function unusedName(wanted: string, taken: readonly string[]): string {
  const names = new Set(taken.map((name) => name.trim()));
  if (!names.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!names.has(`${wanted} ${n}`)) return `${wanted} ${n}`;
}

/** A new note type made from another: the same fields, templates and styling, under a new id and name, with no Anki past. */
export function cloneNoteType(source: NoteType, id: string, name: string): NoteType {
  const copy = structuredClone(source);
  delete copy.anki;
  return { ...copy, id, name };
}
