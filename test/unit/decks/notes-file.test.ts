import { describe, expect, it } from 'vitest';
import { deckFromNotesFile, deckTitleFromKey } from '../../../src/core/decks';

describe('deckFromNotesFile', () => {
  it('names the top deck after the file', () => {
    expect(deckTitleFromKey('aws-security')).toBe('AWS Security');
    const { data } = deckFromNotesFile('##1.責任共有モデル##\n- クラウドのセキュリティ:AWS\n- クラウド内のセキュリティ:ユーザ', 'notes/aws-iam.md');
    expect(data.decks[0]?.name).toBe('AWS IAM');
  });

  it('an empty or heading-less notes file is an error naming the file', () => {
    expect(() => deckFromNotesFile('', 'decks/notes/empty.md')).toThrow('decks/notes/empty.md: no sections found');
    expect(() => deckFromNotesFile('##1.空##\n##2.これも空##', 'x.md')).toThrow('x.md: no cards could be made');
  });

  it('passes on parser warnings with their lines, and still makes the good rows', () => {
    const text = '##1.分類##\n項番 | 項目 | 脅威 | 対策 |\n---|---|---|---|\nE.5 | アクセス・利用制限 | アカウント乗っ取り | AWS IAM |\nE.6 | データの秘匿 | TLS |';
    const { data, warnings } = deckFromNotesFile(text, 'x.md');
    expect(warnings).toMatchObject([{ line: 5 }]);
    expect(data.notes.some((n) => n.fields[0] === 'E.5 アクセス・利用制限 が対象とする脅威は？')).toBe(true);
  });

  it('warns about a table it does not know and makes no cards from it', () => {
    const text = '##1.表##\n色 | 意味 |\n---|---|\n赤 | 危険 |\n##2.責任共有モデル##\n説明の文です。';
    const { warnings } = deckFromNotesFile(text, 'x.md');
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('not a known kind') }]);
  });

  it('notes text with markup characters shows literally on the card', () => {
    const { data } = deckFromNotesFile('##1.Macie##\n<script>を検出するサービスです。', 'x.md');
    expect(data.notes[0]?.fields[1]).toBe('&lt;script&gt;を検出するサービスです。');
  });
});
