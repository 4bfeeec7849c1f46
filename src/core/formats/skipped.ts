/**
 * An item inside a good file that cannot be taken. The rest of the file is still imported; the
 * preview lists these (in the learner's language, from `reason`) before anything is written.
 */
export type SkipReason =
  | 'unsafe-media-name'
  | 'duplicate-media-name'
  | 'missing-media-data'
  | 'field-too-long'
  | 'bad-card-data'
  | 'missing-note-type'
  | 'missing-note'
  | 'empty-first-field'
  | 'duplicate-row';

export type SkippedKind = 'media' | 'note' | 'card' | 'row';

export interface SkippedItem {
  kind: SkippedKind;
  /** The media file name, the note/card id in the file, or the row number. */
  name: string;
  reason: SkipReason;
  /** The specifics in English (a length, a name), for the command line and the preview's tooltip. */
  detail: string;
}

const REASONS: Record<SkipReason, string> = {
  'unsafe-media-name': 'the media file name is a path or has control characters',
  'duplicate-media-name': 'a media file of the same name came earlier',
  'missing-media-data': 'the media list names it, but its data is not in the package',
  'field-too-long': 'a field is longer than 1 MiB',
  'bad-card-data': "the card's data column is not valid JSON",
  'missing-note-type': 'its note type is not in the file',
  'missing-note': 'its note is not in the file or was skipped',
  'empty-first-field': 'the first field is empty',
  'duplicate-row': 'the same first field came earlier in the same deck',
};

/** One line for the command line: `note 1234: a field is longer than 1 MiB (field "Back", 2000000 characters)`. */
export function describeSkipped(item: SkippedItem): string {
  return `${item.kind} ${item.name}: ${REASONS[item.reason]}${item.detail ? ` (${item.detail})` : ''}`;
}
