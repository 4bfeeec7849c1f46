import type { Note, NoteType } from '../collection/model';
import { clozeAnswerForTyping, clozeNumbers } from './cloze';
import { typeAnswerIn, type TypeAnswerKind } from './type-answer';
import { renderTemplate, clozeFieldsOf } from './template';

export interface RenderedCard {
  /** Unsanitised HTML: the UI sanitises before showing it. */
  front: string;
  back: string;
  /** The type-in box the front asks for (`{{type:Field}}`), with the answer it expects, or null. */
  typeAnswer: { kind: TypeAnswerKind; expected: string } | null;
}

/** Anki's special fields, available when the note type has no field of that name. */
function fieldMap(noteType: NoteType, note: Note, templateName: string): Map<string, string> {
  const fields = new Map<string, string>([
    ['Tags', note.tags.join(' ')],
    ['Type', noteType.name],
    ['Card', templateName],
  ]);
  noteType.fields.forEach((name, i) => fields.set(name, note.fields[i] ?? ''));
  return fields;
}

/** Template indexes that give this note a card: for cloze, one per cloze number (index = number − 1). */
export function cardTemplatesFor(noteType: NoteType, note: Note): number[] {
  if (noteType.kind === 'cloze') {
    const template = noteType.templates[0];
    if (!template) return [];
    const fields = fieldMap(noteType, note, template.name);
    const numbers = new Set<number>();
    for (const name of clozeFieldsOf(template.front)) {
      for (const n of clozeNumbers(fields.get(name) ?? '')) numbers.add(n);
    }
    return [...numbers].sort((a, b) => a - b).map((n) => n - 1);
  }
  const indexes: number[] = [];
  noteType.templates.forEach((template, index) => {
    const fields = fieldMap(noteType, note, template.name);
    if (renderTemplate(template.front, { fields, side: 'front' }).usedNonEmptyField) indexes.push(index);
  });
  return indexes;
}

export function renderCard(noteType: NoteType, note: Note, templateIndex: number): RenderedCard {
  const isCloze = noteType.kind === 'cloze';
  const template = isCloze ? noteType.templates[0] : noteType.templates[templateIndex];
  if (!template) return { front: '', back: '', typeAnswer: null };
  const fields = fieldMap(noteType, note, template.name);
  const clozeNumber = isCloze ? templateIndex + 1 : undefined;
  const front = renderTemplate(template.front, { fields, clozeNumber, side: 'front' }).html;
  const back = renderTemplate(template.back, { fields, clozeNumber, side: 'back', frontSide: front }).html;
  const asked = typeAnswerIn(front);
  const typed = asked && {
    kind: asked.kind,
    expected: asked.kind === 'cloze' ? clozeAnswerForTyping(fields.get(asked.field) ?? '', clozeNumber ?? 1) : (fields.get(asked.field) ?? ''),
  };
  return { front, back, typeAnswer: typed };
}
