import type { MediaFile } from '../../../core/collection/model';
import { bytesToBase64 } from '../../../core/deck-format/base64';
import { mediaTypeFits, sniffMediaType } from '../../../core/formats/media-type';

/** Finds a media file stored in the collection by the name a card uses for it. */
export type MediaSource = (name: string) => Promise<MediaFile | undefined>;

const MEDIA_ELEMENTS = 'img[src], audio[src], video[src], source[src]';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Anki writes a sound as `[sound:name]`; a learner expects a player there. A name never holds
 * `[`, so every opener's scan stops at the next opener: linear on 1 MiB of unclosed `[sound:`.
 */
export function soundTagsToAudio(html: string): string {
  return html.replace(/\[sound:([^[\]<>"]+)\]/g, (_, name: string) => `<audio controls src="${encodeURIComponent(name)}"></audio>`);
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

/** Big enough for a diagram on a large screen, small enough that a hostile size costs little. */
const MAX_RASTER_SIDE = 2048;

/**
 * An SVG is shown as a PNG drawn from it. As a picture it runs no script and loads nothing, but
 * as a blob: it could be opened as a page of the app's origin; a PNG never runs anything.
 */
async function rasterise(svg: Uint8Array): Promise<Blob | null> {
  const picture = new Image();
  picture.src = `data:image/svg+xml;base64,${bytesToBase64(svg)}`;
  try {
    await picture.decode();
  } catch {
    return null;
  }
  const scale = Math.min(1, MAX_RASTER_SIDE / Math.max(picture.naturalWidth, picture.naturalHeight, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(picture.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(picture.naturalHeight * scale));
  canvas.getContext('2d')?.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
}

/**
 * The blob: URL a card shows a stored file by, or null when the file may not be shown there. The
 * type comes from the file's bytes, never from the deck, so the URL can only ever open as a
 * picture, a sound or a film, never as a page of the app's origin.
 */
export async function mediaUrl(file: MediaFile, element: Pick<Element, 'localName'>): Promise<string | null> {
  const type = sniffMediaType(file.data);
  const tag = element.localName;
  if (!type || !(tag === 'img' || tag === 'audio' || tag === 'video' || tag === 'source') || !mediaTypeFits(type, tag)) return null;
  const blob = type === 'image/svg+xml' ? await rasterise(file.data) : new Blob([file.data as BlobPart], { type });
  return blob && URL.createObjectURL(blob);
}

/**
 * Points every media element of sanitised card HTML at a URL of the stored file it names.
 * The HTML is parsed in an inert document, so nothing loads before the names are resolved; an
 * element naming a file the collection does not have, or one it may not show, loses its src
 * rather than asking the server.
 */
export async function withMedia(safeHtml: string, source: MediaSource): Promise<CardWithMedia> {
  const { doc, named } = namingElements(safeHtml);
  const urls: string[] = [];
  for (const [element, name] of named) {
    const file = await source(name);
    const url = file ? await mediaUrl(file, element) : null;
    if (!url) {
      element.removeAttribute('src');
      continue;
    }
    urls.push(url);
    element.setAttribute('src', url);
  }
  return { html: doc.body.innerHTML, release: () => urls.forEach((url) => URL.revokeObjectURL(url)) };
}
