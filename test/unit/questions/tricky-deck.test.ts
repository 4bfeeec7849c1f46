import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../src/core/notes';
import { relationAsks, relationQuestion, relationsOf, type Question } from '../../../src/core/questions';
import { seededRandom } from '../../../src/core/questions/random';
import { rightOptions, wrongOptions } from './helpers';

/** A service that counters several threats (AWS WAF), a threat with several services (データ漏洩), an item with none (E.7 「ー」). */
const NOTES = `##1.分類##
項番 | 項目 | 脅威 | 対策 |
---|---|---|---|
E.5 | アクセス・利用制限 | アカウント乗っ取り | AWS IAM、AWS WAF |
E.6 | データの秘匿 | 通信傍受、データ漏洩 | TLS、VPC |
E.7 | 不正追跡・監視 | ー | Amazon CloudWatch、AWS CloudTrail |
E.10 | Web対策 | XSS、インジェクション | AWS WAF |
##2.脅威##
脅威 | 概要 | 対策 | AWSサービスでは |
---|---|---|---|
XSS | スクリプトを閲覧者のブラウザで実行させる攻撃 | 入力の無害化 | AWS WAF |
インジェクション | 悪意のあるコードを埋め込む攻撃 | 入力の検証 | AWS WAF |
データ漏洩 | 保存データを盗む | 暗号化 | AWS KMS、Amazon Macie |
内部犯行 | 組織内部からの漏洩 | 最小権限 | AWS IAM |
アカウント乗っ取り | XSSなどでアカウントを奪う | 多要素認証 | ー |
`;

const table = relationsOf(parseNotes(NOTES), 'tricky');
const seeds = Array.from({ length: 20 }, (_, i) => `seed-${i}`);

function asked(kind: string, subject: string): Question[] {
  const ask = relationAsks(table).find((a) => a.direction.kind === kind && a.subject === subject);
  if (!ask) return [];
  return seeds.flatMap((seed) => relationQuestion(ask, 't', seededRandom(seed)) ?? []);
}

/** Every right answer any seed showed, and every wrong one. */
function seen(kind: string, subject: string): { rights: string[]; wrongs: string[]; multi: boolean[] } {
  const questions = asked(kind, subject);
  expect(questions.length, `${kind} ${subject}`).toBe(seeds.length);
  return {
    rights: [...new Set(questions.flatMap(rightOptions))].sort(),
    wrongs: [...new Set(questions.flatMap(wrongOptions))].sort(),
    multi: [...new Set(questions.map((q) => q.multi))],
  };
}

describe('a deck with tricky relations', () => {
  it('AWS WAF counters XSS and インジェクション: select all, and アカウント乗っ取り (E.5 lists WAF) is never called wrong', () => {
    const waf = seen('threats-of-service', 'AWS WAF');
    expect(waf.rights).toEqual(['XSS', 'インジェクション'].sort());
    expect(waf.multi).toEqual([true]);
    expect(waf.wrongs).not.toContain('アカウント乗っ取り');
    expect(waf.wrongs.every((w) => ['通信傍受', 'データ漏洩', '内部犯行'].includes(w))).toBe(true);
  });

  it('データ漏洩 has two services; the wrong ones are other services, never TLS or VPC', () => {
    const leak = seen('services-for-threat', 'データ漏洩');
    expect(leak.rights).toEqual(['AWS KMS', 'Amazon Macie'].sort());
    expect(leak.multi).toEqual([true]);
    expect(leak.wrongs.every((w) => ['AWS IAM', 'AWS WAF', 'Amazon CloudWatch', 'AWS CloudTrail'].includes(w))).toBe(true);
  });

  it('AWS WAF falls under E.5 and E.10', () => {
    const items = seen('item-of-countermeasure', 'AWS WAF');
    expect(items.rights).toEqual(['E.10 Web対策', 'E.5 アクセス・利用制限'].sort());
    expect(items.wrongs.every((w) => ['E.6 データの秘匿', 'E.7 不正追跡・監視'].includes(w))).toBe(true);
  });

  it('内部犯行 → AWS IAM is a one-answer question whose wrong options include no right one', () => {
    const insider = seen('services-for-threat', '内部犯行');
    expect(insider.rights).toEqual(['AWS IAM']);
    expect(insider.multi).toEqual([false]);
    expect(insider.wrongs).not.toContain('AWS IAM');
  });

  it('E.7 (threat 「ー」) asks for its countermeasures but never for threats; 「ー」 is no threat and no service', () => {
    expect(asked('threats-of-item', 'E.7 不正追跡・監視')).toEqual([]);
    expect(seen('countermeasures-of-item', 'E.7 不正追跡・監視').rights).toEqual(['AWS CloudTrail', 'Amazon CloudWatch'].sort());
    expect(asked('services-for-threat', 'アカウント乗っ取り')).toEqual([]);
    const options = relationAsks(table).flatMap((ask) => relationQuestion(ask, 't', seededRandom('x'))?.options ?? []);
    expect(options).not.toContain('ー');
  });

  it('a description is answered by its threat, with the other threats of the table as wrong options', () => {
    const takeover = seen('threat-described', 'XSSなどでアカウントを奪う');
    expect(takeover.rights).toEqual(['アカウント乗っ取り']);
    expect(takeover.multi).toEqual([false]);
  });

  it('gives the questions the same ids and options for the same seed', () => {
    const first = relationAsks(table).map((ask) => relationQuestion(ask, 't', seededRandom(`s:${ask.subject}`)));
    const again = relationAsks(table).map((ask) => relationQuestion(ask, 't', seededRandom(`s:${ask.subject}`)));
    expect(again).toEqual(first);
  });
});
