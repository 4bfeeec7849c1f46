import type { Note, NoteType } from '../collection/model';
import { dropElements, replaceUpToLast } from './linear-replace';
import { renderCard } from './render';
import { withFewMarks } from '../text/stacked-marks';

/** Shown where a card has a picture, sound or video: the learner sees that something is there, never markup. */
export const MEDIA_MARKERS = { image: '🖼', sound: '🔊', video: '🎞' } as const;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  amp: '&',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Card HTML as one line of plain text, as Anki's browser shows it: styles, scripts and comments
 * dropped, media replaced by a marker, line breaks and blocks become spaces, entities decoded,
 * marks stacked beyond any script's cut (see withFewMarks).
 * Works on unsanitised HTML: the result is text, never put back into a page as HTML.
 */
export function htmlToTextLine(html: string): string {
  // Each pattern is applied only up to its last possible end, so 1 MiB of unclosed `<` or `[sound:` stays linear.
  const steps: [RegExp, string, string][] = [
    [/\[sound:[^\]]*\]/gi, ']', ` ${MEDIA_MARKERS.sound} `],
    [/<img\b[^>]*>/gi, '>', ` ${MEDIA_MARKERS.image} `],
    [/<audio\b[^>]*>/gi, '>', ` ${MEDIA_MARKERS.sound} `],
    [/<video\b[^>]*>/gi, '>', ` ${MEDIA_MARKERS.video} `],
    [/<\/?(?:br|div|p|li|tr|td|th|hr|h[1-6]|ul|ol|table|blockquote)\b[^>]*>/gi, '>', ' '],
    [/<[^>]*>/g, '>', ''],
  ];
  const withoutCode = dropElements(dropElements(replaceUpToLast(html, /<!--[\s\S]*?-->/g, '-->', ''), 'style'), 'script');
  const text = steps.reduce((out, [pattern, terminator, replacement]) => replaceUpToLast(out, pattern, terminator, replacement), withoutCode);
  return withFewMarks(decodeEntities(text)).replace(/\s+/g, ' ').trim();
}

/** Anki's answer column shows only what the back adds after the question, divided at `<hr id=answer>`. */
const ANSWER_DIVIDER = /<hr[^>]*\bid\s*=\s*["']?answer["']?[^>]*>/i;

export type CardSide = 'question' | 'answer';

/**
 * The one "card as plain text": the card rendered from its note and template (a cloze card shows
 * its own deletion as `[...]` or its hint on the question side), then flattened by htmlToTextLine.
 * Browse, Readiness, dialogs and summaries all name a card with this.
 */
export function cardText(noteType: NoteType, note: Note, templateIndex: number, side: CardSide = 'question'): string {
  const rendered = renderCard(noteType, note, templateIndex);
  if (side === 'question') return htmlToTextLine(rendered.front);
  const divider = ANSWER_DIVIDER.exec(rendered.back);
  const answer = divider ? rendered.back.slice(divider.index + divider[0].length) : rendered.back;
  return htmlToTextLine(answer);
}

/**
 * Cuts a long text at a character (not inside a surrogate pair) and marks the cut. A character
 * takes at most two code units, so only the beginning is split into characters: a table cell asks
 * this of 1 MiB fields.
 */
export function shortened(text: string, maxLength: number): string {
  const chars = [...text.slice(0, 2 * maxLength)];
  return chars.length > maxLength || text.length > 2 * maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : text;
}
