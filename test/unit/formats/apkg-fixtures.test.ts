import { describe, expect, it } from 'vitest';
import { readApkg } from '../../../src/core/formats';
import { fixture } from './helpers/fixtures';

const read = (name: string, withScheduling = true) => readApkg(fixture(`anki/${name}`), name, { withScheduling, now: 1_000_000 });

describe('readApkg on real Anki exports', () => {
  it('reads the stock note types with their fields and templates', async () => {
    const { collection, schema } = await read('diffmodels2-1.apkg');
    expect(schema).toBe('anki2');
    const byName = (name: string) => collection.noteTypes.filter((t) => t.name === name);
    expect(byName('Basic (and reversed card)')[0]).toMatchObject({
      kind: 'standard',
      fields: ['Front', 'Back'],
      templates: [
        { name: 'Card 1', front: '{{Front}}' },
        { name: 'Card 2', front: '{{Back}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
      ],
    });
    expect(byName('Basic (optional reversed card)')[0]!.fields).toEqual(['Front', 'Back', 'Add Reverse']);
    expect(byName('Basic (optional reversed card)')[0]!.templates[1]!.front).toBe('{{#Add Reverse}}{{Back}}{{/Add Reverse}}');
    expect(byName('Cloze')[0]).toMatchObject({ kind: 'cloze', fields: ['Text', 'Extra'], templates: [{ front: '{{cloze:Text}}' }] });
    expect(collection.notes).toEqual([
      expect.objectContaining({ id: 'anki-note-1351338969920', noteTypeId: 'anki-notetype-1351338947208', fields: ['front', 'back'], guid: 'MGCsE3z^Er', modified: 1351339035000 }),
    ]);
    expect(collection.decks).toEqual([{ id: 'anki-deck-1', name: 'Default' }]);
  });

  it('maps each card to its template: the edited Basic with a second template gives two cards', async () => {
    const { collection } = await read('diffmodels2-2.apkg');
    const basic = collection.noteTypes.find((t) => t.id === 'anki-notetype-1351338947208')!;
    expect(basic.templates.map((t) => t.name)).toEqual(['Card 1', 'Card 2']);
    expect(basic.templates[1]!.back).toContain('Edit to customize');
    expect(collection.cards!.map((c) => [c.noteId, c.template, c.state])).toEqual([
      ['anki-note-1351338969920', 0, 0],
      ['anki-note-1351338969920', 1, 0],
    ]);
  });

  it('reads a custom note type, its deck and its media names', async () => {
    const one = (await read('diffmodeltemplates-1.apkg')).collection;
    const two = (await read('diffmodeltemplates-2.apkg')).collection;
    expect(one.noteTypes).toEqual([expect.objectContaining({ name: 'testt', kind: 'standard', fields: ['Front', 'Back'] })]);
    expect(two.noteTypes[0]!.templates[0]!.front).toBe('Changed Front Template\n{{Front}}');
    expect(one.decks).toEqual([{ id: 'anki-deck-1403973896335', name: 'testdeck' }]);
    expect(one.notes[0]).toMatchObject({ deckId: 'anki-deck-1403973896335', fields: ['question?', 'answer!'] });
    expect(one.cards![0]!.deckId).toBe('anki-deck-1403973896335');
    expect(one.media!.map((m) => [m.name, m.data.length])).toEqual([
      ['_ViewSizeAdjustAddon.dat', 387],
      ['_IncrementalReadingExtension.dat', 7009],
    ]);
  });

  it('reads media bytes and guesses their type from the name', async () => {
    const { collection } = await read('media.apkg');
    expect(collection.notes[0]!.fields).toEqual(['[sound:foo.wav]', '']);
    expect(collection.media).toEqual([{ name: 'foo.wav', mime: 'audio/wav', data: expect.any(Uint8Array) }]);
    expect(collection.media![0]!.data.length).toBe(4);
  });

  it('gives the updated note the same id and guid, so re-importing updates it', async () => {
    const before = (await read('update1.apkg')).collection.notes[0]!;
    const after = (await read('update2.apkg')).collection.notes[0]!;
    expect(after.id).toBe(before.id);
    expect(after.guid).toBe(before.guid);
    expect([before.fields, after.fields]).toEqual([
      ['hello', 'world'],
      ['goodbye', 'world'],
    ]);
  });

  it('reads a bare 2012 alpha collection.anki2, whose cloze type predates the type flag', async () => {
    const { collection } = await read('anki2-alpha.anki2');
    const cloze = collection.noteTypes.find((t) => t.name === 'Cloze')!;
    expect(cloze.kind).toBe('cloze');
    expect(cloze.templates).toHaveLength(8);
    expect(collection.notes.map((n) => n.fields)).toEqual([['hello', '']]);
    expect(collection.media).toBeUndefined();
  });

  it('leaves cards and reviews out without scheduling', async () => {
    const { collection } = await read('media.apkg', false);
    expect(collection.cards).toBeUndefined();
    expect(collection.reviews).toBeUndefined();
    expect(collection.notes).toHaveLength(1);
  });
});
