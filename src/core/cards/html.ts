/** Plain text of card HTML: tags dropped, the common entities decoded. */
export function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
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
