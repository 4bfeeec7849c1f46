import { describe, expect, it } from 'vitest';
import { parseDeckFile, serializeDeckFile } from '../../../src/core/deck-format';
import { sampleCollection } from './sample';

describe('serializeDeckFile / parseDeckFile', () => {
  it('a collection with scheduling, reviews and media survives a round trip', () => {
    const data = sampleCollection();
    const back = parseDeckFile(serializeDeckFile(data), 'export.json');
    expect(back).toEqual(data);
    expect(back.media?.[0]?.data).toEqual(new Uint8Array([137, 80, 78, 71, 0, 255]));
  });

  it('a deck without scheduling has no cards or reviews keys', () => {
    const { decks, noteTypes, notes } = sampleCollection();
    const text = serializeDeckFile({ decks, noteTypes, notes });
    expect(text).not.toContain('"cards"');
    expect(parseDeckFile(text, 'deck.json').cards).toBeUndefined();
  });

  it('output does not depend on input order, uses 2-space indent and ends with a newline', () => {
    const data = sampleCollection();
    const shuffled = { ...data, decks: [...data.decks].reverse(), notes: [...data.notes].reverse(), noteTypes: [...data.noteTypes].reverse() };
    const text = serializeDeckFile(data);
    expect(serializeDeckFile(shuffled)).toBe(text);
    expect(text.startsWith('{\n  "format": "kioku-deck",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
