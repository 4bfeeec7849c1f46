import type { Cell, TableRow } from '../notes';

/** Index of the first header cell containing one of the names, or -1. */
export function columnOf(header: readonly string[], ...names: string[]): number {
  return header.findIndex((cell) => names.some((name) => cell.includes(name)));
}

export function cellAt(row: TableRow, column: number): Cell {
  return column < 0 ? null : (row.cells[column] ?? null);
}
