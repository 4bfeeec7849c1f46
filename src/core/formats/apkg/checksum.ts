import { sha1Hex } from '../sha1';

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•', times: '×', divide: '÷', deg: '°',
  plusmn: '±', yen: '¥', euro: '€', pound: '£', cent: '¢', sect: '§', para: '¶', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
};

/** rslib/src/text.rs HTML_MEDIA_TAGS: the file name of an img/audio/video/object/source tag's src or data attribute. */
const MEDIA_TAG = /<\b(?:img|audio|video|object|source)\b(?:[^>]|"[^"]+?"|'[^']+?')+?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|\/>|>))/gis;

/**
 * Anki's `strip_html_preserving_media_filenames` (rslib/src/text.rs): media tags become their
 * file names, comments, style and script blocks and every other tag go, and entities are decoded
 * (a non-breaking space becoming a plain one), so sort field and checksum match what Anki computes.
 */
export function stripHtmlKeepingMedia(html: string): string {
  return html
    .replace(MEDIA_TAG, (_tag, a: string | undefined, b: string | undefined, c: string | undefined) => ` ${a ?? ''}${b ?? ''}${c ?? ''} `)
    .replace(/<!--[\s\S]*?-->|<style[\s\S]*?>[\s\S]*?<\/style>|<script[\s\S]*?>[\s\S]*?<\/script>|<[\s\S]*?>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (entity, code: string) => {
      if (code[0] === '#') {
        const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point).replace('\u00a0', ' ') : entity;
      }
      return ENTITIES[code] ?? ENTITIES[code.toLowerCase()] ?? entity;
    });
}

/** Anki's duplicate-check checksum: the first 8 hex digits of SHA-1 of the stripped first field. */
export function fieldChecksum(field: string): number {
  return parseInt(sha1Hex(stripHtmlKeepingMedia(field)).slice(0, 8), 16);
}
