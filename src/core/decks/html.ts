/** Notes are plain text; card fields are HTML, so markup characters in the notes must show literally. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
