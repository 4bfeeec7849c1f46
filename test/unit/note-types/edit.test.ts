import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, renderCard } from '../../../src/core/cards';
import type { Note, NoteType } from '../../../src/core/collection/model';
import { checkNoteType } from '../../../src/core/note-types/check';
import { applyFieldEdits, cloneNoteType, fieldEditsOf, movesValues, noteAfterFieldEdits, renameInTemplate, unusedName, type FieldEdit } from '../../../src/core/note-types/edit';
import { sortFieldOf } from '../../../src/core/note-types/sort-field';

const vocab: NoteType = {
  id: 't1',
  name: 'Vocab',
  kind: 'standard',
  fields: ['Word', 'Meaning', 'Example'],
  templates: [
    { name: 'Recognise', front: '{{Word}}', back: '{{FrontSide}}<hr id="answer">{{Meaning}}{{#Example}}<p>{{Example}}</p>{{/Example}}' },
    { name: 'Recall', front: '{{Meaning}}', back: '{{FrontSide}}<hr id="answer">{{text:Word}}' },
  ],
  sortField: 1,
};
const note: Note = { id: 'n1', noteTypeId: 't1', deckId: 'd1', fields: ['猫', 'cat', '猫がいる'], tags: [], modified: 1 };

describe('changing the fields of a note type', () => {
  it('renames a field in every template, and the cards show the same text as before', () => {
    const edits: FieldEdit[] = [{ name: 'Word', from: 0 }, { name: 'English', from: 1 }, { name: 'Example', from: 2 }];
    const after = applyFieldEdits(vocab, edits);
    expect(after.fields).toEqual(['Word', 'English', 'Example']);
    expect(after.templates[1]!.front).toBe('{{English}}');
    expect(after.templates[0]!.back).toContain('{{English}}');
    expect(checkNoteType(after)).toEqual([]);
    expect(movesValues(edits, 3)).toBe(false);
    expect(renderCard(after, note, 0).back).toBe(renderCard(vocab, note, 0).back);
    expect(renderCard(after, note, 1).back).toBe(renderCard(vocab, note, 1).back);
  });

  it("reorders fields: every note's values follow their field, and so does the sort field", () => {
    const edits: FieldEdit[] = [{ name: 'Meaning', from: 1 }, { name: 'Word', from: 0 }, { name: 'Example', from: 2 }];
    const after = applyFieldEdits(vocab, edits);
    const moved = noteAfterFieldEdits(note, edits, 5);
    expect(moved.fields).toEqual(['cat', '猫', '猫がいる']);
    expect(moved.modified).toBe(5);
    expect(after.sortField).toBe(0);
    expect(moved.fields[sortFieldOf(after)]).toBe('cat');
    expect(movesValues(edits, 3)).toBe(true);
    expect(renderCard(after, moved, 0)).toEqual(renderCard(vocab, note, 0));
  });

  it('adds an empty field and removes one: its replacements go from the templates, what its section held stays', () => {
    const edits: FieldEdit[] = [{ name: 'Word', from: 0 }, { name: 'Meaning', from: 1 }, { name: 'Reading', from: null }];
    const after = applyFieldEdits(vocab, edits);
    expect(noteAfterFieldEdits(note, edits, 5).fields).toEqual(['猫', 'cat', '']);
    expect(after.templates[0]!.back).toBe('{{FrontSide}}<hr id="answer">{{Meaning}}<p></p>');
    expect(checkNoteType(after)).toEqual([]);
  });

  it('leaves a template that does not parse as it is, for the checker to report', () => {
    expect(renameInTemplate('{{#Word}}{{Word}}', new Map([['Word', 'Term']]))).toBe('{{#Word}}{{Word}}');
    expect(renameInTemplate('{{Word}} {{furigana:Word}}', new Map([['Word', 'Term']]))).toBe('{{Term}} {{furigana:Term}}');
  });

  it('starts the editor from the saved fields', () => {
    expect(fieldEditsOf(vocab)).toEqual([{ name: 'Word', from: 0 }, { name: 'Meaning', from: 1 }, { name: 'Example', from: 2 }]);
  });
});

describe('new note types', () => {
  it('a clone has its own id and name and no Anki past, so an export does not claim to be the original', () => {
    const imported: NoteType = { ...BASIC_NOTE_TYPE, anki: { mod: 1, model: { sortf: 1 } } };
    const copy = cloneNoteType(imported, 'new', 'Basic copy');
    expect(copy).toEqual({ ...BASIC_NOTE_TYPE, id: 'new', name: 'Basic copy' });
    expect(imported.anki).toBeDefined();
  });

  it('gets a name not yet taken', () => {
    expect(unusedName('Basic copy', ['Basic'])).toBe('Basic copy');
    expect(unusedName('Basic copy', ['Basic copy', 'Basic copy 2'])).toBe('Basic copy 3');
  });

  it("sorts by Anki's sortf when Kioku has not chosen one, and never by a field that is not there", () => {
    expect(sortFieldOf({ fields: ['a', 'b'], anki: { mod: 0, model: { sortf: 1 } } })).toBe(1);
    expect(sortFieldOf({ fields: ['a', 'b'], sortField: 0, anki: { mod: 0, model: { sortf: 1 } } })).toBe(0);
    expect(sortFieldOf({ fields: ['a'], sortField: 4 })).toBe(0);
  });
});
