import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Rewrites the declared uncompressed size of one entry in both the local header and the central directory. */
export function patchDeclaredSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode(entryName);
  const nameAt = (at: number) => name.every((byte, i) => bytes[at + i] === byte);
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === name.length && nameAt(at + 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(at + 28, true) === name.length && nameAt(at + 46)) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

/** Unzips, lets the test change the entries, and zips again. */
export function rezip(zip: Uint8Array, change: (files: Zippable) => void): Uint8Array {
  const files: Zippable = { ...unzipSync(zip) };
  change(files);
  return zipSync(files);
}
