import type { Note, NoteType } from '../../../../core/collection/model';

const PATTERNS = [/\[sound:([^\]]+)\]/g, /\bsrc\s*=\s*"([^"]+)"/gi, /\bsrc\s*=\s*'([^']+)'/gi, /\bsrc\s*=\s*([^\s"'>]+)/gi, /url\(\s*["']?([^"')]+)["']?\s*\)/gi];

function decoded(reference: string): string {
  const text = reference.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Names of the media files that notes and note type styles point at (`<img src>`, `[sound:]`,
 * CSS `url()`), so an export carries exactly the media its cards show.
 */
export function referencedMedia(notes: readonly Note[], noteTypes: readonly NoteType[]): Set<string> {
  const names = new Set<string>();
  const scan = (text: string) => {
    if (!text.includes('[sound:') && !/src|url\(/i.test(text)) return;
    for (const pattern of PATTERNS) for (const match of text.matchAll(pattern)) if (match[1]) names.add(decoded(match[1]));
  };
  for (const note of notes) for (const field of note.fields) scan(field);
  for (const type of noteTypes) {
    scan(type.css ?? '');
    for (const template of type.templates) scan(`${template.front}\n${template.back}`);
  }
  return names;
}
