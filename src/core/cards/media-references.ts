/**
 * Where card HTML and note type styles name a media file: `[sound:…]`, `src=` (quoted or not)
 * and CSS `url(…)`. One list, so what an export carries and what an import renames agree.
 */
const PATTERNS = [/(\[sound:)([^\]]+)(\])/g, /(\bsrc\s*=\s*")([^"]+)(")/gi, /(\bsrc\s*=\s*')([^']+)(')/gi, /(\bsrc\s*=\s*)([^\s"'>]+)()/gi, /(url\(\s*["']?)([^"')]+)(["']?\s*\))/gi];

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
  return PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].flatMap((match) => (match[2] ? [decoded(match[2])] : [])));
}

/** `text` with every reference to a renamed media file pointing at its new name; the rest unchanged. */
export function renameMediaReferences(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !mayReference(text)) return text;
  return PATTERNS.reduce(
    (out, pattern) =>
      out.replace(pattern, (whole, before: string, name: string, after: string) => {
        const renamed = renames.get(decoded(name));
        return renamed === undefined ? whole : `${before}${pattern === PATTERNS[0] ? renamed : encodeURI(renamed)}${after}`;
      }),
    text,
  );
}
