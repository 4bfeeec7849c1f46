/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a formula
 * (OWASP "CSV injection": `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`). Kioku's CSV/TSV export puts a `'`
 * before such a cell, as spreadsheets expect, and its import takes one `'` off again. A cell that
 * already starts with `'` and then one of those characters gets one more, so the round trip
 * gives back exactly what was written.
 */
export const FORMULA_CELL = /^'*[=+\-@\t\r]/;

const ESCAPED_FORMULA_CELL = /^'+[=+\-@\t\r]/;

/** The cell as it was before export escaped it. */
export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA_CELL.test(cell) ? cell.slice(1) : cell;
}
