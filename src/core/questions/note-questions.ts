import { clozeAnswers, clozeNumbers, htmlToTextLine as plainText, renderCloze } from '../cards';
import type { Note, NoteType } from '../collection/model';
import { NFR_PREFIX, KIND_PREFIX } from '../readiness/topics';

import { arrange, OPTION_COUNT, pickDistractors, type Candidate } from './options';
import type { Random } from './random';
import { givesAway, overlaps, sameTextKey } from './same-text';
import type { Question } from './types';

/** The tag families as `tagValue` reads them (prefix in any case), tested without copying the tag. */
const NFR_TAG = new RegExp(`^${NFR_PREFIX}.`, 'i');
const KIND_TAG = new RegExp(`^${KIND_PREFIX}.`, 'i');

/** A note (or one cloze deletion of it) to ask about, with the notes its wrong options may come from. */
export interface NoteAsk {
  note: Note;
  /** For a cloze deletion, its number; absent for a two-field note. */
  cloze?: number;
  /** The NFR item the note is tagged with (`nfr::E.6`), or null. */
  item: string | null;
  /** Notes of the same deck and the same kind (note type, `kind::` tag), this one included. */
  group: readonly Note[];
}

/** How many notes of the group are tried for the three wrong options: a few spare for answers that repeat. */
const TRIES = 12;

function clozeField(note: Note): string | undefined {
  return note.fields.find((field) => field.includes('{{c'));
}

/**
 * Questions for any deck: a two-field note asks its front and offers its back among other notes'
 * backs; a cloze note asks each deletion as "fill the blank". Notes in `skip` (those the relation
 * tables already ask about) are left out. One pass, no text conversion: a collection of tens of
 * thousands of notes is read here every time an exam is drawn.
 */
export function noteAsks(notes: readonly Note[], noteTypes: readonly NoteType[], skip: ReadonlySet<string>): NoteAsk[] {
  const typeOf = new Map(noteTypes.map((type) => [type.id, type]));
  const groups = new Map<string, Note[]>();
  const asks: NoteAsk[] = [];
  for (const note of notes) {
    if (skip.has(note.id)) continue;
    const type = typeOf.get(note.noteTypeId);
    if (!type) continue;
    let item: string | null = null;
    let kind: string | null = null;
    for (const tag of note.tags) {
      if (item === null && NFR_TAG.test(tag)) item = tag.slice(NFR_PREFIX.length);
      else if (kind === null && KIND_TAG.test(tag)) kind = tag.slice(KIND_PREFIX.length);
    }
    const key = `${note.deckId}\u0000${note.noteTypeId}\u0000${kind ?? ''}`;
    let group = groups.get(key);
    if (type.kind === 'cloze') {
      const text = clozeField(note);
      const numbers = text === undefined ? [] : clozeNumbers(text);
      if (numbers.length === 0) continue;
      if (!group) groups.set(key, (group = []));
      for (const cloze of numbers) asks.push({ note, cloze, item, group });
    } else if (type.fields.length === 2) {
      // An empty front or back is found when the question is built, not for every note here.
      if (!group) groups.set(key, (group = []));
      asks.push({ note, item, group });
    } else {
      continue;
    }
    group.push(note);
  }
  return asks;
}

/** Other notes of the group in seeded order, at most `limit`, without reading the whole group. */
function* othersOf(ask: NoteAsk, random: Random, limit = TRIES): Generator<Note> {
  const { group, note } = ask;
  const picked = new Set<number>();
  const tries = Math.min(limit, group.length);
  for (let k = 0; k < tries * 2 && picked.size < tries; k++) {
    const i = Math.floor(random() * group.length);
    if (picked.has(i)) continue;
    picked.add(i);
    if (group[i] !== note) yield group[i]!;
  }
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
  const wrongs: string[] = [];
  for (const other of othersOf(ask, random)) {
    if (wrongs.length === OPTION_COUNT - 1) break;
    const text = plainText(other.fields[1] ?? '');
    if (text === '' || overlaps(text, right) || wrongs.some((wrong) => sameTextKey(wrong) === sameTextKey(text))) continue;
    // A note asking the same thing holds another right answer, so its answer is never a wrong option.
    if (other.fields[0] === note.fields[0] || sameTextKey(plainText(other.fields[0] ?? '')) === sameQuestion) continue;
    wrongs.push(text);
  }
  const arranged = arrange([right], wrongs, random);
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
  const others: Candidate[] = [...othersOf(ask, random)].flatMap((other) => {
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
