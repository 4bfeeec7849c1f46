import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixture(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/${relativePath}`, import.meta.url))));
}
