import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotes, type Block, type Section } from '../../../src/core/notes';

const realNotes = readFileSync(new URL('../../../decks/notes/aws-security.md', import.meta.url), 'utf8');

function blocksOf(section: Section | undefined, kind: Block['kind']): Block[] {
  return (section?.blocks ?? []).filter((block) => block.kind === kind);
}

describe('parseNotes on the real AWS security notes', () => {
  const parsed = parseNotes(realNotes);

  it('finds all 18 numbered sections with their titles and lines, and no warnings', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.sections.map((s) => s.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(parsed.sections[11]).toMatchObject({ number: 12, title: 'Amazon Inspector', line: 80 });
    expect(parsed.sections[17]).toMatchObject({ title: 'ベストプラクティス', blocks: [] });
  });

  it('reads the NFR table with ー as "none"', () => {
    const [table] = blocksOf(parsed.sections[0], 'table');
    expect(table).toMatchObject({ kind: 'table', line: 3, header: ['項番', '項目', '脅威', '対策'] });
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows).toHaveLength(6);
    expect(table.rows[2]).toMatchObject({ line: 7, cells: ['E.7', '不正追跡・監視', null, expect.stringContaining('CloudTrail')] });
  });

  it('reads bullet lists (- and ・), numbered lists and paragraphs with their lines', () => {
    const [steps] = blocksOf(parsed.sections[4], 'numbered');
    expect(steps).toMatchObject({ line: 35, items: [{ line: 35, text: 'ルートユーザーのアクセスキーは消す' }, {}, {}, {}] });
    const [model] = blocksOf(parsed.sections[2], 'bullets');
    expect(model).toMatchObject({ items: [{ text: 'クラウドのセキュリティ:AWSの責任範囲' }, { text: 'クラウド内のセキュリティ:ユーザの責任範囲' }] });
    const [question] = blocksOf(parsed.sections[13], 'bullets');
    expect(question).toMatchObject({ items: [{ line: 91, text: 'GuardDutyの結果でどこを見たら良いのか?' }] });
    expect(blocksOf(parsed.sections[13], 'paragraph')).toMatchObject([{ line: 92 }]);
  });
});

describe('parseNotes edge cases', () => {
  it('an empty file gives no sections and no warnings', () => {
    expect(parseNotes('')).toEqual({ sections: [], warnings: [] });
  });

  it('a row with a missing cell becomes a paragraph with a warning naming its line; other rows stay', () => {
    const parsed = parseNotes(readFileSync(new URL('../../fixtures/notes/broken-table.md', import.meta.url), 'utf8'));
    expect(parsed.warnings).toEqual([{ line: 5, message: expect.stringContaining('3 cells but the header has 4') }]);
    const blocks = parsed.sections[0]?.blocks ?? [];
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.line)).toEqual([4, 6]);
    expect(blocks).toContainEqual({ kind: 'paragraph', line: 5, text: 'E.6 | データの秘匿 | TLS、VPC |' });
  });

  it('a header whose separator has a different cell count is read as plain text with a warning', () => {
    const parsed = parseNotes('a | b | c |\n---|---|\n1 | 2 | 3 |');
    expect(parsed.warnings).toMatchObject([{ line: 2 }]);
    expect(parsed.sections[0]?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('CRLF line ends give the same result as LF', () => {
    expect(parseNotes(realNotes.replace(/\n/g, '\r\n'))).toEqual(parseNotes(realNotes));
  });

  it('a heading without a number has a null number', () => {
    const parsed = parseNotes('##ベストプラクティス##\n- 最小権限');
    expect(parsed.sections).toMatchObject([{ number: null, title: 'ベストプラクティス', blocks: [{ kind: 'bullets' }] }]);
  });

  it('full-width ＃, digits, pipes and dashes are understood, text keeps its characters', () => {
    const parsed = parseNotes('＃＃１２．Ａｍａｚｏｎ Inspector＃＃\n脅威 ｜ 対策 ｜\n－－－｜－－－｜\nＤＤｏＳ ｜ ー ｜\n１．手順その一');
    const [section] = parsed.sections;
    expect(section).toMatchObject({ number: 12, title: 'Ａｍａｚｏｎ Inspector' });
    expect(section?.blocks).toEqual([
      { kind: 'table', line: 2, header: ['脅威', '対策'], rows: [{ line: 4, cells: ['ＤＤｏＳ', null] }] },
      { kind: 'numbered', line: 5, items: [{ line: 5, text: '手順その一' }] },
    ]);
  });

  it('a #tag or a decimal number at the start of a line is text, not a heading or list item', () => {
    expect(parseNotes('##1.節##\n#タグ付きの文\n1.5倍の速度です。').sections[0]?.blocks).toEqual([
      { kind: 'paragraph', line: 2, text: '#タグ付きの文' },
      { kind: 'paragraph', line: 3, text: '1.5倍の速度です。' },
    ]);
  });

  it('text before the first heading is kept in an untitled section', () => {
    expect(parseNotes('前書き\n##1.本文##').sections).toMatchObject([
      { number: null, title: '', blocks: [{ kind: 'paragraph', line: 1, text: '前書き' }] },
      { number: 1, title: '本文' },
    ]);
  });

  it('never throws on odd input', () => {
    for (const text of ['|', '---|---|', '##', '- ', '1.', '|||\n|||', '\uFEFF##1.x##', '#'.repeat(500)]) {
      expect(() => parseNotes(text)).not.toThrow();
    }
  });
});
