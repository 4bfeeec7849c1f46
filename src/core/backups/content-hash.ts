import type { BackupContents } from '../formats/backup/write-backup';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += HEX[byte];
  return text;
}

/**
 * A SHA-256 over what a backup holds (every entry but the manifest, which carries the time), so
 * two backups of an unchanged collection have the same hash even though their zips differ.
 * Each entry is hashed on its own and the list of name and digest pairs is hashed last: no
 * entry has to be copied into one buffer with the others.
 */
export async function backupContentHash(contents: BackupContents): Promise<string> {
  const names = Object.keys(contents.entries).sort();
  const digests = await Promise.all(names.map(async (name) => hex(new Uint8Array(await crypto.subtle.digest('SHA-256', contents.entries[name]! as Uint8Array<ArrayBuffer>)))));
  const listing = new TextEncoder().encode(names.map((name, i) => `${name}\t${digests[i]}`).join('\n'));
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', listing)));
}

/** The part of the hash a backup's name carries: 64 bits tell two backups apart for good. */
export const shortContentHash = (hash: string) => hash.slice(0, 16);
