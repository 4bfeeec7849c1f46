import { describe, expect, it } from 'vitest';
import { BUILT_IN_NOTE_TYPES, cardTemplatesFor, renderCard } from '../../../src/core/cards';
import { countCards } from '../../../src/core/decks';
import { deckNameOf, generate, noteAsking } from './helpers';

const data = generate();

function cardsOf(front: string): { front: string; back: string }[] {
  const note = noteAsking(data, front);
  const type = BUILT_IN_NOTE_TYPES.find((t) => t.id === note.noteTypeId);
  if (!type) throw new Error('unknown note type');
  return cardTemplatesFor(type, note).map((i) => renderCard(type, note, i));
}

describe('cards from the NFR table (E.5–E.10)', () => {
  it('asks which threats an item covers, in its own sub-deck, tagged by kind, section and item', () => {
    const note = noteAsking(data, 'E.6 データの秘匿 が対象とする脅威は？');
    expect(note.fields[1]).toBe('通信傍受、データ漏洩');
    expect(note.tags).toEqual(['kind::nfr-threat', 'section::1', 'nfr::E.6']);
    expect(deckNameOf(data, note)).toBe('AWS Security::非機能要求グレード');
  });

  it('makes no threat card for E.7, whose threat is ー, but still asks its countermeasures', () => {
    expect(data.notes.some((n) => n.fields[0]?.startsWith('E.7') && n.fields[0].includes('脅威'))).toBe(false);
    expect(noteAsking(data, 'E.7 不正追跡・監視 の対策は？').fields[1]).toContain('AWS CloudTrail');
  });

  it('asks which item a threat falls under, one note per threat of a multi-threat cell', () => {
    expect(noteAsking(data, '脅威「通信傍受」が該当する非機能要求グレードの項目は？').fields[1]).toBe('E.6 データの秘匿');
    expect(noteAsking(data, '脅威「DDoS」が該当する非機能要求グレードの項目は？').fields[1]).toBe('E.8 ネットワーク対策');
  });

  it('lists an item’s countermeasures split from the cell', () => {
    expect(noteAsking(data, 'E.5 アクセス・利用制限 の対策は？').fields[1]).toBe('AWS IAM、AWS WAF');
  });
});

describe('cards from the threat / AWS service table', () => {
  it('asks which service counters a threat, tagged with the NFR item of that threat', () => {
    const note = noteAsking(data, '脅威「DDoS」に対抗するAWSサービスは？');
    expect(note.fields[1]).toBe('AWS Shield');
    expect(note.tags).toEqual(['kind::threat-service', 'section::2', 'nfr::E.8']);
    expect(deckNameOf(data, note)).toBe('AWS Security::脅威と対策サービス');
  });

  it('makes no service card where the cell is ー', () => {
    expect(() => noteAsking(data, '脅威「通信傍受」に対抗するAWSサービスは？')).toThrow();
    expect(() => noteAsking(data, '脅威「マルウェア」に対抗するAWSサービスは？')).toThrow();
  });

  it('groups the threats a service counters', () => {
    expect(noteAsking(data, 'AWS WAF が対抗する脅威は？').fields[1]).toBe('ゼロデイ、インジェクション、XSS');
  });

  it('splits ポートスキャン、サービス悪用 into one service card each', () => {
    expect(noteAsking(data, '脅威「ポートスキャン」に対抗するAWSサービスは？').fields[1]).toBe('Amazon EC2 Security Groups');
    expect(noteAsking(data, '脅威「サービス悪用」に対抗するAWSサービスは？').fields[1]).toBe('Amazon EC2 Security Groups');
  });

  it('recalls a threat from its description, hiding the threat’s name in the question', () => {
    expect(noteAsking(data, '「組織内部からの漏洩」という脅威は？').fields[1]).toBe('内部犯行');
    const portScan = data.notes.find((n) => n.fields[1] === 'ポートスキャン、サービス悪用' && n.tags.includes('kind::threat-description'));
    expect(portScan?.fields[0]).toMatch(/^「〇〇から意図せず開放されている/);
  });

  it('asks a threat’s countermeasure', () => {
    expect(noteAsking(data, '脅威「内部犯行」の対策は？').fields[1]).toBe('厳密な管理、権限付与を最小限にする');
  });
});

