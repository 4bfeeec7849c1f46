import type { NoteType } from '../collection/model';

/**
 * Kioku's built-in note types, shaped like Anki's stock ones so Anki notes map onto them.
 * Their ids are fixed: deck files and the database refer to them by id.
 */

const ANSWER_DIVIDER = '<hr id="answer">';

export const BASIC_NOTE_TYPE: NoteType = {
  id: 'kioku-basic',
  name: 'Basic',
  kind: 'standard',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', front: '{{Front}}', back: `{{FrontSide}}${ANSWER_DIVIDER}{{Back}}` },
  ],
};

export const BASIC_REVERSED_NOTE_TYPE: NoteType = {
  id: 'kioku-basic-reversed',
  name: 'Basic (and reversed card)',
  kind: 'standard',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', front: '{{Front}}', back: `{{FrontSide}}${ANSWER_DIVIDER}{{Back}}` },
    { name: 'Card 2', front: '{{Back}}', back: `{{FrontSide}}${ANSWER_DIVIDER}{{Front}}` },
  ],
};

export const CLOZE_NOTE_TYPE: NoteType = {
  id: 'kioku-cloze',
  name: 'Cloze',
  kind: 'cloze',
  fields: ['Text', 'Back Extra'],
  templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>{{Back Extra}}' }],
};

export const BUILT_IN_NOTE_TYPES: readonly NoteType[] = [
  BASIC_NOTE_TYPE,
  BASIC_REVERSED_NOTE_TYPE,
  CLOZE_NOTE_TYPE,
];
