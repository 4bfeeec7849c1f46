import Papa from 'papaparse';

export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: CsvDelimiter[] = ['\t', ';', ','];

/**
 * Picks the delimiter that splits the first rows into the same number of columns (at least two),
 * preferring the most columns. Papaparse's own guess is thrown off by blank lines, so it is not used.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; columns: number } = { delimiter: ',', columns: 1 };
  for (const delimiter of CANDIDATES) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: 20, skipEmptyLines: 'greedy' }).data;
    const counts = new Set(rows.map((row) => row.length));
    const columns = rows[0]?.length ?? 0;
    if (counts.size === 1 && columns > best.columns) best = { delimiter, columns };
  }
  return best.delimiter;
}
