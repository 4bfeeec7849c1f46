import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import type { Note } from '../../../src/core/collection/model';
import { noteAsks, noteQuestion } from '../../../src/core/questions';
import { seededRandom } from '../../../src/core/questions/random';
import { rightOptions, wrongOptions } from './helpers';

let next = 0;
function note(fields: string[], tags: string[] = [], deckId = 'd1', noteTypeId = BASIC_NOTE_TYPE.id): Note {
  return { id: `n${++next}`, noteTypeId, deckId, fields, tags, modified: 0 };
}

const capitals = [
  note(['Capital of <b>France</b>?', 'Paris'], ['kind::capital']),
  note(['Capital of Japan?', 'Tokyo'], ['kind::capital']),
  note(['Capital of Italy?', 'Rome'], ['kind::capital']),
  note(['Capital of Spain?', 'Madrid'], ['kind::capital']),
  note(['Capital of Peru?', 'Lima'], ['kind::capital']),
];
const rivers = [note(['Longest river?', 'Nile'], ['kind::river']), note(['River through Paris?', 'Seine'], ['kind::river'])];
const otherDeck = [note(['Capital of Chile?', 'Santiago'], ['kind::capital'], 'd2')];
const types = [BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE];

function questionsFor(notes: Note[], seeds = 10) {
  const asks = noteAsks(notes, types, new Set());
  return Array.from({ length: seeds }, (_, s) => asks.flatMap((ask) => noteQuestion(ask, 'topic', seededRandom(`${s}:${ask.note.id}`)) ?? [])).flat();
}

describe('questions from any deck’s notes', () => {
  it('asks a two-field note’s front with its back among other answers of the same deck and kind', () => {
    const questions = questionsFor([...capitals, ...rivers, ...otherDeck]).filter((q) => q.subject === 'Capital of France?');
    expect(questions.length).toBe(10);
    for (const q of questions) {
      expect(rightOptions(q)).toEqual(['Paris']);
      expect(q.options).toHaveLength(4);
      for (const wrong of wrongOptions(q)) expect(['Tokyo', 'Rome', 'Madrid', 'Lima']).toContain(wrong);
      expect(q.noteIds).toEqual([capitals[0]!.id]);
    }
  });

  it('never offers the answer of a note asking the same question as a wrong one', () => {
    const twin = note(['Capital of france?', 'Lutetia'], ['kind::capital']);
    const questions = questionsFor([...capitals, twin], 20).filter((q) => q.subject.toLowerCase() === 'capital of france?');
    expect(questions.length).toBe(40);
    for (const q of questions) expect(q.options.filter((o) => o === 'Paris' || o === 'Lutetia')).toHaveLength(1);
  });

  it('drops a question whose front holds its answer, and one with too few other answers', () => {
    const giveaway = note(['Paris is the capital of which country? (France)', 'France'], ['kind::capital']);
    const questions = questionsFor([...capitals, giveaway]);
    expect(questions.some((q) => q.noteIds.includes(giveaway.id))).toBe(false);
    expect(questionsFor(rivers)).toEqual([]);
  });

  it('has no duplicate options when two notes share an answer', () => {
    const same = [...capitals, note(['Seat of the French government?', 'Paris'], ['kind::capital'])];
    for (const q of questionsFor(same, 20)) expect(new Set(q.options).size).toBe(q.options.length);
  });

  it('asks each cloze deletion as fill-the-blank, the note’s other deletions first among wrong options', () => {
    const cloze = note(['{{c1::確認}}:情報を把握する<br>{{c2::設計}}:統制目標を作る<br>{{c3::特定}}:統制を特定する<br>{{c4::検証}}:達成を確認する', ''], [], 'd1', CLOZE_NOTE_TYPE.id);
    const questions = questionsFor([cloze]);
    const second = questions.filter((q) => q.id.endsWith(':2'));
    expect(second).toHaveLength(10);
    for (const q of second) {
      expect(q.kind).toBe('cloze');
      expect(q.subject).toContain('[...]:統制目標を作る');
      expect(q.subject).not.toContain('設計:');
      expect(rightOptions(q)).toEqual(['設計']);
      expect(wrongOptions(q).sort()).toEqual(['確認', '特定', '検証'].sort());
      expect(q.template).toBe(1);
    }
  });

  it('drops a cloze whose answer shows elsewhere in the text', () => {
    const cloze = note(['{{c1::AWS}} runs AWS data centres; {{c2::customers}} run their data; {{c3::both}} share; {{c4::auditors}} check', ''], [], 'd1', CLOZE_NOTE_TYPE.id);
    const questions = questionsFor([cloze], 1);
    expect(questions.map((q) => q.id).sort()).toEqual([`cloze:${cloze.id}:2`, `cloze:${cloze.id}:3`, `cloze:${cloze.id}:4`]);
  });
});
