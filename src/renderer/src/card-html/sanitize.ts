import createDOMPurify, { type DOMPurify } from 'dompurify';

/**
 * Card HTML comes from decks written by strangers (shared decks, Anki imports), so it is
 * treated as hostile: only inert formatting survives, and nothing may reach another host.
 */
const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'link', 'base', 'style', 'template'];
const FORBIDDEN_ATTRIBUTES = ['srcset', 'action', 'formaction', 'xlink:href', 'ping', 'background', 'poster'];
const MEDIA_TAGS = new Set(['IMG', 'AUDIO', 'VIDEO', 'SOURCE', 'TRACK']);
/** DOMPurify's default list without the chat and phone schemes, plus blob: for media stored in the collection. */
const ALLOWED_URLS = /^(?:(?:https?|mailto|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** blob:, data:image/audio/video, or a path on this page's own origin (no scheme, no `//host`). */
function isLocalMediaUrl(url: string): boolean {
  const value = url.trim().toLowerCase();
  if (value.startsWith('blob:')) return true;
  if (/^data:(image|audio|video)\//.test(value)) return true;
  return !/^[a-z][a-z0-9+.-]*:/.test(value) && !value.startsWith('//') && !value.startsWith('\\');
}

/** A style attribute may only load from data: or blob: (a background image bundled with the deck). */
function styleLoadsFromOutside(style: string): boolean {
  const urls = style.toLowerCase().replace(/\\/g, '').matchAll(/url\s*\(\s*['"]?([^'")]*)/g);
  for (const match of urls) {
    const target = (match[1] ?? '').trim();
    if (!target.startsWith('data:') && !target.startsWith('blob:')) return true;
  }
  return /@import|expression\s*\(/i.test(style);
}

let purifier: DOMPurify | null = null;

function cardPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && MEDIA_TAGS.has(node.nodeName) && !isLocalMediaUrl(data.attrValue)) {
      data.keepAttr = false;
    }
    if (data.attrName === 'style' && styleLoadsFromOutside(data.attrValue)) data.keepAttr = false;
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    // Links open outside the app, never in place of it.
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
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
