import { describe, expect, it } from 'vitest';
import { DeckFormatError, parseDeckFile, serializeDeckFile } from '../../../src/core/deck-format';
import { sampleCollection } from './sample';

/** The sample as plain JSON, changed by `edit`, then loaded; returns the error message. */
function errorAfter(edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(serializeDeckFile(sampleCollection())) as Record<string, any>;
  edit(json);
  try {
    parseDeckFile(JSON.stringify(json, null, 2), 'my-deck.json');
  } catch (error) {
    expect(error).toBeInstanceOf(DeckFormatError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('parseDeckFile refuses bad files, naming the file and where', () => {
  it('bad JSON gives the line and column', () => {
    const text = '{\n  "format": "kioku-deck",\n  "version": 1,\n  "decks": [,]\n}';
    expect(() => parseDeckFile(text, 'broken.json')).toThrow('broken.json: line 4, column 13: not valid JSON: expected a value, found ","');
    expect(() => parseDeckFile('{"a": 1', 'cut.json')).toThrow('cut.json: line 1, column 8: not valid JSON');
  });

  it('a value of the wrong type gives its path', () => {
    expect(errorAfter((j) => (j.notes[1].fields[1] = 7))).toBe('my-deck.json: notes[1].fields[1]: expected string, got 7');
    expect(errorAfter((j) => delete j.notes[0].deckId)).toBe('my-deck.json: notes[0].deckId: missing');
    expect(errorAfter((j) => (j.cards[0].state = 9))).toMatch(/^my-deck\.json: cards\[0\]\.state: expected \(0 \| 1 \| 2 \| 3\), got 9$/);
  });

  it('another JSON file or a newer version is named as such', () => {
    expect(errorAfter((j) => (j.format = 'anki'))).toBe('my-deck.json: format: expected "kioku-deck", got "anki"');
    expect(errorAfter((j) => (j.version = 2))).toContain('my-deck.json: version: unsupported version 2');
    expect(() => parseDeckFile('[]', 'list.json')).toThrow('list.json: top level: expected a JSON object');
  });

  it('references to unknown note types, decks, notes and cards are refused', () => {
    expect(errorAfter((j) => (j.notes[1].noteTypeId = 'nope'))).toBe('my-deck.json: notes[1].noteTypeId: unknown note type "nope"');
    expect(errorAfter((j) => (j.notes[0].deckId = 'd_x'))).toBe('my-deck.json: notes[0].deckId: unknown deck "d_x"');
    expect(errorAfter((j) => (j.cards[0].noteId = 'n_x'))).toBe('my-deck.json: cards[0].noteId: unknown note "n_x"');
    expect(errorAfter((j) => (j.cards[0].template = 3))).toContain('cards[0].template: note type "Basic" has no template 3');
    expect(errorAfter((j) => (j.reviews[0].cardId = 'c_x'))).toBe('my-deck.json: reviews[0].cardId: unknown card "c_x"');
  });

  it('a field count that does not match the note type is refused', () => {
    expect(errorAfter((j) => j.notes[0].fields.push('extra'))).toBe(
      'my-deck.json: notes[0].fields: has 3 fields but note type "Basic" has 2',
    );
  });

  it('duplicate ids are refused, naming both places', () => {
    expect(errorAfter((j) => (j.notes[1].id = j.notes[0].id))).toBe('my-deck.json: notes[1].id: duplicate id "n_a" (also notes[0])');
    expect(errorAfter((j) => j.decks.push({ ...j.decks[0] }))).toContain('decks[2].id: duplicate id');
  });

  it('media must be a plain name with base64 data', () => {
    expect(errorAfter((j) => (j.media[0].name = '../../etc/passwd'))).toContain('media[0].name: a media file name may not contain / or \\');
    expect(errorAfter((j) => (j.media[0].data = '***'))).toBe('my-deck.json: media[0].data: expected base64 text');
  });
});
