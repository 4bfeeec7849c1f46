import { describe, expect, it } from 'vitest';
import { CLOZE_NOTE_TYPE, cardTemplatesFor, renderCard } from '../../../src/core/cards';
import { clozeAnswerForTyping, clozeNumbers, clozeOnly, renderCloze } from '../../../src/core/cards/cloze';
import { stripHtml } from '../../../src/core/cards/html';
import { noteOf } from './helpers';

// Expectations taken from the tests in ankitects/anki rslib/src/cloze.rs.
const plain = (text: string, n: number, side: 'front' | 'back') => stripHtml(renderCloze(text, n, side));

describe('cloze deletions as Anki reads them', () => {
  it('finds nested and multi-number deletions, skipping c0 and junk', () => {
    expect(clozeNumbers('test')).toEqual([]);
    expect(clozeNumbers('{{c2::te}}{{c1::s}}t{{')).toEqual([1, 2]);
    expect(clozeNumbers('{{c0::te}}s{{c2::t}}s')).toEqual([2]);
    expect(clozeNumbers('{{c2::te{{c1::s}}}}t{{')).toEqual([1, 2]);
    expect(clozeNumbers('{{c1,2,3::multi}}')).toEqual([1, 2, 3]);
    expect(clozeNumbers('{{c1,1,2::test}}')).toEqual([1, 2]);
    expect(clozeNumbers('{{c0,1,2::test}}')).toEqual([1, 2]);
    expect(clozeNumbers('{{c1,,3::test}}')).toEqual([1, 3]);
    expect(clozeNumbers('öaöaöööaö')).toEqual([]);
  });

  it('gives a nested note a card for every number, inner ones included', () => {
    const note = noteOf(CLOZE_NOTE_TYPE, ['foo {{c1::bar {{c2::baz}}}}', '']);
    expect(cardTemplatesFor(CLOZE_NOTE_TYPE, note)).toEqual([0, 1]);
    expect(stripHtml(renderCard(CLOZE_NOTE_TYPE, note, 1).front)).toBe('foo bar [...]');
  });

  it('renders nested deletions: the outer hides the inner, the inner shows inside the outer', () => {
    expect(plain('foo {{c1::bar {{c2::baz}}}}', 1, 'front')).toBe('foo [...]');
    expect(plain('foo {{c1::bar {{c2::baz}}}}', 1, 'back')).toBe('foo bar baz');
    expect(plain('foo {{c1::bar {{c2::baz}}::qux}}', 2, 'front')).toBe('foo bar [...]');
    expect(plain('foo {{c1::bar {{c2::baz}}::qux}}', 1, 'front')).toBe('foo [qux]');
    expect(plain('foo {{c1::bar {{c2::baz}}::qux}}', 2, 'back')).toBe('foo bar baz');
    expect(renderCloze('foo {{c1::bar {{c2::baz}}}}', 1, 'back')).toBe(
      'foo <span class="cloze" data-ordinal="1">bar <span class="cloze-inactive" data-ordinal="2">baz</span></span>',
    );
    expect(renderCloze('foo {{c1::bar {{c2::baz}}::qux}}', 2, 'front')).toBe(
      'foo <span class="cloze-inactive" data-ordinal="1">bar <span class="cloze" data-cloze="baz" data-ordinal="2">[...]</span></span>',
    );
  });

  it('hides a multi-number deletion on each of its cards, with its hint', () => {
    const text = '{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}';
    expect(plain(text, 1, 'front')).toBe('[...] word and [...] vs second');
    expect(plain(text, 2, 'front')).toBe('[...] word and first vs [...]');
    expect(plain(text, 2, 'back')).toBe('shared word and first vs second');
    expect(renderCloze('{{c1,2,3::multi}}', 3, 'front')).toContain('data-ordinal="1,2,3"');
    expect(plain('{{c1,2::answer::hint}}', 2, 'front')).toBe('[hint]');
    expect(plain('{{c1,2::answer::hint}}', 1, 'back')).toBe('answer');
  });

  it('renders a field without the active deletion as empty, as Anki does', () => {
    expect(renderCloze('{{c2::foo}} bar', 1, 'front')).toBe('');
  });

  it('gives cloze-only text and the answer to type', () => {
    expect(clozeOnly('foo', 1, 'front')).toBe('');
    expect(clozeOnly('foo {{c1::bar}}', 1, 'front')).toBe('...');
    expect(clozeOnly('foo {{c1::bar::baz}}', 1, 'front')).toBe('baz');
    expect(clozeOnly('{{c1::foo}} {{c1::bar}}', 1, 'back')).toBe('foo, bar');
    expect(clozeAnswerForTyping('{{c2::foo}}', 1)).toBe('');
    expect(clozeAnswerForTyping('{{c1::foo}} {{c1::bar}} {{c1::foo}}', 1)).toBe('foo, bar, foo');
    expect(clozeAnswerForTyping('{{c1::foo}} {{c1::foo}} {{c1::foo}}', 1)).toBe('foo');
  });

  it('keeps a stray closer and ignores openers nested more than ten deep', () => {
    expect(plain('a }} b {{c1::x}}', 1, 'back')).toBe('a }} b x');
    const deep = `${'{{c1::'.repeat(12)}x${'}}'.repeat(12)}`;
    expect(clozeNumbers(deep)).toEqual([1]);
  });

  it('parses 1 MiB of adversarial text with every shape of near-cloze', { timeout: 60_000 }, () => {
    // Each of these made the old backtracking pattern rescan the rest of the field from every
    // opener, which never finishes on 1 MiB; the scan now reads each character a bounded number
    // of times. (Its speed is a bench figure, not a timed test.)
    const units = ['{{c1::', '{{c1::a::', '{{c1,', '}}', '{{c1::a::b::', '{{c', '{{c1::{{c2::::'];
    const part = 1024 * 1024 / units.length;
    const text = units.map((unit) => unit.repeat(Math.ceil(part / unit.length)).slice(0, part)).join('');
    expect(clozeNumbers(text)).toContain(1);
    expect(renderCloze(text, 1, 'back')).toContain('}}');
  });
});
