import { wordPieces } from '../../../core/text/word-pieces';

/**
 * Card HTML is shown inside a shadow root of its own rather than in the app's document tree:
 * - the app's styles do not reach into the card and the card's do not reach out;
 * - the card box is a paint container (see CardFace), so nothing in the card, `position: fixed`
 *   included, can be drawn outside it over the app's own buttons;
 * - no style attribute of a deck is parsed by the page: each is applied through the CSSOM, which
 *   the app's Content-Security-Policy (`style-src` without 'unsafe-inline') allows, after the
 *   sanitiser has checked it with the browser's own CSS parser.
 * A sandboxed iframe would isolate as well, but every card would then be a new document (too
 * slow for the answer→next card goal of 16 ms) and could not size itself to its content without
 * running script.
 */

/**
 * Only formatting for the card's own elements; colours come from the app's theme variables, which
 * inherit. Japanese breaks only at the <wbr> put between its words (see breakBetweenWords); a word
 * longer than the line still breaks rather than overflow.
 */
const CARD_CSS = `
:host { display: block; }
.face { word-break: keep-all; overflow-wrap: anywhere; }
hr#answer { border: 0; border-top: 1px solid var(--border); margin: 1.25rem 0; }
img { max-width: 100%; height: auto; }
.cloze { font-weight: 700; color: var(--accent); }
ul, ol { text-align: left; display: inline-block; }
pre { white-space: pre-wrap; text-align: left; }
a { color: var(--accent); }
code { font-family: inherit; white-space: pre-wrap; }
.typeGood { background: color-mix(in srgb, var(--good) 25%, transparent); }
.typeBad { background: color-mix(in srgb, var(--danger) 25%, transparent); text-decoration: line-through; }
.typeMissed { background: color-mix(in srgb, var(--text-muted) 25%, transparent); }
rt { font-size: 0.55em; }
details.hint summary { cursor: pointer; color: var(--accent); }
.too-long { font-size: 0.9rem; color: var(--text-muted); }
`;

let sheet: CSSStyleSheet | null = null;

function cardSheet(): CSSStyleSheet {
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(CARD_CSS);
  return sheet;
}

/**
 * The element inside `host`'s shadow root that a card is shown in, made once. It is an element
 * rather than the root itself so that the card's text can be read (innerText) like any element's.
 */
export function cardFace(host: HTMLElement): HTMLElement {
  const made = host.shadowRoot?.firstElementChild;
  if (made instanceof HTMLElement) return made;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [cardSheet()];
  const face = document.createElement('div');
  face.className = 'face';
  root.append(face);
  return face;
}

/**
 * Puts a <wbr> between the words of each run of Japanese text, found as for deck names by
 * wordPieces, so that a card breaks its lines between words (「脆弱性」, 「データベースといった」)
 * whatever language the app is shown in: Chromium's own phrase breaking works only in text marked
 * as Japanese and still cut 「データベースと／いった」.
 */
function breakBetweenWords(content: DocumentFragment): void {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const pieces = wordPieces(text.data);
    if (pieces.length < 2) continue;
    text.replaceWith(...pieces.flatMap((piece, i) => (i === 0 ? [piece] : [document.createElement('wbr'), piece])));
  }
}

/** Replaces what the card shows with sanitised HTML. */
export function showCardHtml(face: HTMLElement, safeHtml: string): void {
  const template = document.createElement('template');
  template.innerHTML = safeHtml;
  const content = template.content;
  const styled: [HTMLElement, string][] = [];
  for (const element of content.querySelectorAll<HTMLElement>('[style]')) {
    styled.push([element, element.getAttribute('style') ?? '']);
    element.removeAttribute('style');
  }
  breakBetweenWords(content);
  face.replaceChildren(content);
  for (const [element, css] of styled) element.style.cssText = css;
}
