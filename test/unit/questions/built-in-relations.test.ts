import { describe, expect, it } from 'vitest';
import { stripHtml } from '../../../src/core/cards';
import { deckFromNotesFile } from '../../../src/core/decks';
import { maskTerms } from '../../../src/core/decks/mask';
import { isNfrTable, nfrItemsOf } from '../../../src/core/decks/nfr-table';
import { isThreatTable, threatRowsOf } from '../../../src/core/decks/threat-table';
import { parseNotes } from '../../../src/core/notes';
import { relationAsks, relationQuestion, type Question } from '../../../src/core/questions';
import { seededRandom } from '../../../src/core/questions/random';
import { sameTextKey } from '../../../src/core/questions/same-text';
import { REAL_NOTES, realRelations, rightOptions, wrongOptions } from './helpers';

/*
 * The oracle: whether an option is right, read straight off the notes' tables and the generated
 * cards, not from the relation table the generator built.
 */
const parsed = parseNotes(REAL_NOTES);
const tables = parsed.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : [])));
const items = tables.flatMap((t) => (isNfrTable(t) ? nfrItemsOf(t) : []));
const rows = tables.flatMap((t) => (isThreatTable(t) ? threatRowsOf(t) : []));
const deck = deckFromNotesFile(REAL_NOTES, 'decks/notes/aws-security.md').data;
const whichFits = deck.notes.flatMap((note) => {
  const front = stripHtml(note.fields[0] ?? '');
  const match = /^次の説明に当てはまるAWSサービスは？\s*(.+)$/.exec(front);
  return match ? [{ definition: match[1]!.trim(), service: stripHtml(note.fields[1] ?? '') }] : [];
});
const described = (row: (typeof rows)[number]): string => maskTerms(row.summary ?? '', row.threats);

function isRight(kind: Question['kind'], subject: string, option: string): boolean {
  switch (kind) {
    case 'threats-of-item':
      return items.some((item) => item.label === subject && item.threats.includes(option));
    case 'item-of-threat':
      return items.some((item) => item.label === option && item.threats.includes(subject));
    case 'countermeasures-of-item':
      return items.some((item) => item.label === subject && item.countermeasures.includes(option));
    case 'item-of-countermeasure':
      return items.some((item) => item.label === option && item.countermeasures.includes(subject));
    case 'services-for-threat':
      return rows.some((row) => row.threats.includes(subject) && row.services.includes(option));
    case 'threats-of-service':
      return rows.some((row) => row.threats.includes(option) && row.services.includes(subject));
    case 'description-of-threat':
      return rows.some((row) => row.threats.includes(subject) && described(row) === option);
    case 'threat-described':
      return rows.some((row) => row.threats.includes(option) && described(row) === subject);
    case 'definition-of-service':
      return whichFits.some((fit) => fit.service === subject && fit.definition === option);
    case 'service-described':
      return whichFits.some((fit) => fit.service === option && fit.definition === subject);
    default:
      throw new Error(`not a relation question: ${kind}`);
  }
}

/** Every relation question of the built-in notes, under several seeds. */
const table = realRelations();
const questions: Question[] = ['a', 'b', 'c', 'd', 'e'].flatMap((seed) =>
  relationAsks(table).flatMap((ask) => relationQuestion(ask, 'topic', seededRandom(`${seed}:${ask.subject}`)) ?? []),
);

