/** The file formats Kioku reads and writes, and how a file's format is recognised. */
export type TransferFormat = 'kioku-deck' | 'kioku-notes' | 'csv' | 'tsv' | 'apkg' | 'kioku-backup';

/** Formats a file can be exported to; Markdown notes are written by hand, so they are import only. */
export type ExportFormat = Exclude<TransferFormat, 'kioku-notes'>;

export const EXPORT_FORMATS: readonly ExportFormat[] = ['kioku-deck', 'csv', 'tsv', 'apkg', 'kioku-backup'];

export const EXTENSION_OF: Readonly<Record<TransferFormat, string>> = {
  'kioku-deck': '.json',
  'kioku-notes': '.md',
  csv: '.csv',
  tsv: '.tsv',
  apkg: '.apkg',
  'kioku-backup': '.kioku-backup',
};

export const MIME_OF: Readonly<Record<ExportFormat, string>> = {
  'kioku-deck': 'application/json',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  apkg: 'application/zip',
  'kioku-backup': 'application/zip',
};

const BY_EXTENSION: ReadonlyMap<string, TransferFormat> = new Map([
  ['json', 'kioku-deck'],
  ['md', 'kioku-notes'],
  ['markdown', 'kioku-notes'],
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['apkg', 'apkg'],
  ['colpkg', 'apkg'],
  ['anki2', 'apkg'],
  ['anki21', 'apkg'],
  ['kioku-backup', 'kioku-backup'],
]);

function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  if (base.endsWith('.kioku-backup')) return 'kioku-backup';
  return /\.([^.]+)$/.exec(base)?.[1] ?? '';
}

/** The format a file name promises, or null for an extension Kioku does not know. */
export function formatFromName(fileName: string): TransferFormat | null {
  return BY_EXTENSION.get(extensionOf(fileName)) ?? null;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SQLITE = [...'SQLite format 3'].map((c) => c.charCodeAt(0));

/** Zip entry names are stored uncompressed, so a backup is recognised by its manifest's name. */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64 * 1024));
  return new TextDecoder('latin1').decode(tail).includes(name);
}

/**
 * The file's format: by extension first (the learner chose it), then by content for files
 * without a known extension. Null when neither tells.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): TransferFormat | null {
  const named = formatFromName(fileName);
  if (named) return named;
  if (startsWith(bytes, ZIP)) return zipHasEntry(bytes, 'kioku-backup.json') ? 'kioku-backup' : 'apkg';
  if (startsWith(bytes, SQLITE)) return 'apkg';
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'kioku-deck';
  if (/^[#＃]{2}/.test(head)) return 'kioku-notes';
  // Anki's "Notes in Plain Text" (.txt) starts with its header lines; the CSV reader reads them.
  if (/^(tags:|#(separator|html|notetype|deck|tags|columns|guid column|notetype column|deck column|tags column):)/i.test(head)) return 'csv';
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  if (firstLine.includes('\t')) return 'tsv';
  if (firstLine.includes(',') || firstLine.includes(';')) return 'csv';
  return null;
}

/** A file name for an export: the name given, made safe for every file system, with the format's extension. */
export function exportFileName(name: string, format: ExportFormat): string {
  const safe = name
    .replace(/::/g, ' - ')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100);
  return `${safe || 'kioku'}${EXTENSION_OF[format]}`;
}
