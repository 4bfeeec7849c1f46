/** The study-notes Markdown, parsed into sections of typed blocks. Line numbers are 1-based. */

/** A table cell; `null` is the `ー` (or empty) cell meaning "none". */
export type Cell = string | null;

export interface TableRow {
  line: number;
  cells: Cell[];
}

export interface ListItem {
  line: number;
  text: string;
}

export type Block =
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'table'; line: number; header: string[]; rows: TableRow[] }
  | { kind: 'bullets'; line: number; items: ListItem[] }
  | { kind: 'numbered'; line: number; items: ListItem[] };

export interface Section {
  /** The number in `##12.Amazon Inspector##`; null for a heading without one (or text before any heading). */
  number: number | null;
  title: string;
  line: number;
  blocks: Block[];
}

export interface NotesWarning {
  line: number;
  message: string;
}

export interface ParsedNotes {
  sections: Section[];
  warnings: NotesWarning[];
}