describe('cards about services and concepts', () => {
  it('asks what a service does and which service a description fits, without naming it', () => {
    expect(noteAsking(data, 'Macie とは？').fields[1]).toBe('S3に保存されているデータから機微情報が含まれたファイルを検出するサービスです。');
    const reverse = data.notes.find((n) => n.fields[1] === 'AWS Artifact' && n.tags.includes('kind::service-description'));
    expect(reverse?.fields[0]).toContain('〇〇は、無料でセルフサービス型の');
    expect(reverse?.fields[0]).not.toContain('Artifact');
    expect(deckNameOf(data, noteAsking(data, 'Amazon Inspector とは？'))).toBe('AWS Security::サービス');
  });

  it('skips pointers to other pages when choosing the description', () => {
    expect(noteAsking(data, 'AWS Trusted Advisor とは？').fields[1]).toMatch(/アドバイスをしてくれるサービスです。$/);
    expect(noteAsking(data, 'AWS Security Hub とは？').fields[1]).toBe(
      'Security HubはAWSのセキュリティとコンプライアンスのステータスを一括で表示できるサービスです。',
    );
  });

  it('turns the GuardDuty question and its → answer into one card', () => {
    expect(noteAsking(data, 'GuardDutyの結果でどこを見たら良いのか?').fields[1]).toBe('「重要度」 と 「結果」 をまずは見るのが良い。');
  });

  it('asks the compliance approach one step per cloze card, hiding the label', () => {
    const note = data.notes.find((n) => n.fields[0]?.includes('基本的なアプローチ'));
    const type = BUILT_IN_NOTE_TYPES.find((t) => t.id === note?.noteTypeId);
    if (!note || !type) throw new Error('no approach note');
    expect(note.tags).toEqual(['kind::concept', 'section::11']);
    expect(deckNameOf(data, note)).toBe('AWS Security::コンプライアンス');
    expect(cardTemplatesFor(type, note)).toEqual([0, 1, 2, 3]);
    expect(renderCard(type, note, 0).back).toContain('<span class="cloze" data-ordinal="1">確認</span>');
    expect(renderCard(type, note, 3).front).toMatch(/<span class="cloze" data-cloze="[^"]*" data-ordinal="4">\[...\]<\/span>:統制目標がすべて達成され/);
  });

  it('asks the root-user steps in order, one card per step', () => {
    const note = data.notes.find((n) => n.fields[0]?.includes('ルートユーザーのアクセスキーは消す'));
    const type = BUILT_IN_NOTE_TYPES.find((t) => t.id === note?.noteTypeId);
    if (!note || !type) throw new Error('no root-user note');
    const backs = cardTemplatesFor(type, note).map((i) => renderCard(type, note, i).back);
    expect(backs).toHaveLength(4);
    expect(backs[1]).toContain('2. <span class="cloze" data-ordinal="2">IAMユーザを作成する</span>');
  });

  it('hides the responsibility in the shared responsibility model', () => {
    const note = data.notes.find((n) => n.fields[0]?.startsWith('<b>責任共有モデル</b>'));
    expect(note?.fields[0]).toContain('クラウドのセキュリティ:{{c1::AWSの責任範囲}}');
    expect(note?.fields[0]).toContain('クラウド内のセキュリティ:{{c2::ユーザの責任範囲}}');
  });

  it('makes nothing for the empty ベストプラクティス section', () => {
    expect(data.notes.some((n) => n.tags.includes('section::18'))).toBe(false);
  });
});

describe('the generated deck as a whole', () => {
  it('every note has a kind and section tag, a known deck and at least one card', () => {
    const deckIds = new Set(data.decks.map((d) => d.id));
    for (const note of data.notes) {
      expect(note.tags.some((t) => t.startsWith('kind::'))).toBe(true);
      expect(note.tags.some((t) => t.startsWith('section::'))).toBe(true);
      expect(deckIds.has(note.deckId)).toBe(true);
      expect(cardsOf(note.fields[0] ?? '').length).toBeGreaterThan(0);
    }
    expect(countCards(data)).toBeGreaterThan(data.notes.length);
  });

  it('has the deck hierarchy under AWS Security', () => {
    expect(data.decks.map((d) => d.name)).toEqual([
      'AWS Security',
      'AWS Security::非機能要求グレード',
      'AWS Security::脅威と対策サービス',
      'AWS Security::サービス',
      'AWS Security::コンプライアンス',
    ]);
  });
});
