const SEPARATORS = new Set(['、', ',', '，']);
const OPENERS = new Set(['(', '（']);
const CLOSERS = new Set([')', '）']);

/**
 * Splits a multi-valued cell (`AWS IAM、AWS WAF`) into its items. Separators inside parentheses
 * belong to the item: `暗号化オプション(EBS,S3,RDS)` stays whole.
 */
export function splitItems(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if (OPENERS.has(ch)) depth++;
    if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.has(ch)) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export function joinItems(items: readonly string[]): string {
  return items.join('、');
}
