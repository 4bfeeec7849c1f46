/** At most this many tags are offered at once; more would hide the field under them. */
const MAX_SUGGESTIONS = 8;

/**
 * The tags offered for the word the caret is in: those starting with it first, then those
 * containing it (a `::` part as well), case ignored, leaving out tags the box already holds.
 */
export function tagSuggestions(value: string, caret: number, choices: readonly string[]): string[] {
  const word = /\S*$/.exec(value.slice(0, caret))?.[0] ?? '';
  if (word === '') return [];
  const typed = word.toLowerCase();
  const present = new Set(value.split(/\s+/).map((tag) => tag.toLowerCase()));
  const open = choices.filter((tag) => !present.has(tag.toLowerCase()) || tag.toLowerCase() === typed);
  const starting = open.filter((tag) => tag.toLowerCase().startsWith(typed));
  const containing = open.filter((tag) => !tag.toLowerCase().startsWith(typed) && tag.toLowerCase().includes(typed));
  return [...starting, ...containing].filter((tag) => tag.toLowerCase() !== typed).slice(0, MAX_SUGGESTIONS);
}
