/**
 * The header lines of Anki's text files ("Notes in Plain Text", CSV/TSV), read and written as
 * rslib/src/import_export/text/csv/metadata.rs (`parse_meta_lines`, `parse_meta_value`) and
 * export.rs (`write_file_header`, `write_column_header`) do: an optional first `tags:` line,
 * then `#key:value` lines. Column numbers are 1-based, as in the file.
 */
export interface AnkiTextHeader {
  delimiter?: AnkiDelimiter;
  html?: boolean;
  tags: string[];
  columns?: string[];
  notetype?: string;
  deck?: string;
  notetypeColumn?: number;
  deckColumn?: number;
  tagsColumn?: number;
  guidColumn?: number;
  /** How many characters of the text the header takes. */
  length: number;
}

export type AnkiDelimiter = '\t' | '|' | ';' | ':' | ',' | ' ';

const DELIMITER_NAMES: Record<string, AnkiDelimiter> = { tab: '\t', pipe: '|', semicolon: ';', colon: ':', comma: ',', space: ' ' };
export const DELIMITER_NAME: Record<AnkiDelimiter, string> = { '\t': 'tab', '|': 'pipe', ';': 'semicolon', ':': 'colon', ',': 'comma', ' ': 'space' };

function delimiterFrom(value: string): AnkiDelimiter | undefined {
  const normed = value.toLowerCase();
  return DELIMITER_NAMES[normed.trim()] ?? (Object.keys(DELIMITER_NAME) as AnkiDelimiter[]).find((d) => normed === d);
}

/** A value cut where a delimiter of a line exported as a record would start (`#html:true,,,`), as Anki trims it. */
function trimmed(value: string): string {
  if (value.length < 2) return value;
  const rest = value.slice(1).search(/[^A-Za-z0-9]/);
  return rest < 0 ? value : value.slice(0, rest + 1);
}

const column = (value: string): number | undefined => {
  const n = Number(trimmed(value).trim());
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** Reads the header; `length` is 0 and everything else unset when the text has none. */
export function readAnkiHeader(text: string): AnkiTextHeader {
  const header: AnkiTextHeader = { tags: [], length: 0 };
  let at = 0;
  let first = true;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    const line = text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
    if (first && line.startsWith('tags:')) {
      header.tags = line.slice(5).split(/\s+/).filter(Boolean);
    } else if (line.startsWith('#')) {
      const colon = line.indexOf(':');
      if (colon >= 0) apply(header, line.slice(1, colon).trim().toLowerCase(), line.slice(colon + 1));
    } else break;
    first = false;
    at = next;
  }
  header.length = at;
  return header;
}

function apply(header: AnkiTextHeader, key: string, value: string): void {
  switch (key) {
    case 'separator':
      header.delimiter = delimiterFrom(trimmed(value)) ?? header.delimiter;
      break;
    case 'html': {
      const flag = trimmed(value).toLowerCase();
      if (flag === 'true' || flag === 'false') header.html = flag === 'true';
      break;
    }
    case 'tags':
      header.tags = value.split(/\s+/).filter(Boolean);
      break;
    case 'columns':
      header.columns = value.split(header.delimiter ?? '\t');
      break;
    case 'notetype':
      header.notetype = value;
      break;
    case 'deck':
      if (value !== '') header.deck = value;
      break;
    case 'notetype column':
      header.notetypeColumn = column(value);
      break;
    case 'deck column':
      header.deckColumn = column(value);
      break;
    case 'tags column':
      header.tagsColumn = column(value);
      break;
    case 'guid column':
      header.guidColumn = column(value);
      break;
  }
}

/** Anki's `#separator`/`#html` lines and the column lines for the columns present, in export.rs's order. */
export function writeAnkiHeader(options: { delimiter: AnkiDelimiter; html: boolean; guidColumn?: number; notetypeColumn?: number; deckColumn?: number; tagsColumn?: number }): string {
  const lines = [`#separator:${DELIMITER_NAME[options.delimiter]}`, `#html:${options.html}`];
  for (const [name, value] of [['guid', options.guidColumn], ['notetype', options.notetypeColumn], ['deck', options.deckColumn], ['tags', options.tagsColumn]] as const) {
    if (value !== undefined) lines.push(`#${name} column:${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What Anki does to a field of a file marked `#html:false`: escape it and keep its line breaks. */
export function plainTextToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/\n/g, '<br>');
}
