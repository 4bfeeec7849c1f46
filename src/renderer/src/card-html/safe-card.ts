import { soundTagsToAudio } from './media';
import { sanitizeCardHtml } from './sanitize';

/** Card HTML as rendered from a note's template, made safe to show: sounds become players, then everything is sanitised. */
export function safeCardHtml(html: string): string {
  return sanitizeCardHtml(soundTagsToAudio(html));
}
