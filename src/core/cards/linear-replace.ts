/**
 * `text.replace(pattern, replacement)` for a global pattern whose every match ends with
 * `terminator`, in time linear in the text. A pattern like `<[^>]*>` that finds no terminator
 * after an opener scans to the end of the text from every opener: 1 MiB of `<` took hours. No
 * match can end past the last terminator, so only the text up to it is searched; the same
 * matches are found. `terminator` is compared case-insensitively when the pattern is.
 */
export function replaceUpToLast(text: string, pattern: RegExp, terminator: string, replacement: string): string {
  const haystack = pattern.ignoreCase ? text.toLowerCase() : text;
  const last = haystack.lastIndexOf(pattern.ignoreCase ? terminator.toLowerCase() : terminator);
  if (last < 0) return text;
  const end = last + terminator.length;
  return text.slice(0, end).replace(pattern, replacement) + text.slice(end);
}

/**
 * Drops every `<name …>…</name>` element (script, style), in one pass: each opener looks for its
 * closer only after the previous element, and once no closer is left, no later opener has one.
 */
export function dropElements(html: string, name: string): string {
  const lower = html.toLowerCase();
  const opener = `<${name}`;
  const closer = `</${name}`;
  let out = '';
  let from = 0;
  for (;;) {
    const start = findTagStart(lower, opener, from);
    if (start < 0) break;
    const close = lower.indexOf(closer, start + opener.length);
    const end = close < 0 ? -1 : lower.indexOf('>', close + closer.length);
    if (end < 0) break;
    out += html.slice(from, start);
    from = end + 1;
  }
  return out + html.slice(from);
}

/** The next `<name` that is a whole tag name (followed by a space, `/`, `>` or the end, as `\b` would say). */
function findTagStart(lower: string, opener: string, from: number): number {
  for (let at = lower.indexOf(opener, from); at >= 0; at = lower.indexOf(opener, at + 1)) {
    const next = lower.charCodeAt(at + opener.length);
    if (Number.isNaN(next) || !/[a-z0-9_]/.test(String.fromCharCode(next))) return at;
  }
  return -1;
}
