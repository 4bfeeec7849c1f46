import { describe, expect, it } from 'vitest';
import { parseDeckFile, serializeDeckFile } from '../../../src/core/deck-format';
import { generate } from './helpers';

const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the generated deck is a valid deck file', () => {
  it('survives serializeDeckFile → parseDeckFile unchanged', () => {
    const data = generate();
    const back = parseDeckFile(serializeDeckFile(data), 'aws-security.json');
    expect(byId(back.notes)).toEqual(byId(data.notes));
    expect(byId(back.decks)).toEqual(byId(data.decks));
    expect(byId(back.noteTypes)).toEqual(byId(data.noteTypes));
  });
});
