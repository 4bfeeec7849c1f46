import { replaceUpToLast } from './linear-replace';

/** Plain text of card HTML: tags dropped, the common entities decoded. Linear in the text, whatever it holds. */
export function stripHtml(html: string): string {
  return replaceUpToLast(replaceUpToLast(html, /<br\s*\/?>/gi, '>', ' '), /<[^>]*>/g, '>', '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Anki treats a field holding only whitespace, `<br>` or empty `<div>`s as empty. */
export function isFieldEmpty(value: string): boolean {
  return /^(?:\s|<\/?(?:br|div)\s*\/?>)*$/i.test(value);
}
