import { MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';
import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE, renderCard } from '../../../src/core/cards';
import type { NoteType } from '../../../src/core/collection/model';
import { pastedMedia } from '../../../src/core/media/pasted-media';
import type { Collection } from '../../../src/renderer/src/storage/collection';

const fresh = collectionsClosedAfterEach();
async function installed(): Promise<Collection> {
  const collection = fresh();
  await collection.installDecks(builtInDecks(2), T0);
  return collection;
}

const vocab: NoteType = {
  id: 'vocab',
  name: 'Vocab',
  kind: 'standard',
  fields: ['Word', 'Meaning', 'Example'],
  templates: [{ name: 'Recognise', front: '{{Word}}', back: '{{FrontSide}}<hr id="answer">{{Meaning}}' }],
};

describe('editing a note type in the collection', () => {
  it("moves every note's values with their fields and keeps what each card shows", async () => {
    const collection = await installed();
    await collection.addNoteType(vocab);
    await collection.addNote({ noteTypeId: 'vocab', deckId: 'deck-jp', fields: ['猫', 'cat', '猫がいる'] }, T0);
    const note = (await collection.db.notes.where('noteTypeId').equals('vocab').first())!;
    const shownBefore = renderCard(vocab, note, 0);

    const renamed: NoteType = { ...vocab, fields: ['Example', 'Word', 'English'], templates: [{ name: 'Recognise', front: '{{Word}}', back: '{{FrontSide}}<hr id="answer">{{English}}' }] };
    await collection.saveNoteType(renamed, [{ name: 'Example', from: 2 }, { name: 'Word', from: 0 }, { name: 'English', from: 1 }], T0 + MINUTE);
    const after = (await collection.db.notes.get(note.id))!;
    expect(after.fields).toEqual(['猫がいる', '猫', 'cat']);
    expect(renderCard(renamed, after, 0)).toEqual(shownBefore);

    await collection.undo();
    expect((await collection.db.notes.get(note.id))!.fields).toEqual(['猫', 'cat', '猫がいる']);
    expect((await collection.db.noteTypes.get('vocab'))!.fields).toEqual(vocab.fields);
  });

  it('a template added gives existing notes their new card; removed from the end, it takes its cards', async () => {
    const collection = await installed();
    const reversed: NoteType = { ...BASIC_NOTE_TYPE, templates: [...BASIC_NOTE_TYPE.templates, BASIC_REVERSED_NOTE_TYPE.templates[1]!] };
    const edits = BASIC_NOTE_TYPE.fields.map((name, from) => ({ name, from }));
    expect(await collection.saveNoteType(reversed, edits, T0)).toEqual({ notesChanged: 0, cardsAdded: 2, cardsRemoved: 0 });
    expect(await collection.db.cards.get('aws-0/1')).toMatchObject({ template: 1, deckId: 'deck-aws' });
    expect((await collection.db.deckTotals.get('deck-aws'))?.cards).toBe(4);
    expect(await collection.saveNoteType(BASIC_NOTE_TYPE, edits, T0)).toEqual({ notesChanged: 0, cardsAdded: 0, cardsRemoved: 2 });
    expect(await collection.db.cards.get('aws-0/1')).toBeUndefined();
    expect((await collection.db.deckTotals.get('deck-aws'))?.cards).toBe(2);
  });

  it('refuses a note type whose templates have an error, and changes nothing', async () => {
    const collection = await installed();
    const broken = { ...BASIC_NOTE_TYPE, templates: [{ name: 'Card 1', front: '{{#Front}}{{Front}}', back: '{{Back}}' }] };
    await expect(collection.saveNoteType(broken, [{ name: 'Front', from: 0 }, { name: 'Back', from: 1 }], T0)).rejects.toThrow('syntax');
    expect(await collection.db.noteTypes.get(BASIC_NOTE_TYPE.id)).toEqual(BASIC_NOTE_TYPE);
    expect(collection.undoState().undo).toBeNull();
  });

  it('deletes a note type only when no note uses it', async () => {
    const collection = await installed();
    await expect(collection.deleteNoteType(BASIC_NOTE_TYPE.id)).rejects.toThrow('2 notes use it');
    await collection.deleteNoteType(CLOZE_NOTE_TYPE.id);
    expect(await collection.db.noteTypes.get(CLOZE_NOTE_TYPE.id)).toBeUndefined();
    // A built-in one is still offered for new notes, and stored again when a note uses it.
    expect((await collection.noteTypes()).map((type) => type.id)).toContain(CLOZE_NOTE_TYPE.id);
    await collection.addNote({ noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'deck-jp', fields: ['{{c1::犬}}', ''] }, T0);
    expect(await collection.db.noteTypes.get(CLOZE_NOTE_TYPE.id)).toEqual(CLOZE_NOTE_TYPE);
  });

  it('counts the notes of each note type', async () => {
    const collection = await installed();
    expect(await collection.noteTypeUse()).toEqual(new Map([[BASIC_NOTE_TYPE.id, 2], [BASIC_REVERSED_NOTE_TYPE.id, 1]]));
  });
});

describe('media pasted into a note', () => {
  it('is stored once however often it is pasted, with the note, and only if the note still shows it', async () => {
    const collection = await installed();
    const bytes = new Uint8Array(64);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pasted = await pastedMedia(bytes);
    if (!pasted.ok) throw new Error('not a picture');
    const file = { name: pasted.name, mime: pasted.type, data: bytes };
    await collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws', fields: [`<b>VPC</b>${pasted.html}`, 'x'] }, T0, [file]);
    await collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws', fields: [`again ${pasted.html}`, 'y'] }, T0, [{ ...file }]);
    expect(await collection.db.media.toArray()).toEqual([file]);
    const other = { name: 'paste-unused.png', mime: 'image/png', data: bytes };
    await collection.addNote({ noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck-aws', fields: ['removed again', 'z'] }, T0, [other]);
    expect(await collection.db.media.count()).toBe(1);
    await collection.undo();
    await collection.undo();
    await collection.undo();
    expect(await collection.db.media.count()).toBe(0);
  });
});
