import { MAX_FIELD_CHARS } from '../../../src/core/formats';
import type { Random } from './random';

/** A change to a text file (CSV, JSON, Markdown) made on its characters or its encoding. */
export interface TextMutation {
  name: string;
  apply(text: string, random: Random): Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Latin-1 bytes, as an old Windows editor would save the file: every character above U+00FF is lost. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => Math.min(char.charCodeAt(0), 0xff));

function insertAt(text: string, random: Random, insert: string): string {
  const at = random.int(text.length + 1);
  return text.slice(0, at) + insert + text.slice(at);
}

function lines(text: string): string[] {
  return text.split('\n');
}

export const TEXT_MUTATIONS: readonly TextMutation[] = [
  { name: 'UTF-16 little endian', apply: (text) => utf16(text, true) },
  { name: 'UTF-16 big endian', apply: (text) => utf16(text, false) },
  { name: 'Latin-1', apply: (text) => latin1(text) },
  { name: 'mojibake (UTF-8 read as Latin-1, saved as UTF-8)', apply: (text) => utf8(String.fromCharCode(...utf8(text))) },
  { name: 'two byte-order marks', apply: (text) => utf8(`\ufeff\ufeff${text}`) },
  { name: 'NUL characters', apply: (text, random) => utf8(insertAt(text, random, '\u0000'.repeat(1 + random.int(4)))) },
  { name: 'stray quote', apply: (text, random) => utf8(insertAt(text, random, '"')) },
  { name: 'stray delimiter', apply: (text, random) => utf8(insertAt(text, random, random.pick([',', ';', '\t', '|', '\\', '{', '}', ':', '[']))) },
  { name: 'field over the size limit', apply: (text, random) => utf8(insertAt(text, random, 'あ'.repeat(MAX_FIELD_CHARS + 1))) },
  { name: 'line endings CR only', apply: (text) => utf8(text.replaceAll('\n', '\r')) },
  { name: 'lone surrogate', apply: (text, random) => utf8(insertAt(text, random, '\ud83d')) },
  {
    name: 'line with thousands of columns',
    apply: (text, random) => {
      const all = lines(text);
      all.splice(random.int(all.length + 1), 0, Array.from({ length: 2000 + random.int(5000) }, (_, i) => `c${i}`).join(','));
      return utf8(all.join('\n'));
    },
  },
  {
    name: 'line removed',
    apply: (text, random) => {
      const all = lines(text);
      all.splice(random.int(all.length), 1);
      return utf8(all.join('\n'));
    },
  },
  {
    name: 'line duplicated',
    apply: (text, random) => {
      const all = lines(text);
      const at = random.int(all.length);
      all.splice(at, 0, all[at] ?? '');
      return utf8(all.join('\n'));
    },
  },
  { name: 'only the first line', apply: (text) => utf8(lines(text)[0] ?? '') },
  { name: 'hostile deck names', apply: (text, random) => utf8(insertAt(text, random, random.pick(['::', ' :: ', '::::x', '../x', '\u0007', '=HYPERLINK("x")', '<script>alert(1)</script>']))) },
  {
    name: 'thousands of lines',
    apply: (text, random) => {
      const rows = Array.from({ length: 3000 + random.int(5000) }, (_, i) => `語${i},meaning ${i},bulk,日本語::大量`);
      return utf8([lines(text)[0], ...rows].join('\n'));
    },
  },
];
