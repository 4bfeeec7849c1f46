export { parseNotes } from './parse-notes';
export type { Block, Cell, ListItem, NotesWarning, ParsedNotes, Section, TableRow } from './types';
