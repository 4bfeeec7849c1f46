import type { MediaFile } from '../../../core/collection/model';

/** Finds a media file stored in the collection by the name a card uses for it. */
export type MediaSource = (name: string) => Promise<MediaFile | undefined>;

const MEDIA_ELEMENTS = 'img[src], audio[src], video[src], source[src]';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Anki writes a sound as `[sound:name]`; a learner expects a player there. */
export function soundTagsToAudio(html: string): string {
  return html.replace(/\[sound:([^\]<>"]+)\]/g, (_, name: string) => `<audio controls src="${encodeURIComponent(name)}"></audio>`);
}

/** The stored file a src names: a bare name (maybe URL-encoded), never a scheme or another host. */
function mediaName(src: string): string | null {
  const value = src.trim();
  if (value === '' || SCHEME.test(value) || value.startsWith('//')) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The media elements of sanitised card HTML that name a stored file, in an inert document. */
function namingElements(safeHtml: string): { doc: Document; named: [Element, string][] } {
  const doc = new DOMParser().parseFromString(safeHtml, 'text/html');
  const named: [Element, string][] = [];
  for (const element of doc.querySelectorAll(MEDIA_ELEMENTS)) {
    const name = mediaName(element.getAttribute('src') ?? '');
    if (name !== null) named.push([element, name]);
  }
  return { doc, named };
}

/**
 * Sanitised HTML is serialised by the browser, so an element can only name a file through a
 * ` src=` attribute. Most cards have none; looking for it saves parsing every card shown twice.
 */
function mayNameMedia(safeHtml: string): boolean {
  return /\ssrc=/i.test(safeHtml);
}

/** Whether sanitised card HTML names any stored media file, so showing it has to wait for a lookup. */
export function namesMedia(safeHtml: string): boolean {
  return mayNameMedia(safeHtml) && namingElements(safeHtml).named.length > 0;
}

/** The card without the files it names, to show while they are looked up instead of asking the server. */
export function withoutMedia(safeHtml: string): string {
  if (!mayNameMedia(safeHtml)) return safeHtml;
  const { doc, named } = namingElements(safeHtml);
  for (const [element] of named) element.removeAttribute('src');
  return doc.body.innerHTML;
}

export interface CardWithMedia {
  html: string;
  /** Frees the blob: URLs once the card is no longer shown. */
  release: () => void;
}

/**
 * Points every media element of sanitised card HTML at a blob: URL of the stored file it names.
 * The HTML is parsed in an inert document, so nothing loads before the names are resolved; an
 * element naming a file the collection does not have loses its src rather than asking the server.
 */
export async function withMedia(safeHtml: string, source: MediaSource): Promise<CardWithMedia> {
  const { doc, named } = namingElements(safeHtml);
  const urls: string[] = [];
  for (const [element, name] of named) {
    const file = await source(name);
    if (!file) {
      element.removeAttribute('src');
      continue;
    }
    const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mime }));
    urls.push(url);
    element.setAttribute('src', url);
  }
  return { html: doc.body.innerHTML, release: () => urls.forEach((url) => URL.revokeObjectURL(url)) };
}
