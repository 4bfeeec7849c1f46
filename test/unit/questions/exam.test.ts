import { describe, expect, it } from 'vitest';
import { deckFromNotesFile } from '../../../src/core/decks';
import { allocate, buildExam, defaultWeights, poolTopics, questionPool } from '../../../src/core/questions';
import { REAL_NOTES, realRelations } from './helpers';

const deck = deckFromNotesFile(REAL_NOTES, 'decks/notes/aws-security.md').data;
const deckNames = new Map(deck.decks.map((d) => [d.id, d.name]));
const pool = questionPool({ relations: [realRelations()], notes: deck.notes, noteTypes: deck.noteTypes, deckNames });

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('a mock exam from the built-in decks', () => {
  it('has the NFR items E.5–E.10 as topics, weighted equally by default, and the other decks at 0', () => {
    const topics = poolTopics(pool);
    expect(topics.slice(0, 6)).toEqual(['E.5', 'E.6', 'E.7', 'E.8', 'E.9', 'E.10']);
    const weights = defaultWeights(topics);
    expect(topics.filter((t) => weights.get(t) === 1)).toEqual(['E.5', 'E.6', 'E.7', 'E.8', 'E.9', 'E.10']);
    expect(topics.length).toBeGreaterThan(6);
  });

  it('counts a question for its subject’s item: the services for XSS are E.10, though AWS WAF is listed under E.5 too', () => {
    const topicOf = (id: string): string | undefined => pool.find((ask) => ask.id === id)?.topic;
    expect(topicOf('aws-security:services-for-threat:XSS')).toBe('E.10');
    expect(topicOf('aws-security:item-of-countermeasure:AWS WAF')).toBe('E.5');
    expect(topicOf('aws-security:threats-of-service:AWS Shield')).toBe('E.8');
  });

  it('splits 12 questions 2 per item and 10 as 2,2,2,2,1,1', () => {
    const weights = defaultWeights(poolTopics(pool));
    expect(countBy(buildExam(pool, { count: 12, weights, seed: 's' }), (q) => q.topic)).toEqual({ 'E.5': 2, 'E.6': 2, 'E.7': 2, 'E.8': 2, 'E.9': 2, 'E.10': 2 });
    expect(Object.values(countBy(buildExam(pool, { count: 10, weights, seed: 's' }), (q) => q.topic)).sort()).toEqual([1, 1, 2, 2, 2, 2]);
  });

  it('follows the learner’s weights, and hands a topic’s share on when it runs out', () => {
    const weights = new Map([['E.6', 3], ['E.8', 1]]);
    expect(countBy(buildExam(pool, { count: 8, weights, seed: 'w' }), (q) => q.topic)).toEqual({ 'E.6': 6, 'E.8': 2 });
    const e6 = pool.filter((ask) => ask.topic === 'E.6').length;
    const exam = buildExam(pool, { count: 100, weights, seed: 'w' });
    const counts = countBy(exam, (q) => q.topic);
    expect(counts['E.6']).toBeLessThanOrEqual(e6);
    expect(exam.length).toBe(pool.filter((ask) => ask.topic === 'E.6' || ask.topic === 'E.8').length);
  });

  it('never asks one question twice, and is the same exam for the same seed', () => {
    const weights = defaultWeights(poolTopics(pool));
    const exam = buildExam(pool, { count: 30, weights, seed: 'same' });
    expect(new Set(exam.map((q) => q.id)).size).toBe(exam.length);
    expect(buildExam(pool, { count: 30, weights, seed: 'same' })).toEqual(exam);
    expect(buildExam(pool, { count: 30, weights, seed: 'other' }).map((q) => q.id)).not.toEqual(exam.map((q) => q.id));
  });

  it('asks only what the scope’s notes teach', () => {
    const threatsDeck = deck.decks.find((d) => d.name.endsWith('脅威と対策サービス'))!;
    const notes = deck.notes.filter((n) => n.deckId === threatsDeck.id);
    const scoped = questionPool({ relations: [realRelations()], notes, noteTypes: deck.noteTypes, deckNames });
    const ids = new Set(notes.map((n) => n.id));
    const exam = buildExam(scoped, { count: 50, weights: new Map(poolTopics(scoped).map((t) => [t, 1])), seed: 'x' });
    expect(exam.length).toBeGreaterThan(10);
    for (const q of exam) for (const id of q.noteIds) expect(ids).toContain(id);
    expect(exam.some((q) => q.kind === 'threats-of-item')).toBe(false);
  });

  it('asks the compliance lists as fill-the-blank and their two-field notes as plain questions', () => {
    const kinds = new Set(pool.map((ask) => ask.build('k')?.kind));
    expect(kinds).toContain('cloze');
    expect(kinds).toContain('note');
  });
});

describe('allocate', () => {
  it('gives the whole count by largest remainder', () => {
    expect(Object.fromEntries(allocate(10, [['a', 1], ['b', 1], ['c', 1]]))).toEqual({ a: 4, b: 3, c: 3 });
    expect(Object.fromEntries(allocate(5, [['a', 0], ['b', 2]]))).toEqual({ a: 0, b: 5 });
  });
});
