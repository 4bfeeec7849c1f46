import { withFewMarks } from '../../../core/text/stacked-marks';
import { soundTagsToAudio } from './media';
import { sanitizeCardHtml } from './sanitize';

/**
 * Most characters of text and most elements a card shows. Beyond them the browser's work grows
 * faster than the card: the sanitiser took 46 s over 100,000 nested elements, and Chromium's
 * layout minutes over 1 MiB of 「漢[」; a flashcard of a page or two needs far less.
 */
export const MAX_SHOWN_CHARS = 10_000;
export const MAX_SHOWN_ELEMENTS = 2_000;

/** Below this length a card cannot hold more than either limit (an element takes at least `<b>`). */
const SURELY_SHORT = 3 * MAX_SHOWN_ELEMENTS;

/**
 * Parsing is itself slow on hostile markup (Chromium took 41 s to parse 100,000 nested elements),
 * so only a beginning of the HTML that holds what the limits can show is parsed at all: some
 * markup per character shown, and two tags per element.
 */
const MAX_PARSED_LENGTH = 10 * MAX_SHOWN_CHARS;
const MAX_PARSED_TAGS = 2 * MAX_SHOWN_ELEMENTS;

/** The beginning of `html` that is parsed: at most MAX_PARSED_LENGTH characters and MAX_PARSED_TAGS tags. */
function parsedBeginning(html: string): string {
  let end = Math.min(html.length, MAX_PARSED_LENGTH);
  let tags = 0;
  for (let at = html.indexOf('<'); at >= 0 && at < end; at = html.indexOf('<', at + 1)) {
    if (++tags > MAX_PARSED_TAGS) end = at;
  }
  return html.slice(0, end);
}

/** Drops everything after `node` (and `node` too, with `including`) in document order. */
function dropAfter(node: Node, including: boolean): void {
  for (let at: Node | null = node; at; at = at.parentNode) {
    while (at.nextSibling) at.nextSibling.remove();
  }
  if (including) node.parentNode?.removeChild(node);
}

/** Keeps the beginning of `content` within both limits; says whether anything was cut. */
function keepBeginning(content: DocumentFragment): boolean {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let elements = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      chars += text.data.length;
      if (chars <= MAX_SHOWN_CHARS) continue;
      text.data = text.data.slice(0, text.data.length - (chars - MAX_SHOWN_CHARS));
      dropAfter(text, false);
      return true;
    }
    if (++elements > MAX_SHOWN_ELEMENTS) {
      dropAfter(node, true);
      return true;
    }
  }
  return false;
}

/**
 * Card HTML as rendered from a note's template, made safe to show: sounds become players, a card
 * beyond the limits keeps its beginning followed by `tooLong`, then everything is sanitised. The
 * cut is made in an inert template, which loads and runs nothing.
 */
export function safeCardHtml(html: string, tooLong = ''): string {
  const withPlayers = soundTagsToAudio(withFewMarks(html));
  if (withPlayers.length <= SURELY_SHORT) return sanitizeCardHtml(withPlayers);
  const parsed = parsedBeginning(withPlayers);
  const template = document.createElement('template');
  template.innerHTML = parsed;
  const cut = keepBeginning(template.content) || parsed.length < withPlayers.length;
  if (cut && tooLong) {
    const notice = document.createElement('p');
    notice.className = 'too-long';
    notice.textContent = tooLong;
    template.content.append(notice);
  }
  return sanitizeCardHtml(template.innerHTML);
}
