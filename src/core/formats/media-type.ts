/**
 * The type a media file really has, read from its first bytes. A deck's own word for it (the
 * `mime` of a Kioku JSON file, the extension of an Anki file name) is never used to show it:
 * a "picture" declared `text/html`, or an SVG, would otherwise become a page of the app's origin.
 * Only these types are ever shown; everything else stays stored but is not handed to the card.
 */
export type MediaType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'image/bmp'
  | 'image/avif'
  | 'image/svg+xml'
  | 'audio/mpeg'
  | 'audio/aac'
  | 'audio/wav'
  | 'audio/ogg'
  | 'audio/flac'
  | 'audio/mp4'
  | 'video/mp4'
  | 'video/webm';

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

const SVG_HEAD_BYTES = 4096;

/**
 * An SVG is text whose first element is `<svg`, after an optional byte order mark, XML
 * declaration, comments and doctype. Only that head is read, so a huge file costs nothing.
 */
function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SVG_HEAD_BYTES));
  let rest = head.replace(/^\uFEFF/, '');
  for (;;) {
    const trimmed = rest.trimStart();
    const skip = /^(?:<\?[^>]{0,1024}\?>|<!--[\s\S]{0,2048}?-->|<!DOCTYPE[^>[]{0,1024}(?:\[[^\]]{0,2048}\])?\s*>)/i.exec(trimmed);
    if (!skip) return /^<svg[\s>/]/i.test(trimmed);
    rest = trimmed.slice(skip[0].length);
  }
}

/** The ISO base media file (MP4) brand: `M4A ` and `M4B ` hold sound only; AVIF is a picture. */
function isoMediaType(bytes: Uint8Array): MediaType | null {
  if (!startsWith(bytes, 4, 'ftyp')) return null;
  if (startsWith(bytes, 8, 'avif') || startsWith(bytes, 8, 'avis')) return 'image/avif';
  if (startsWith(bytes, 8, 'M4A ') || startsWith(bytes, 8, 'M4B ')) return 'audio/mp4';
  return 'video/mp4';
}

/** The allow-listed type of a media file by its content, or null when it is none of them. */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'image/webp';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WAVE')) return 'audio/wav';
  if (startsWith(bytes, 0, 'BM') && bytes.length >= 26) return 'image/bmp';
  if (startsWith(bytes, 0, 'ID3')) return 'audio/mpeg';
  if (startsWith(bytes, 0, 'OggS')) return 'audio/ogg';
  if (startsWith(bytes, 0, 'fLaC')) return 'audio/flac';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'video/webm';
  const iso = isoMediaType(bytes);
  if (iso) return iso;
  // An MPEG audio frame starts with 11 set bits; layer bits 00 mark AAC in an ADTS stream instead.
  if (bytes.length >= 4 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) {
    return ((bytes[1] ?? 0) & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
  }
  if (isSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** Which elements may show a type: a picture only in `<img>`, a sound or film only in a player. */
export function mediaTypeFits(type: MediaType, element: 'img' | 'audio' | 'video' | 'source'): boolean {
  if (type.startsWith('image/')) return element === 'img';
  return element !== 'img';
}
