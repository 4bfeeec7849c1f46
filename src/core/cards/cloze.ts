/** `{{c1::answer}}` or `{{c1::answer::hint}}`; the answer may not contain `}}`. */
const CLOZE_PATTERN = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The distinct cloze numbers used in a text, ascending. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(CLOZE_PATTERN)) {
    const n = Number(match[1]);
    if (n >= 1) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

/**
 * One side of cloze card `active`: the active deletion is hidden on the front (`[...]` or `[hint]`)
 * and revealed on the back; every other deletion simply shows its text.
 */
export function renderCloze(text: string, active: number, side: 'front' | 'back'): string {
  return text.replace(CLOZE_PATTERN, (_whole, n: string, answer: string, hint: string | undefined) => {
    if (Number(n) !== active) return answer;
    if (side === 'back') return `<span class="cloze">${answer}</span>`;
    return `<span class="cloze">[${hint ?? '...'}]</span>`;
  });
}