describe('questions from the built-in notes’ relation tables', () => {
  it('asks every relation in both directions', () => {
    const kinds = new Set(questions.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(
      [
        'countermeasures-of-item',
        'definition-of-service',
        'description-of-threat',
        'item-of-countermeasure',
        'item-of-threat',
        'service-described',
        'services-for-threat',
        'threat-described',
        'threats-of-item',
        'threats-of-service',
      ].sort(),
    );
    expect(questions.length).toBeGreaterThan(5 * 80);
  });

  it('marks exactly the options the notes make right, multi-answer included', () => {
    for (const q of questions) {
      const truth = q.options.flatMap((option, i) => (isRight(q.kind, q.subject, option) ? [i] : []));
      expect({ id: q.id, correct: q.correct }).toEqual({ id: q.id, correct: truth });
      expect(q.correct.length).toBeGreaterThan(0);
      expect(q.correct.length).toBeLessThan(q.options.length);
    }
  });

  it('asks select-all-that-apply exactly where the relation has several right answers', () => {
    for (const q of questions) {
      const everyRight = [
        ...new Set([...q.options, ...table.universe.get(q.category)!].filter((option) => isRight(q.kind, q.subject, option))),
      ];
      expect({ id: q.id, multi: q.multi }).toEqual({ id: q.id, multi: everyRight.length > 1 });
    }
    const multi = (kind: string, subject: string): boolean | undefined => questions.find((q) => q.kind === kind && q.subject === subject)?.multi;
    expect(multi('threats-of-item', 'E.6 データの秘匿')).toBe(true);
    expect(multi('threats-of-service', 'AWS WAF')).toBe(true);
    expect(multi('item-of-countermeasure', 'AWS WAF')).toBe(true);
    expect(multi('services-for-threat', '内部犯行')).toBe(false);
  });

  it('never offers a service an NFR item lists for the threat as a wrong service', () => {
    for (const q of questions.filter((q) => q.kind === 'services-for-threat')) {
      const listed = items.filter((item) => item.threats.includes(q.subject)).flatMap((item) => item.countermeasures);
      for (const wrong of wrongOptions(q)) expect(listed).not.toContain(wrong);
    }
    const ddos = questions.filter((q) => q.kind === 'services-for-threat' && q.subject === 'DDoS');
    expect(ddos.flatMap((q) => q.options)).not.toContain('Amazon EC2 Security Groups');
  });

  it('draws wrong options from the answer’s category only', () => {
    const itemLabels = items.map((item) => item.label);
    const threatNames = new Set([...items.flatMap((i) => i.threats), ...rows.flatMap((r) => r.threats)]);
    for (const q of questions) {
      for (const option of q.options) {
        if (q.category === 'nfr-item') expect(itemLabels).toContain(option);
        if (q.category === 'threat') expect(threatNames).toContain(option);
        if (q.category === 'service') expect(option).toMatch(/^(?:AWS|Amazon)\s|^暗号化オプション|^鍵管理/);
        if (q.category === 'service-name') expect(whichFits.map((f) => f.service)).toContain(option);
      }
    }
  });

  it('prefers confusable wrong options: an item next to the right one', () => {
    const itemOf = questions.filter((q) => q.kind === 'item-of-threat' && q.subject === '通信傍受');
    for (const q of itemOf) expect(wrongOptions(q)).toEqual(expect.arrayContaining(['E.5 アクセス・利用制限', 'E.7 不正追跡・監視']));
  });

  it('has no duplicate options, and no wrong option that holds or is held by a right one', () => {
    for (const q of questions) {
      expect(new Set(q.options.map(sameTextKey)).size).toBe(q.options.length);
      for (const wrong of wrongOptions(q)) {
        for (const right of rightOptions(q)) {
          expect(sameTextKey(wrong).includes(sameTextKey(right)) || sameTextKey(right).includes(sameTextKey(wrong))).toBe(false);
        }
      }
    }
    // マルウェア (threat table) and マルウェア感染 (E.9): never one right and the other wrong.
    const malware = questions.filter((q) => q.kind === 'threat-described' && rightOptions(q).includes('マルウェア'));
    expect(malware.length).toBeGreaterThan(0);
    for (const q of malware) expect(q.options).not.toContain('マルウェア感染');
  });

  it('never quotes a right answer in the stem', () => {
    for (const q of questions) {
      for (const right of rightOptions(q)) expect(sameTextKey(q.subject).includes(sameTextKey(right))).toBe(false);
    }
    const portScan = questions.find((q) => q.kind === 'threat-described' && rightOptions(q).includes('ポートスキャン'));
    expect(portScan?.subject.startsWith('〇〇から意図せず')).toBe(true);
  });

  it('is the same for the same seed and shuffles options differently for another', () => {
    const ask = relationAsks(table).find((a) => a.direction.kind === 'services-for-threat' && a.subject === 'DDoS')!;
    const first = relationQuestion(ask, 't', seededRandom('x'));
    expect(relationQuestion(ask, 't', seededRandom('x'))).toEqual(first);
    const orders = new Set(['1', '2', '3', '4', '5', '6'].map((seed) => relationQuestion(ask, 't', seededRandom(seed))!.options.join('|')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('names the generated notes that teach each fact', () => {
    const ids = new Set(deck.notes.map((note) => note.id));
    for (const q of questions) {
      expect(q.noteIds.length).toBeGreaterThan(0);
      for (const id of q.noteIds) expect(ids).toContain(id);
    }
  });
});
