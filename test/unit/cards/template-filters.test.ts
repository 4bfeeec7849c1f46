import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE, compareAnswer, renderCard } from '../../../src/core/cards';
import { diffTokens, stripExpected } from '../../../src/core/cards/type-answer';
import type { Note, NoteType } from '../../../src/core/collection/model';

const good = (text: string) => ({ kind: 'typeGood', text });
const bad = (text: string) => ({ kind: 'typeBad', text });
const missing = (text: string) => ({ kind: 'typeMissed', text });
const chars = (text: string) => [...text];

describe("type-in comparison, with Anki's own examples (rslib/src/typeanswer.rs)", () => {
  it('marks good, wrong and missing runs', () => {
    const tokens = diffTokens(chars('y ahora qe vamosa hacer'), chars('¿Y ahora qué vamos a hacer?'));
    expect(tokens.typed).toEqual([bad('y'), good(' ahora q'), bad('e'), good(' vamos'), missing('-'), good('a hacer'), missing('-')]);
    expect(tokens.expected).toEqual([missing('¿Y'), good(' ahora q'), missing('ué'), good(' vamos'), missing(' '), good('a hacer'), missing('?')]);
  });

  it('drops sounds and tags from the expected answer', () => {
    expect(diffTokens(chars('1  2'), chars(stripExpected('[sound:foo.mp3]<b>1</b> &nbsp;2'))).expected).toEqual([good('1  2')]);
    expect(stripExpected('<div>123</div>')).toBe('123');
    expect(compareAnswer('<div>123</div>', '123')).toBe('<code id=typeans><span class=typeGood>123</span></code>');
  });

  it('shows missing characters in the typed line only after good ones, and counts them by character', () => {
    expect(diffTokens(chars('23'), chars('1')).typed).toEqual([bad('23')]);
    expect(diffTokens(chars('1'), chars('12')).typed).toEqual([good('1'), missing('-')]);
    expect(diffTokens(chars('нс'), chars('нос')).typed).toEqual([good('н'), missing('-'), good('с')]);
    expect(diffTokens(chars('스다뜸다'), chars('쓰다듬다')).typed).toEqual([bad('스'), good('다'), bad('뜸'), good('다')]);
  });

  it('shows the answer when nothing was typed, escapes it, and collapses a right answer', () => {
    expect(compareAnswer('<div>123</div>', '')).toBe('<code id=typeans>123</code>');
    expect(compareAnswer('source &lt;dir&gt;/bin/activate', 'source <dir>/bin/activate')).toBe(
      '<code id=typeans><span class=typeGood>source &lt;dir&gt;/bin/activate</span></code>',
    );
    expect(compareAnswer('123', '1123')).toBe(
      '<code id=typeans><span class=typeBad>1</span><span class=typeGood>123</span><br><span id=typearrow>&darr;</span><br><span class=typeGood>123</span></code>',
    );
  });

  it('ignores combining marks with type:nc', () => {
    expect(compareAnswer('שִׁנּוּן', 'שנון', false)).toBe('<code id=typeans><span class=typeGood>שִׁנּוּן</span></code>');
    expect(compareAnswer('חוֹף', 'חופ', false)).toBe(
      '<code id=typeans><span class=typeGood>חו</span><span class=typeBad>פ</span><br><span id=typearrow>&darr;</span><br><span class=typeGood>חוֹ</span><span class=typeMissed>ף</span></code>',
    );
    expect(compareAnswer('ば', 'は', false)).toBe('<code id=typeans><span class=typeGood>ば</span></code>');
  });

  it('compares Japanese typed through an input method character by character', () => {
    expect(compareAnswer('暗号化', '暗号化')).toBe('<code id=typeans><span class=typeGood>暗号化</span></code>');
    expect(compareAnswer('多要素認証', '多様素認証')).toContain('<span class=typeBad>様</span>');
  });
});

const typeIn: NoteType = {
  ...BASIC_NOTE_TYPE,
  id: 'type-in',
  templates: [{ name: 'Card 1', front: '{{Front}}\n{{type:Back}}', back: '{{Front}}<hr id=answer>{{type:Back}}' }],
};
const note = (fields: string[], noteTypeId = typeIn.id): Note => ({ id: 'n', noteTypeId, deckId: 'd', fields, tags: [], modified: 0 });

describe('template filters as Anki renders them', () => {
  it('{{type:Field}} asks for the field on the front and marks where the comparison goes', () => {
    const card = renderCard(typeIn, note(['What protects data at rest?', '暗号化']), 0);
    expect(card.front).toBe('What protects data at rest?\n[[type:Back]]');
    expect(card.back).toBe('What protects data at rest?<hr id=answer>[[type:Back]]');
    expect(card.typeAnswer).toEqual({ kind: 'plain', expected: '暗号化' });
  });

  it('{{type:cloze:Text}} expects the active deletions, once when the same, else joined', () => {
    const cloze: NoteType = { ...CLOZE_NOTE_TYPE, templates: [{ name: 'Cloze', front: '{{cloze:Text}}{{type:cloze:Text}}', back: '{{cloze:Text}}{{type:cloze:Text}}' }] };
    const text = '{{c1::KMS}} encrypts; {{c1::KMS}} rotates; {{c2::IAM}} and {{c2::STS::hint}} grant';
    expect(renderCard(cloze, note([text, ''], cloze.id), 0).typeAnswer).toEqual({ kind: 'cloze', expected: 'KMS' });
    expect(renderCard(cloze, note([text, ''], cloze.id), 1).typeAnswer).toEqual({ kind: 'cloze', expected: 'IAM, STS' });
    expect(renderCard(cloze, note([text, ''], cloze.id), 1).front).toContain('[[type:cloze:Text]]');
  });

  it('renders furigana, kana, kanji, hint, text and tts filters', () => {
    const filters: NoteType = {
      ...BASIC_NOTE_TYPE,
      id: 'filters',
      templates: [{ name: 'Card 1', front: '{{furigana:Front}}|{{kana:Front}}|{{kanji:Front}}|{{hint:Back}}|{{text:Back}}|{{tts ja_JP:Front}}', back: '' }],
    };
    const { front } = renderCard(filters, note(['暗号[あんごう]', '<b>KMS</b>'], filters.id), 0);
    expect(front).toBe(
      '<ruby><rb>暗号</rb><rt>あんごう</rt></ruby>|あんごう|暗号|<details class="hint"><summary>Back</summary><b>KMS</b></details>|KMS|[anki:tts lang=ja_JP]暗号[あんごう][/anki:tts]',
    );
  });
});
