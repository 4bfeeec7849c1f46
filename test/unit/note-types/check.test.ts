import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import type { NoteType } from '../../../src/core/collection/model';
import { checkNoteType } from '../../../src/core/note-types/check';
import { parseTemplateStrictly, templateText } from '../../../src/core/note-types/template-syntax';

const basic = (front: string, back = '{{FrontSide}}<hr id="answer">{{Back}}'): NoteType => ({
  ...BASIC_NOTE_TYPE,
  templates: [{ name: 'Card 1', front, back }],
});

describe('the template parser reads as Anki reads (rslib/src/template.rs)', () => {
  it('refuses what Anki refuses: a mismatched close, a close with nothing open, an unclosed section, a {{ without }}', () => {
    expect(parseTemplateStrictly('{{#mis}}{{/matched}}')).toEqual({ ok: false, problem: { kind: 'closedNotOpen', closed: 'matched', open: 'mis' } });
    expect(parseTemplateStrictly('{{/matched}}')).toEqual({ ok: false, problem: { kind: 'closedNotOpen', closed: 'matched', open: null } });
    expect(parseTemplateStrictly('{{#mis}}')).toEqual({ ok: false, problem: { kind: 'sectionNotClosed', field: 'mis' } });
    expect(parseTemplateStrictly('{{Front}} and {{Back')).toEqual({ ok: false, problem: { kind: 'noClosingBrackets', rest: '{{Back' } });
  });

  it('reads filters, whitespace and nested sections, and writes the template back unchanged', () => {
    const text = 'foo {{bar}} {{#baz}} quux {{/baz}}{{^a}}{{type:cloze:Text}}{{/a}}';
    const parsed = parseTemplateStrictly(text);
    expect(parsed.ok && templateText(parsed.nodes)).toBe(text);
    expect(parseTemplateStrictly('{{ tag }}')).toEqual({ ok: true, nodes: [{ kind: 'replacement', key: 'tag', filters: [] }] });
  });
});

describe('checking a note type before it is saved', () => {
  it('finds nothing wrong with the built-in note types', () => {
    for (const type of [BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE]) expect(checkNoteType(type)).toEqual([]);
  });

  it('names a field the note type does not have, in a replacement and in a section', () => {
    expect(checkNoteType(basic('{{Front}}{{Extra}}'))).toEqual([{ kind: 'unknownField', template: 0, side: 'front', field: 'Extra', tag: '{{Extra}}' }]);
    expect(checkNoteType(basic('{{Front}}', '{{#Hint}}{{Back}}{{/Hint}}'))).toEqual([{ kind: 'unknownField', template: 0, side: 'back', field: 'Hint', tag: '{{#Hint}}' }]);
    expect(checkNoteType(basic('{{Front}}', '{{hint:Hnt}}'))).toEqual([{ kind: 'unknownField', template: 0, side: 'back', field: 'Hnt', tag: '{{hint:Hnt}}' }]);
  });

  it("accepts Anki's special fields and a filter with no field", () => {
    expect(checkNoteType(basic('{{Front}} {{Tags}} {{Deck}} {{Card}} {{tts-voices:}}', '{{FrontSide}}{{Back}}{{#Tags}}x{{/Tags}}'))).toEqual([]);
  });

  it('reports an unbalanced section with the side it is on', () => {
    expect(checkNoteType(basic('{{#Front}}{{Front}}'))).toEqual([{ kind: 'syntax', template: 0, side: 'front', problem: { kind: 'sectionNotClosed', field: 'Front' } }]);
  });

  it('refuses a front that shows no field, which would make every card blank', () => {
    expect(checkNoteType(basic('Question?'))).toContainEqual({ kind: 'noFrontField', template: 0 });
    // Only a type-in box or a negated section is as blank as no field at all.
    expect(checkNoteType(basic('{{type:Back}}'))).toContainEqual({ kind: 'noFrontField', template: 0 });
    expect(checkNoteType(basic('{{^Back}}{{Front}}{{/Back}}'))).toContainEqual({ kind: 'noFrontField', template: 0 });
    expect(checkNoteType(basic('{{#Back}}{{Front}}{{/Back}}'))).toEqual([]);
  });

  it('refuses a cloze note type without the cloze filter, two identical fronts, and bad names', () => {
    expect(checkNoteType({ ...CLOZE_NOTE_TYPE, templates: [{ name: 'Cloze', front: '{{Text}}', back: '{{Text}}' }] })).toEqual([{ kind: 'noClozeFilter', template: 0 }]);
    const twice = { ...BASIC_REVERSED_NOTE_TYPE, templates: [BASIC_NOTE_TYPE.templates[0]!, { ...BASIC_NOTE_TYPE.templates[0]!, name: 'Card 2' }] };
    expect(checkNoteType(twice)).toEqual([{ kind: 'sameFront', template: 1, sameAs: 0 }]);
    const named = { ...BASIC_NOTE_TYPE, name: ' ', fields: ['Front', 'front', 'a:b', '#x', 'Tags'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '' }] };
    expect(checkNoteType(named)).toEqual([
      { kind: 'emptyName' },
      { kind: 'fieldName', field: 1, name: 'front', reason: 'duplicate' },
      { kind: 'fieldName', field: 2, name: 'a:b', reason: 'character' },
      { kind: 'fieldName', field: 3, name: '#x', reason: 'start' },
      { kind: 'fieldName', field: 4, name: 'Tags', reason: 'special' },
    ]);
  });
});
