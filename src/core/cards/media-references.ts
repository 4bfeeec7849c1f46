/**
 * Where card HTML and note type styles name a media file: `[sound:…]`, `src=` (quoted or not)
 * and CSS `url(…)`. One list, so what an export carries and what an import renames agree.
 */
const PATTERNS = [/(\[sound:)([^\]]+)(\])/g, /(\bsrc\s*=\s*")([^"]+)(")/gi, /(\bsrc\s*=\s*')([^']+)(')/gi, /(\bsrc\s*=\s*)([^\s"'>]+)()/gi, /(url\(\s*["']?)([^"')]+)(["']?\s*\))/gi];
/** What each pattern's match ends with (none for the unquoted `src=`, whose match ends wherever the name does). */
const TERMINATORS = [']', '"', "'", '', ')'];

/** The part of `text` a pattern can match in: up to its terminator's last occurrence, so an unclosed `[sound:` repeated stays linear. */
function searchable(text: string, index: number): string {
  const terminator = TERMINATORS[index]!;
  if (terminator === '') return text;
  return text.slice(0, text.lastIndexOf(terminator) + 1);
}

function decoded(reference: string): string {
  const text = reference.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const mayReference = (text: string) => text.includes('[sound:') || /src|url\(/i.test(text);

/** The media names `text` points at, as stored (entities and %-escapes undone). */
export function mediaReferences(text: string): string[] {
  if (!mayReference(text)) return [];
  return PATTERNS.flatMap((pattern, i) => [...searchable(text, i).matchAll(pattern)].flatMap((match) => (match[2] ? [decoded(match[2])] : [])));
}

/** `text` with every reference to a renamed media file pointing at its new name; the rest unchanged. */
export function renameMediaReferences(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !mayReference(text)) return text;
  return PATTERNS.reduce((out, pattern, i) => {
    const head = searchable(out, i);
    const renamed = head.replace(pattern, (whole, before: string, name: string, after: string) => {
      const to = renames.get(decoded(name));
      return to === undefined ? whole : `${before}${i === 0 ? to : encodeURI(to)}${after}`;
    });
    return renamed + out.slice(head.length);
  }, text);
}
