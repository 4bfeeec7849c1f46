/** Tag prefixes that name an exam topic, as the bundled decks write them (`nfr::E.6`, `kind::threat-service`). */
export const NFR_PREFIX = 'nfr::';
export const KIND_PREFIX = 'kind::';

/** The part of a tag after `prefix` (case-insensitive), or null when the tag is not of that family. */
export function tagValue(tag: string, prefix: string): string | null {
  if (tag.length <= prefix.length) return null;
  return tag.slice(0, prefix.length).toLowerCase() === prefix ? tag.slice(prefix.length) : null;
}

/** Orders topic keys the way a learner reads them: `E.2` before `E.10`. */
export function compareTopicKeys(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** The topics one tag names: the tag itself, and the NFR item or kind it gives when it is one. */
export function topicsOfTag(tag: string): { family: 'tag' | 'nfr' | 'kind'; key: string }[] {
  const topics: { family: 'tag' | 'nfr' | 'kind'; key: string }[] = [{ family: 'tag', key: tag }];
  const item = tagValue(tag, NFR_PREFIX);
  if (item !== null) topics.push({ family: 'nfr', key: item });
  const kind = tagValue(tag, KIND_PREFIX);
  if (kind !== null) topics.push({ family: 'kind', key: kind });
  return topics;
}
