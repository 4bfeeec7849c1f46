import { sha1Hex } from '../sha1';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Anki's sort-field text: HTML removed, but image file names kept so a note whose first field
 * is just a picture still has something to sort and match on.
 */
export function stripHtmlKeepingMedia(html: string): string {
  return html
    .replace(/<img[^>]*?src=["']?([^"'>\s]+)["']?[^>]*>/gi, ' $1 ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
      return ENTITIES[code.toLowerCase()] ?? entity;
    });
}

/** Anki's duplicate-check checksum: the first 8 hex digits of SHA-1 of the stripped first field. */
export function fieldChecksum(field: string): number {
  return parseInt(sha1Hex(stripHtmlKeepingMedia(field)).slice(0, 8), 16);
}
