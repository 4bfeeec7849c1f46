import { topicLabel } from '../readiness/readiness-labels';

const NFR_ITEM = /^[A-Z]\.\d+$/;

/** `E.6 Data confidentiality` for an NFR item; a deck topic with its path as the deck list shows it. */
export function examTopicLabel(topic: string): string {
  return NFR_ITEM.test(topic) ? topicLabel('nfr', topic, topic) : topicLabel('deck', topic, topic);
}
