/** Shortcuts must not fire while the learner types in a field (editing a note, searching). */
export function isTyping(event: KeyboardEvent): boolean {
  // An input method composing text (kana becoming 漢字) sends its keys as keydowns too.
  if (event.isComposing || event.keyCode === 229) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function hasCommandModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}
