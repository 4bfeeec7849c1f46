import { clozeAnswers, clozeNumbers, htmlToTextLine as plainText, renderCloze } from '../cards';
import { isFieldEmpty } from '../cards/html';
import type { Note, NoteType } from '../collection/model';
import { NFR_PREFIX, KIND_PREFIX, tagValue } from '../readiness/topics';
import { arrange, OPTION_COUNT, pickDistractors, type Candidate } from './options';
import type { Random } from './random';
import { givesAway, sameTextKey } from './same-text';
import type { Question } from './types';

/** A note (or one cloze deletion of it) to ask about, with the notes its wrong options may come from. */
export interface NoteAsk {
  note: Note;
  /** For a cloze deletion, its number; absent for a two-field note. */
  cloze?: number;
  /** Notes of the same deck and the same kind (note type, `kind::` tag), this one included. */
  group: readonly Note[];
}

/** How many notes of the group are tried for wrong options: enough for four options, bounded on a huge deck. */
const TRIES = 40;

/** The topic a note counts for: its NFR item when tagged with one, else its deck. */
export function noteTopic(note: Note, deckName: string): string {
  for (const tag of note.tags) {
    const item = tagValue(tag, NFR_PREFIX);
    if (item !== null) return item;
  }
  return deckName;
}

function kindOf(note: Note): string {
  for (const tag of note.tags) {
    const kind = tagValue(tag, KIND_PREFIX);
    if (kind !== null) return kind;
  }
  return '';
}

function clozeField(note: Note): string | undefined {
  return note.fields.find((field) => field.includes('{{c'));
}

/**
 * Questions for any deck: a two-field note asks its front and offers its back among other notes'
 * backs; a cloze note asks each deletion as "fill the blank". Notes in `skip` (those the relation
 * tables already ask about) are left out.
 */
export function noteAsks(notes: readonly Note[], noteTypes: readonly NoteType[], skip: ReadonlySet<string>): NoteAsk[] {
  const typeOf = new Map(noteTypes.map((type) => [type.id, type]));
  const groups = new Map<string, Note[]>();
  const asks: { note: Note; cloze?: number; key: string }[] = [];
  for (const note of notes) {
    if (skip.has(note.id)) continue;
    const type = typeOf.get(note.noteTypeId);
    if (!type) continue;
    const key = `${note.deckId}\u0000${note.noteTypeId}\u0000${kindOf(note)}`;
    if (type.kind === 'cloze') {
      const text = clozeField(note);
      if (text === undefined) continue;
      for (const n of clozeNumbers(text)) asks.push({ note, cloze: n, key });
    } else if (type.fields.length === 2 && !isFieldEmpty(note.fields[0] ?? '') && !isFieldEmpty(note.fields[1] ?? '')) {
      asks.push({ note, key });
    } else {
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(note);
    else groups.set(key, [note]);
  }
  return asks.map(({ note, cloze, key }) => ({ note, ...(cloze === undefined ? {} : { cloze }), group: groups.get(key)! }));
}

/** Up to TRIES other notes of the group, in seeded order, without reading the whole group. */
function sampleOthers(ask: NoteAsk, random: Random): Note[] {
  const { group, note } = ask;
  const picked = new Set<number>();
  const others: Note[] = [];
  const tries = Math.min(TRIES, group.length);
  for (let k = 0; k < tries * 2 && others.length < tries; k++) {
    const i = Math.floor(random() * group.length);
    if (picked.has(i)) continue;
    picked.add(i);
    if (group[i] !== note) others.push(group[i]!);
  }
  return others;
}

export function noteQuestion(ask: NoteAsk, topic: string, random: Random): Question | null {
  return ask.cloze === undefined ? twoFieldQuestion(ask, topic, random) : clozeQuestion(ask, ask.cloze, topic, random);
}

function twoFieldQuestion(ask: NoteAsk, topic: string, random: Random): Question | null {
  const { note } = ask;
  const stem = plainText(note.fields[0] ?? '');
  const right = plainText(note.fields[1] ?? '');
  if (stem === '' || right === '' || givesAway(stem, [right])) return null;
  const sameQuestion = sameTextKey(stem);
  // A note asking the same thing holds another right answer, so its answer is never a wrong option.
  const candidates: Candidate[] = sampleOthers(ask, random).flatMap((other) =>
    sameTextKey(plainText(other.fields[0] ?? '')) === sameQuestion ? [] : [{ text: plainText(other.fields[1] ?? ''), distance: 0 }],
  );
  const arranged = arrange([right], pickDistractors(candidates.filter((c) => c.text !== ''), [right], OPTION_COUNT - 1, random), random);
  if (arranged === null) return null;
  return { id: `note:${note.id}`, kind: 'note', subject: stem, category: 'note-answer', ...arranged, multi: false, topic, noteIds: [note.id] };
}

function clozeQuestion(ask: NoteAsk, n: number, topic: string, random: Random): Question | null {
  const { note } = ask;
  const text = clozeField(note) ?? '';
  const right = clozeAnswers(text, n).map(plainText).join(' / ');
  const stem = plainText(renderCloze(text, n, 'front'));
  if (right === '' || givesAway(stem, [right])) return null;
  // The note's other deletions are the most confusable: they answer blanks of the same text.
  const own: Candidate[] = clozeNumbers(text)
    .filter((other) => other !== n)
    .map((other) => ({ text: clozeAnswers(text, other).map(plainText).join(' / '), distance: 0 }));
  const others: Candidate[] = sampleOthers(ask, random).flatMap((other) => {
    const otherText = clozeField(other) ?? '';
    const numbers = clozeNumbers(otherText);
    const pick = numbers[Math.floor(random() * numbers.length)];
    return pick === undefined ? [] : [{ text: clozeAnswers(otherText, pick).map(plainText).join(' / '), distance: 1 }];
  });
  const candidates = [...own, ...others].filter((c) => c.text !== '');
  const arranged = arrange([right], pickDistractors(candidates, [right], OPTION_COUNT - 1, random), random);
  if (arranged === null) return null;
  return {
    id: `cloze:${note.id}:${n}`,
    kind: 'cloze',
    subject: stem,
    category: 'note-answer',
    ...arranged,
    multi: false,
    topic,
    noteIds: [note.id],
    template: n - 1,
  };
}
