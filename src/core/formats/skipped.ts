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
  | 'duplicate-row'
  | 'bad-deck-config'
  | 'filtered-order';

export type SkippedKind = 'media' | 'note' | 'card' | 'row' | 'deck-options';

/**
 * The specifics of a skipped item as values, never words: the command line words them in English
 * (`describeSkipped`), the import preview in the learner's language.
 */
export interface SkipDetail {
  /** The package entry that should hold a media file's data. */
  entry?: string;
  /** The note type id the file gives a note. */
  noteType?: string;
  /** The note id in the file. */
  note?: string;
  /** The card's number on its note (1 for the first template). */
  card?: number;
  /** The earlier row with the same first field. */
  row?: number;
  deck?: string;
  /** A field by its name in the note type. */
  field?: string;
  /** A field by its position (1 for the first) when the file names none. */
  fieldNumber?: number;
  /** The front or back column of a CSV row. */
  side?: 'front' | 'back';
  /** The length of an over-long field. */
  characters?: number;
}

/** The order in which a detail's values are told, in every language. */
export const SKIP_DETAIL_ORDER = ['entry', 'noteType', 'note', 'card', 'row', 'deck', 'field', 'fieldNumber', 'side', 'characters'] as const satisfies readonly (keyof SkipDetail)[];

export interface SkippedItem {
  kind: SkippedKind;
  /** The media file name, the note/card id in the file, the row number, or the deck's name. */
  name: string;
  reason: SkipReason;
  detail: SkipDetail;
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
  'bad-deck-config': "its Anki preset's FSRS parameters or desired retention are malformed; the deck is imported with Kioku's defaults",
  'filtered-order': "Kioku has no such order for a filtered deck; it selects cards by due date",
};

const DETAIL_WORDS: { [K in keyof SkipDetail]-?: (value: NonNullable<SkipDetail[K]>) => string } = {
  entry: (entry) => `zip entry "${entry}"`,
  noteType: (id) => `note type ${id}`,
  note: (id) => `note ${id}`,
  card: (n) => `card ${n}`,
  row: (n) => `row ${n}`,
  deck: (name) => `deck "${name}"`,
  field: (name) => `field "${name}"`,
  fieldNumber: (n) => `field ${n}`,
  side: (side) => side,
  characters: (n) => `${n} characters`,
};

/** The detail in English: `field "Back", 2000000 characters`; empty when there is none. */
export function describeDetail(detail: SkipDetail): string {
  return SKIP_DETAIL_ORDER.flatMap((key) => {
    const value = detail[key];
    return value === undefined ? [] : [(DETAIL_WORDS[key] as (value: unknown) => string)(value)];
  }).join(', ');
}

/** One line for the command line: `note 1234: a field is longer than 1 MiB (field "Back", 2000000 characters)`. */
export function describeSkipped(item: SkippedItem): string {
  const detail = describeDetail(item.detail);
  return `${item.kind} ${item.name}: ${REASONS[item.reason]}${detail ? ` (${detail})` : ''}`;
}

/** A field of a note type by its name, or by its position when the type names fewer fields than the note has. */
export function fieldAt(names: readonly string[], index: number): Pick<SkipDetail, 'field' | 'fieldNumber'> {
  const name = names[index];
  return name === undefined ? { fieldNumber: index + 1 } : { field: name };
}
