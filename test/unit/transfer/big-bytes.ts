import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import type { Note } from '../../../src/core/collection/model';
import { NOW, bytesOf } from './helpers';

export function bigCsv(rows: number): Uint8Array {
  const lines = Array.from({ length: rows }, (_, i) => `Question ${i},Answer ${i},tag${i % 7},Big deck::Part ${i % 5}`);
  return bytesOf(`front,back,tags,deck\n${lines.join('\n')}\n`);
}

export function bigNotes(count: number): Note[] {
  return Array.from({ length: count }, (_, i) => ({ id: `n${i}`, noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'big', fields: [`q${i}`, `a${i}`], tags: [], modified: NOW }));
}
