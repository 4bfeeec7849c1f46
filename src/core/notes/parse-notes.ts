import { isNoneMarker } from './normalize';
import { bulletText, hasPipe, isSeparatorRow, numberedText, parseHeading, splitRow } from './lines';
import type { Block, Cell, ListItem, NotesWarning, ParsedNotes, Section, TableRow } from './types';

/**
 * Parses study notes. Never throws: whatever cannot be understood is kept as paragraphs and
 * reported as a warning with its line, so one typo never loses the rest of the notes.
 */
export function parseNotes(text: string): ParsedNotes {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const sections: Section[] = [];
  const warnings: NotesWarning[] = [];
  let section: Section | null = null;
  const blocksOf = (line: number): Block[] => {
    if (!section) {
      section = { number: null, title: '', line, blocks: [] };
      sections.push(section);
    }
    return section.blocks;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const lineNumber = i + 1;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = parseHeading(line);
    if (heading) {
      section = { number: heading.number, title: heading.title, line: lineNumber, blocks: [] };
      sections.push(section);
      i++;
      continue;
    }
    if (hasPipe(line) && isSeparatorRow(lines[i + 1] ?? '')) {
      i = readTable(lines, i, blocksOf(lineNumber), warnings);
      continue;
    }
    if (bulletText(line) !== null) {
      i = readList(lines, i, 'bullets', bulletText, blocksOf(lineNumber));
      continue;
    }
    if (numberedText(line) !== null) {
      i = readList(lines, i, 'numbered', numberedText, blocksOf(lineNumber));
      continue;
    }
    blocksOf(lineNumber).push({ kind: 'paragraph', line: lineNumber, text: line.trim() });
    i++;
  }
  return { sections, warnings };
}

function readList(
  lines: string[],
  start: number,
  kind: 'bullets' | 'numbered',
  itemText: (line: string) => string | null,
  blocks: Block[],
): number {
  const items: ListItem[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const text = itemText(lines[i] ?? '');
    if (text === null || parseHeading(lines[i] ?? '')) break;
    if (text !== '') items.push({ line: i + 1, text });
  }
  if (items.length > 0) blocks.push({ kind, line: start + 1, items });
  return i;
}

function readTable(lines: string[], start: number, blocks: Block[], warnings: NotesWarning[]): number {
  const header = splitRow(lines[start] ?? '');
  const separatorCells = splitRow(lines[start + 1] ?? '').length;
  let end = start + 2;
  while (end < lines.length && hasPipe(lines[end] ?? '') && !parseHeading(lines[end] ?? '')) end++;

  if (separatorCells !== header.length) {
    warnings.push({
      line: start + 2,
      message: `table header has ${header.length} cells but the line under it has ${separatorCells}; the table is read as plain text`,
    });
    for (let i = start; i < end; i++) {
      if (i !== start + 1) blocks.push({ kind: 'paragraph', line: i + 1, text: (lines[i] ?? '').trim() });
    }
    return end;
  }

  const rows: TableRow[] = [];
  const leftovers: Block[] = [];
  for (let i = start + 2; i < end; i++) {
    const raw = lines[i] ?? '';
    const cells = splitRow(raw);
    if (cells.length !== header.length) {
      warnings.push({
        line: i + 1,
        message: `table row has ${cells.length} cells but the header has ${header.length}; the row is read as plain text`,
      });
      leftovers.push({ kind: 'paragraph', line: i + 1, text: raw.trim() });
      continue;
    }
    rows.push({ line: i + 1, cells: cells.map((cell): Cell => (isNoneMarker(cell) ? null : cell)) });
  }
  blocks.push({ kind: 'table', line: start + 1, header, rows }, ...leftovers);
  return end;
}
