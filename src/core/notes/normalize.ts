/**
 * Full-width ASCII (＃, ｜, １, ．, －…) folded to half-width, and the ideographic space to a space.
 * Used to recognise structure only; the learner's text keeps its own characters.
 */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** The "none" marker: the long-vowel mark ー, or a dash, alone in a cell. */
export function isNoneMarker(cell: string): boolean {
  return /^(?:[ー－―‐—-]|)$/.test(cell.trim());
}
