import { sniffMediaType, type MediaType } from '../formats/media-type';

/**
 * Limits on a picture or sound pasted or dropped into a field. A whole collection lives in the
 * browser's storage and travels in every backup, so one file may not be the size of a film.
 */
export const MAX_PASTED_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_PASTED_AUDIO_BYTES = 30 * 1024 * 1024;

const EXTENSIONS: Partial<Record<MediaType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'audio/mp4': 'm4a',
};

export type PastedMedia =
  | { ok: true; name: string; type: MediaType; kind: 'image' | 'audio'; html: string }
  | { ok: false; reason: 'type' }
  | { ok: false; reason: 'size'; kind: 'image' | 'audio'; limit: number };

/** WebCrypto's digest, which a 30 MiB sound needs: the plain-TypeScript SHA-1 takes a second over it. */
async function sha1Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * What a pasted file becomes: its type read from its bytes (never from the clipboard's word for
 * it), its name from its content as Anki names pasted files (`paste-<sha1>.png`), so the same
 * picture pasted twice is stored once, and the HTML the field gets: `<img>` for a picture and
 * Anki's `[sound:…]` for a sound. Films and anything else are refused.
 */
export async function pastedMedia(bytes: Uint8Array): Promise<PastedMedia> {
  const type = sniffMediaType(bytes);
  const extension = type && EXTENSIONS[type];
  if (!type || !extension) return { ok: false, reason: 'type' };
  const kind = type.startsWith('image/') ? 'image' : 'audio';
  const limit = kind === 'image' ? MAX_PASTED_IMAGE_BYTES : MAX_PASTED_AUDIO_BYTES;
  if (bytes.length > limit) return { ok: false, reason: 'size', kind, limit };
  const name = `paste-${await sha1Hex(bytes)}.${extension}`;
  return { ok: true, name, type, kind, html: kind === 'image' ? `<img src="${name}">` : `[sound:${name}]` };
}
