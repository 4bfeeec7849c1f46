import { readFileSync } from 'node:fs';
import { parseNotes } from '../../../src/core/notes';
import { relationsOf, type RelationTable } from '../../../src/core/questions';

export const REAL_NOTES = readFileSync(new URL('../../../decks/notes/aws-security.md', import.meta.url), 'utf8');

export function realRelations(): RelationTable {
  return relationsOf(parseNotes(REAL_NOTES), 'aws-security');
}

export function rightOptions(question: { options: string[]; correct: number[] }): string[] {
  return question.correct.map((i) => question.options[i]!);
}

export function wrongOptions(question: { options: string[]; correct: number[] }): string[] {
  return question.options.filter((_, i) => !question.correct.includes(i));
}
