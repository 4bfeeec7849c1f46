export const MASK = '〇〇';

/** Hides the answer where a question quotes a description that names it. Longest terms first. */
export function maskTerms(text: string, terms: readonly string[]): string {
  const ordered = [...new Set(terms)].filter((term) => term.length >= 2).sort((a, b) => b.length - a.length);
  return ordered.reduce((masked, term) => masked.split(term).join(MASK), text);
}
