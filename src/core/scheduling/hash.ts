/**
 * FNV-1a, 32 bits: the same text gives the same number on every device and every run,
 * so a card's tiebreak and its exam-window day do not change between sessions.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
