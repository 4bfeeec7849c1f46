import { mediaReferences } from '../../../../core/cards/media-references';
import type { Note, NoteType } from '../../../../core/collection/model';

/**
 * Names of the media files that notes and note type styles point at (`<img src>`, `[sound:]`,
 * CSS `url()`), so an export carries exactly the media its cards show.
 */
export function referencedMedia(notes: readonly Note[], noteTypes: readonly NoteType[]): Set<string> {
  const names = new Set<string>();
  const scan = (text: string) => mediaReferences(text).forEach((name) => names.add(name));
  for (const note of notes) for (const field of note.fields) scan(field);
  for (const type of noteTypes) {
    scan(type.css ?? '');
    for (const template of type.templates) scan(`${template.front}\n${template.back}`);
  }
  return names;
}
