/** Which column holds what; numbers are zero-based column indexes, strings are header names. */
export interface CsvColumns {
  front: number | string;
  back: number | string;
  tags?: number | string;
  deck?: number | string;
}

export const DEFAULT_COLUMNS: CsvColumns = { front: 0, back: 1 };

/** Header names Kioku recognises (any case), so a file written by writeCsv reads back as-is. */
const KNOWN_HEADERS: Record<keyof CsvColumns, string[]> = {
  front: ['front', 'question', 'term', '表'],
  back: ['back', 'answer', 'definition', '裏'],
  tags: ['tags', 'tag', 'タグ'],
  deck: ['deck', 'デッキ'],
};

export function looksLikeHeader(row: string[]): boolean {
  const cells = row.map((cell) => cell.trim().toLowerCase());
  return KNOWN_HEADERS.front.some((name) => cells.includes(name)) && KNOWN_HEADERS.back.some((name) => cells.includes(name));
}

/** Default mapping from a recognised header row: each role goes to the column carrying its name. */
export function columnsFromHeader(header: string[]): CsvColumns {
  const cells = header.map((cell) => cell.trim().toLowerCase());
  const find = (role: keyof CsvColumns) => cells.findIndex((cell) => KNOWN_HEADERS[role].includes(cell));
  const columns: CsvColumns = { front: Math.max(find('front'), 0), back: find('back') < 0 ? 1 : find('back') };
  if (find('tags') >= 0) columns.tags = find('tags');
  if (find('deck') >= 0) columns.deck = find('deck');
  return columns;
}

/** Turns names into indexes; undefined means the role is not mapped. */
export function resolveColumn(column: number | string | undefined, header: string[] | null): number | undefined | null {
  if (column === undefined) return undefined;
  if (typeof column === 'number') return column;
  if (!header) return null;
  const index = header.findIndex((cell) => cell.trim().toLowerCase() === column.trim().toLowerCase());
  return index < 0 ? null : index;
}
