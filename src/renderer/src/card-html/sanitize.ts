import createDOMPurify, { type DOMPurify } from 'dompurify';

/**
 * Card HTML comes from decks written by strangers (shared decks, Anki imports), so it is
 * treated as hostile: only inert formatting survives, and nothing may reach another host.
 */
const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'link', 'base', 'style', 'template', 'track'];
const FORBIDDEN_ATTRIBUTES = ['srcset', 'action', 'formaction', 'xlink:href', 'ping', 'background', 'poster', 'crossorigin'];
const MEDIA_TAGS = new Set(['IMG', 'AUDIO', 'VIDEO', 'SOURCE']);
/** DOMPurify's default list without the chat and phone schemes, plus blob: for media stored in the collection. */
const ALLOWED_URLS = /^(?:(?:https?|mailto|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/**
 * blob:, data:image/audio/video, or a path on this page's own origin (no scheme, no `//host`).
 * URL parsers drop tabs and newlines and read a backslash as `/`, so "/ + backslash + host" and
 * "/ + tab + /host" name another host.
 */
function isLocalMediaUrl(url: string): boolean {
  const value = url.trim().toLowerCase().replace(/[\t\n\r]/g, '');
  if (value.startsWith('blob:')) return true;
  if (/^data:(image|audio|video)\//.test(value)) return true;
  return !/^[a-z][a-z0-9+.-]*:/.test(value) && !/^[/\\]{2}/.test(value) && !value.includes('\\');
}

/** CSS functions that fetch an image or a file by a URL or string inside them. */
const LOADING_FUNCTION = /(?:^|[^a-z0-9-])(?:-webkit-)?(?:image-set|image|cross-fade|element|src|paint)\(/i;

/** Whether CSS text names anything but a data: picture in a url(); an unclosed url( counts as loading. */
function urlLoadsFromOutside(css: string): boolean {
  const lower = css.toLowerCase();
  for (let at = lower.indexOf('url('); at >= 0; at = lower.indexOf('url(', at + 4)) {
    const end = lower.indexOf(')', at);
    if (end < 0) return true;
    const target = lower.slice(at + 4, end).trim().replace(/^['"]/, '');
    if (!target.startsWith('data:image/')) return true;
  }
  return false;
}

/**
 * A style attribute may only load a data: picture bundled with the deck. It is checked as
 * written and as the browser's own CSS parser reads it, which resolves escapes such as
 * `u\72 l(`; any backslash at all is refused, as no card needs one in a style.
 */
function styleLoadsFromOutside(style: string, parsed: CSSStyleDeclaration): boolean {
  if (style.includes('\\') || /@import|expression\s*\(/i.test(style) || LOADING_FUNCTION.test(style) || urlLoadsFromOutside(style)) return true;
  parsed.cssText = style;
  for (let i = 0; i < parsed.length; i++) {
    const value = parsed.getPropertyValue(parsed.item(i));
    if (LOADING_FUNCTION.test(value) || urlLoadsFromOutside(value)) return true;
  }
  return false;
}

let purifier: DOMPurify | null = null;

function cardPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(window);
  // Parsed in a document of its own, which shows nothing and so loads nothing.
  const parsedStyle = document.implementation.createHTMLDocument('').createElement('div').style;
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && MEDIA_TAGS.has(node.nodeName) && !isLocalMediaUrl(data.attrValue)) {
      data.keepAttr = false;
    }
    if (data.attrName === 'style' && styleLoadsFromOutside(data.attrValue, parsedStyle)) data.keepAttr = false;
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    // Links, image-map areas included, open outside the app, never in place of it.
    if ((node.nodeName === 'A' || node.nodeName === 'AREA') && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  // Set once: a config passed to sanitize() is parsed again on every call, i.e. on every card shown.
  instance.setConfig({
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target'],
    ALLOWED_URI_REGEXP: ALLOWED_URLS,
  });
  purifier = instance;
  return instance;
}

/** The only way card HTML reaches the page: pass the result to `{@html}`. */
export function sanitizeCardHtml(html: string): string {
  return cardPurifier().sanitize(html);
}
