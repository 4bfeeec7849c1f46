import type { Note, NoteType } from '../collection/model';
import { compareTopicKeys } from '../readiness/topics';
import { noteAsks, noteQuestion } from './note-questions';
import { seededRandom, shuffled } from './random';
import { itemsOfAsk, relationAsks, relationQuestion } from './relation-questions';
import type { RelationTable } from './relations';
import type { Question } from './types';

/** The exam's blueprint: the NFR security items it covers, equally weighted unless the learner says otherwise. */
export const DEFAULT_BLUEPRINT = ['E.5', 'E.6', 'E.7', 'E.8', 'E.9', 'E.10'] as const;

/** Something the exam may ask: its topic, and how to build the question for a seed. */
export interface Ask {
  id: string;
  topic: string;
  build: (seed: string) => Question | null;
}

export interface PoolInput {
  relations: readonly RelationTable[];
  /** The notes in the exam's scope. */
  notes: readonly Note[];
  noteTypes: readonly NoteType[];
  /** Deck id → deck name, for the topic of a question without an NFR item. */
  deckNames: ReadonlyMap<string, string>;
}

/**
 * Everything an exam over these notes can ask. A relation fact is asked only when a note that
 * teaches it is in scope; the notes the relations already cover are not asked a second time as
 * plain notes. Questions are built only when drawn, so a large collection costs one pass.
 */
export function questionPool(input: PoolInput): Ask[] {
  const inScope = new Map(input.notes.map((note) => [note.id, note]));
  const covered = new Set<string>();
  const asks: Ask[] = [];
  for (const table of input.relations) {
    for (const direction of table.directions) for (const ids of direction.notes.values()) for (const id of ids) covered.add(id);
    for (const ask of relationAsks(table)) {
      const notes = (ask.direction.notes.get(ask.subject) ?? []).filter((id) => inScope.has(id));
      const first = inScope.get(notes[0] ?? '');
      if (!first) continue;
      const topic = itemsOfAsk(ask)[0] ?? input.deckNames.get(first.deckId) ?? '';
      const id = `${table.deckKey}:${ask.direction.kind}:${ask.subject}`;
      asks.push({
        id,
        topic,
        build: (seed) => {
          const question = relationQuestion(ask, topic, seededRandom(`${seed}\u0000${id}`));
          return question && { ...question, noteIds: question.noteIds.filter((noteId) => inScope.has(noteId)) };
        },
      });
    }
  }
  for (const ask of noteAsks(input.notes, input.noteTypes, covered)) {
    // A note counts for its NFR item when tagged with one, else for its deck.
    const topic = ask.item ?? input.deckNames.get(ask.note.deckId) ?? '';
    const id = ask.cloze === undefined ? `note:${ask.note.id}` : `cloze:${ask.note.id}:${ask.cloze}`;
    asks.push({ id, topic, build: (seed) => noteQuestion(ask, topic, seededRandom(`${seed}\u0000${id}`)) });
  }
  return asks;
}

const NFR_ITEM = /^[A-Z]\.\d+(?:\.\d+)*$/;

/** The topics of a pool: NFR items first, then decks, each in reading order (`E.5` before `E.10`). */
export function poolTopics(pool: readonly Ask[]): string[] {
  return [...new Set(pool.map((ask) => ask.topic))].sort(
    (a, b) => Number(!NFR_ITEM.test(a)) - Number(!NFR_ITEM.test(b)) || compareTopicKeys(a, b),
  );
}

/** The blueprint's items equally, when the pool has any of them; otherwise every topic equally. */
export function defaultWeights(topics: readonly string[]): Map<string, number> {
  const blueprint = topics.filter((topic) => (DEFAULT_BLUEPRINT as readonly string[]).includes(topic));
  const weighted = blueprint.length > 0 ? blueprint : topics;
  return new Map(topics.map((topic) => [topic, weighted.includes(topic) ? 1 : 0]));
}

export interface ExamRequest {
  count: number;
  /** Topic → weight; a topic without a positive weight is not asked. */
  weights: ReadonlyMap<string, number>;
  seed: string;
}

/**
 * Shares of `count` in proportion to the weights (largest remainder), so six equal topics and ten
 * questions give 2,2,2,2,1,1 rather than rounding to twelve.
 */
export function allocate(count: number, weights: ReadonlyArray<readonly [string, number]>): Map<string, number> {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const shares = weights.map(([topic, w]) => {
    const exact = total > 0 ? (count * w) / total : 0;
    return { topic, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = count - shares.reduce((sum, share) => sum + share.whole, 0);
  for (const share of [...shares].sort((a, b) => b.rest - a.rest || compareTopicKeys(a.topic, b.topic))) {
    if (left <= 0) break;
    if (share.rest > 0) {
      share.whole++;
      left--;
    }
  }
  return new Map(shares.map((share) => [share.topic, share.whole]));
}

/**
 * Draws an exam: each weighted topic gets its share, questions that cannot be asked fairly are
 * passed over, and a topic that runs out leaves its share to the others. The same pool, request
 * and seed always give the same exam.
 */
export function buildExam(pool: readonly Ask[], request: ExamRequest): Question[] {
  const random = seededRandom(request.seed);
  const byTopic = new Map<string, Ask[]>();
  for (const ask of pool) {
    if (!((request.weights.get(ask.topic) ?? 0) > 0)) continue;
    const list = byTopic.get(ask.topic);
    if (list) list.push(ask);
    else byTopic.set(ask.topic, [ask]);
  }
  const topics = [...byTopic.keys()].sort(compareTopicKeys);
  const queues = new Map(topics.map((topic) => [topic, shuffled(byTopic.get(topic)!, random)]));
  const drawn: Question[] = [];
  const draw = (topic: string, wanted: number): number => {
    const queue = queues.get(topic)!;
    let got = 0;
    while (got < wanted && queue.length > 0) {
      const question = queue.pop()!.build(request.seed);
      if (question) {
        drawn.push(question);
        got++;
      }
    }
    return got;
  };

  let active = topics;
  let wanted = request.count;
  while (wanted > 0 && active.length > 0) {
    const shares = allocate(wanted, active.map((topic) => [topic, request.weights.get(topic)!] as const));
    for (const topic of active) wanted -= draw(topic, shares.get(topic) ?? 0);
    // Shares add up to what is wanted, so each round either draws or drops a topic that ran out.
    active = active.filter((topic) => queues.get(topic)!.length > 0);
  }
  return shuffled(drawn, random);
}
