import { htmlToTextLine, shortened } from '../../../../core/cards';

/** What a version that lost to another device's edit held, as one line: a note's fields as plain text, or a deck's or preset's name. */
export function lostSummary(value: unknown): string {
  const fields = (value as { fields?: unknown } | null)?.fields;
  if (Array.isArray(fields)) return shortened(fields.map((field) => htmlToTextLine(String(field))).join(' · '), 160);
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}
