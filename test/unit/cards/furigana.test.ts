import { describe, expect, it } from 'vitest';
import { furigana, kana, kanji } from '../../../src/core/cards/furigana';

/** Anki's own pattern (rslib/src/template_filters.rs); the scanner must find exactly its matches. */
const ANKI_FURIGANA = / ?([^ >]+?)\[(.+?)\]/g;
function ankiFurigana(text: string): string {
  return text.replaceAll('&nbsp;', ' ').replace(ANKI_FURIGANA, (whole, base: string, reading: string) =>
    reading.startsWith('sound:') ? whole : `<ruby><rb>${base}</rb><rt>${reading}</rt></ruby>`,
  );
}

describe('ruby filters, as Anki renders them', () => {
  it("gives Anki's own examples", () => {
    const text = 'test first[second] third[fourth]';
    expect(kana(text)).toBe('testsecondfourth');
    expect(kanji(text)).toBe('testfirstthird');
    expect(furigana('first[second]')).toBe('<ruby><rb>first</rb><rt>second</rt></ruby>');
  });

  it('puts readings over Japanese text, leaves sound tags and text after tags alone', () => {
    expect(furigana('日本語[にほんご]を 勉強[べんきょう]する')).toBe('<ruby><rb>日本語</rb><rt>にほんご</rt></ruby>を<ruby><rb>勉強</rb><rt>べんきょう</rt></ruby>する');
    expect(furigana('<b>漢字[かんじ]</b>')).toBe('<b><ruby><rb>漢字</rb><rt>かんじ</rt></ruby></b>');
    expect(furigana('犬[sound:inu.mp3]')).toBe('犬[sound:inu.mp3]');
    expect(kana('犬&nbsp;猫[ねこ]')).toBe('犬ねこ');
  });

  it('finds exactly the matches of Anki’s regex on thousands of random texts', () => {
    const pieces = ['a', '漢', ' ', '>', '[', ']', '\n', 'sound:', '&nbsp;', 'か'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(furigana(text), JSON.stringify(text)).toBe(ankiFurigana(text));
    }
  });
});
