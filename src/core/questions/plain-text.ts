import { stripHtml } from '../cards';

/** A field as one line of plain text, as options and stems are shown. */
export function plainText(html: string): string {
  return stripHtml(html).replace(/\s+/g, ' ').trim();
}
