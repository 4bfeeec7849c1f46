/** Ctrl+Z / ⌘Z undoes, Ctrl+Shift+Z / ⌘⇧Z (and Ctrl+Y, as on Windows) redoes; null for any other key. */
export function undoKeyOf(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.isComposing) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
