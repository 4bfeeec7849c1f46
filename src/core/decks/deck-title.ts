/**
 * The top deck's name from a notes file name: `aws-security` → `AWS Security`.
 * Words of up to three letters are taken for acronyms.
 */
export function deckTitleFromKey(key: string): string {
  return key
    .split(/[-_\s]+/)
    .filter((word) => word !== '')
    .map((word) => (word.length <= 3 ? word.toUpperCase() : word[0]?.toUpperCase() + word.slice(1)))
    .join(' ');
}
