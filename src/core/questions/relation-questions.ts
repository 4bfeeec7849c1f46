import { shuffled, type Random } from './random';
import { arrange, OPTION_COUNT, pickDistractors, shownRightCount, type Candidate } from './options';
import { valueKey, type Direction, type RelationTable } from './relations';
import { givesAway, overlaps } from './same-text';
import type { Question } from './types';

/** One fact to ask about: a subject in one direction of a relation table. */
export interface RelationAsk {
  table: RelationTable;
  direction: Direction;
  subject: string;
}

/** Every subject of every direction that has at least one right answer. */
export function relationAsks(table: RelationTable): RelationAsk[] {
  return table.directions.flatMap((direction) => [...direction.answers.keys()].map((subject) => ({ table, direction, subject })));
}

/**
 * The NFR item numbers a question is about: the subject's own items (XSS → E.10), or, for a
 * subject without any, those of its right answers. A service's other items do not move the topic.
 */
export function itemsOfAsk({ table, direction, subject }: RelationAsk): string[] {
  const own = table.itemsOf.get(valueKey(direction.subjectCategory, subject)) ?? [];
  const indexes = own.length > 0 ? own : (direction.answers.get(subject) ?? []).flatMap((answer) => table.itemsOf.get(valueKey(direction.answerCategory, answer)) ?? []);
  return [...new Set(indexes)].sort((a, b) => a - b).map((i) => table.items[i]!.number);
}

/**
 * The question for one fact, or null when it cannot be asked fairly (too few wrong options, or
 * a stem that gives the answer away). Right answers are every answer the whole table gives for
 * the subject; no option equals, contains or is contained in another right answer.
 */
export function relationQuestion(ask: RelationAsk, topic: string, random: Random): Question | null {
  const { table, direction, subject } = ask;
  const rights = direction.answers.get(subject) ?? [];
  if (rights.length === 0 || givesAway(subject, rights) || rights.some((right) => givesAway(right, [subject]))) return null;
  const unsure = direction.unsure.get(subject) ?? new Set<string>();
  const near = new Set([
    ...(table.itemsOf.get(valueKey(direction.subjectCategory, subject)) ?? []),
    ...rights.flatMap((right) => table.itemsOf.get(valueKey(direction.answerCategory, right)) ?? []),
  ]);
  const distance = (value: string): number => {
    const items = table.itemsOf.get(valueKey(direction.answerCategory, value)) ?? [];
    let best = Infinity;
    for (const i of items) for (const j of near) best = Math.min(best, Math.abs(i - j));
    return best;
  };
  const candidates: Candidate[] = (table.universe.get(direction.answerCategory) ?? [])
    .filter((value) => !rights.includes(value) && !unsure.has(value) && ![...unsure].some((other) => overlaps(other, value)))
    .map((text) => ({ text, distance: distance(text) }));

  const shown = shuffled(rights, random).slice(0, shownRightCount(rights.length, random));
  const wrongs = pickDistractors(candidates, rights, OPTION_COUNT - shown.length, random);
  const arranged = arrange(shown, wrongs, random);
  if (arranged === null) return null;
  return {
    id: `${table.deckKey}:${direction.kind}:${subject}`,
    kind: direction.kind,
    subject,
    category: direction.answerCategory,
    ...arranged,
    multi: rights.length > 1,
    topic,
    noteIds: direction.notes.get(subject) ?? [],
  };
}
