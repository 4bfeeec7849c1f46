import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../../src/core/formats';
import { openZip } from '../../../src/core/formats/zip/read-zip';
import { crc32 } from '../../../src/core/formats/zip/crc32';
import { sampleCollection } from './helpers/sample-collection';

const encode = (text: string) => new TextEncoder().encode(text);

/** Changes one byte of an entry's text in place, as a bad download does, leaving every size as it was. */
function corrupt(zip: Uint8Array, from: string, to: string): Uint8Array {
  const bytes = zip.slice();
  const needle = encode(from);
  for (let at = 0; at + needle.length <= bytes.length; at++) {
    if (needle.every((byte, i) => bytes[at + i] === byte)) {
      bytes.set(encode(to), at);
      return bytes;
    }
  }
  throw new Error(`"${from}" is not in the archive`);
}

describe('zip checksums', () => {
  it('computes the CRC-32 that zip writers store', () => {
    expect(crc32(encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('refuses an entry whose text changed but still unpacks, naming the entry', () => {
    const zip = zipSync({ 'notes.json': [encode('{"front":"Macie finds PII"}'), { level: 0 }] });
    const damaged = corrupt(zip, 'PII', 'PIE');
    expect(new TextDecoder().decode(openZip(zip, 'ok.zip').read('notes.json'))).toContain('PII');
    expect(() => openZip(damaged, 'bad.zip').read('notes.json')).toThrow('bad.zip, zip entry "notes.json": the data is damaged (its checksum does not match)');
  });

  it('refuses a damaged backup as a whole', () => {
    const data = sampleCollection();
    const front = data.notes[0]!.fields[0]!;
    // Stored without compression, as some zip tools do, so the changed byte still unpacks.
    const stored: Zippable = {};
    for (const [name, bytes] of Object.entries(unzipSync(writeBackup(data, { now: 0 })))) stored[name] = [bytes, { level: 0 }];
    const backup = zipSync(stored);
    expect(readBackup(backup, 'good.kioku-backup').collection.notes[0]?.fields[0]).toBe(front);
    expect(() => readBackup(corrupt(backup, front, front.replace(/.$/, '#')), 'damaged.kioku-backup')).toThrow(/checksum does not match/);
  });
});
