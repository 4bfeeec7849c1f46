import type { Section } from '../notes';

/**
 * A section title names an AWS service when it has `AWS`/`Amazon` followed by a Latin name
 * (`AWS Trusted Advisor`, `…とAWS IAM`) or is a Latin name alone (`GuardDuty`, `Macie`).
 * Other sections (`責任共有モデル`, `AWS 監査人のラーニングパス`) are concepts.
 */
export function isServiceSection(section: Section): boolean {
  return /(?:AWS|Amazon)\s*[A-Za-z]/.test(section.title) || /^[A-Za-z][A-Za-z0-9 ]*$/.test(section.title.trim());
}

/** Words that, quoted in a description, would give the topic away: the title, its parts around と, without the AWS/Amazon prefix. */
export function giveawayTerms(title: string): string[] {
  const parts = [title, ...title.split('と')].map((part) => part.trim());
  return parts.flatMap((part) => [part, part.replace(/^(?:AWS|Amazon)\s*/, '')]);
}

/**
 * Lines that only point elsewhere (`詳細は↓まで。`, `…を見て学習しましょう。`) or are bare link titles
 * carry nothing to learn.
 */
export function isPointer(text: string, title: string): boolean {
  const trimmed = text.trim();
  if (trimmed === title.trim()) return true;
  if (/[↓⬇→]/.test(trimmed)) return true;
  if (/(?:ましょう|みよう|参考に)[。!！]?$/.test(trimmed)) return true;
  return !/[。、!！?？:：]/.test(trimmed);
}

/** The sentence that says what the topic is: one ending in `サービスです。` if any, else the first. */
export function definitionOf(lines: readonly string[]): string | undefined {
  return lines.find((line) => /サービスです。?$/.test(line)) ?? lines[0];
}
