import { stripHtml } from './html';

/** Text `{{tts lang:Field}}` asks to be read aloud, in a BCP 47 language (`ja_JP` → `ja-JP`). */
export interface SpokenText {
  lang: string;
  text: string;
}

const TTS_TAG = /\[anki:tts([^\]]*)\]([\s\S]*?)\[\/anki:tts\]/g;

/**
 * The texts a rendered side reads aloud, and the side without them: Anki shows a play button
 * instead of the text, and the study screen has one replay key for the whole card.
 */
export function takeSpokenText(html: string): { html: string; spoken: SpokenText[] } {
  const spoken: SpokenText[] = [];
  const rest = html.replace(TTS_TAG, (_whole, options: string, text: string) => {
    const lang = /\blang=(\S+)/.exec(options)?.[1] ?? '';
    spoken.push({ lang: lang.replace('_', '-'), text: stripHtml(text).trim() });
    return '';
  });
  return { html: rest, spoken };
}
