/** Kana and kanji: text a browser may break between any two characters unless told otherwise. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** Particles and inflections (を, と, する, ください) belong with the word before them. */
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
/** ICU's dictionary does not know most loanwords and cuts them anywhere (コン｜プライア｜ン｜ス). */
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
const KATAKANA_END = /[\p{Script=Katakana}ー]$/u;

const words = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * A name cut into the pieces a line may break between, for Japanese text that must never break
 * inside a word (「サービ／ス」) whatever the language of the screen around it. Chromium's
 * `word-break: auto-phrase` keeps phrases whole only in text marked as Japanese, and a phrase
 * longer than the line then breaks at any character; this breaks between words instead, found by
 * ICU's dictionary through Intl.Segmenter (in every browser, Node and Electron). A run of katakana
 * is one word, since ICU cuts unknown loanwords at random; a run of hiragana stays with the word
 * before it; Latin words, spaces and punctuation break as the browser breaks them, so "E.5" stays
 * whole. The pieces, joined, are the name unchanged.
 */
export function wordPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let previous: { segment: string; word: boolean } | null = null;
  for (const { segment, isWordLike } of words.segment(text)) {
    const word = isWordLike === true;
    const breakBefore =
      word &&
      previous?.word === true &&
      (JAPANESE.test(segment) || JAPANESE.test(previous.segment)) &&
      !HIRAGANA_ONLY.test(segment) &&
      !(KATAKANA_ONLY.test(segment) && KATAKANA_END.test(previous.segment));
    if (breakBefore) {
      pieces.push(current);
      current = '';
    }
    current += segment;
    previous = { segment, word };
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
