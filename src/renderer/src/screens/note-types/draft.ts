import type { CardTemplate, NoteType } from '../../../../core/collection/model';
import { fieldEditsOf, renameInTemplate, type FieldEdit } from '../../../../core/note-types/edit';
import { sortFieldOf } from '../../../../core/note-types/sort-field';

/**
 * A note type being edited: its fields as the editor's list of edits (each knows the field it
 * was, so notes' values follow on save) and everything else as the learner has typed it.
 * Renaming or removing a field changes the templates at once, as Anki does, so what the
 * learner reads in the template boxes is what will be saved.
 */
export interface NoteTypeDraft {
  name: string;
  edits: FieldEdit[];
  templates: CardTemplate[];
  css: string;
  /** Index into `edits`. */
  sortField: number;
}

export function draftOf(type: NoteType): NoteTypeDraft {
  return { name: type.name, edits: fieldEditsOf(type), templates: structuredClone(type.templates), css: type.css ?? '', sortField: sortFieldOf(type) };
}

/** The note type the draft saves as: the original's id, kind and Anki past, with the draft's content. */
export function typeOf(original: NoteType, draft: NoteTypeDraft): NoteType {
  const type: NoteType = { ...original, name: draft.name.trim(), fields: draft.edits.map((edit) => edit.name.trim()), templates: draft.templates, sortField: draft.sortField };
  if (draft.css.trim() !== '' || original.css !== undefined) type.css = draft.css;
  return type;
}

function everyTemplate(templates: readonly CardTemplate[], names: Map<string, string | null>): CardTemplate[] {
  return templates.map((template) => ({ ...template, front: renameInTemplate(template.front, names), back: renameInTemplate(template.back, names) }));
}

export function setFieldName(draft: NoteTypeDraft, index: number, name: string): NoteTypeDraft {
  return { ...draft, edits: draft.edits.map((edit, i) => (i === index ? { ...edit, name } : edit)) };
}

/** Once a rename is done (the box left), the templates follow it; a half-typed name never reaches them. */
export function followRename(draft: NoteTypeDraft, from: string, to: string): NoteTypeDraft {
  if (from.trim() === to.trim() || from.trim() === '' || to.trim() === '') return draft;
  return { ...draft, templates: everyTemplate(draft.templates, new Map([[from.trim(), to.trim()]])) };
}

export function moveField(draft: NoteTypeDraft, index: number, by: -1 | 1): NoteTypeDraft {
  const to = index + by;
  if (to < 0 || to >= draft.edits.length) return draft;
  const edits = [...draft.edits];
  [edits[index], edits[to]] = [edits[to]!, edits[index]!];
  const sortField = draft.sortField === index ? to : draft.sortField === to ? index : draft.sortField;
  return { ...draft, edits, sortField };
}

export function removeField(draft: NoteTypeDraft, index: number): NoteTypeDraft {
  const gone = draft.edits[index];
  if (!gone || draft.edits.length <= 1) return draft;
  const edits = draft.edits.filter((_, i) => i !== index);
  const sortField = draft.sortField === index ? 0 : draft.sortField > index ? draft.sortField - 1 : draft.sortField;
  return { ...draft, edits, sortField, templates: everyTemplate(draft.templates, new Map([[gone.name.trim(), null]])) };
}

export function addField(draft: NoteTypeDraft, name: string): NoteTypeDraft {
  return { ...draft, edits: [...draft.edits, { name, from: null }] };
}

/** A new card type shows the first field on the front and the second on the back, ready to be changed. */
export function addTemplate(draft: NoteTypeDraft, name: string): NoteTypeDraft {
  const [first = '', second = first] = draft.edits.map((edit) => edit.name.trim());
  return { ...draft, templates: [...draft.templates, { name, front: `{{${second}}}`, back: `{{FrontSide}}<hr id="answer">{{${first}}}` }] };
}

export function removeLastTemplate(draft: NoteTypeDraft): NoteTypeDraft {
  return draft.templates.length <= 1 ? draft : { ...draft, templates: draft.templates.slice(0, -1) };
}
