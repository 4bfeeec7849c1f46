import { DEFAULT_PREVIEW_DELAYS, FILTERED_ORDERS, MAX_FILTERED_LIMIT, MAX_PREVIEW_DELAY, type FilteredDeckConfig, type FilteredOrder, type FilteredTerm } from '../../scheduling/filtered';
import type { SkipReason } from '../skipped';
import { protoNumber, protoString, readProtobuf, type ProtoValue } from './protobuf';

/** An Anki filtered deck's settings (rslib decks/schema11.rs FilteredDeckSchema11, decks.proto Deck.Filtered), whichever schema held them. */
export interface AnkiFiltered {
  reschedule: boolean;
  /** Anki builds from up to two searches, each taking its own cards. */
  terms: { search: string; limit: number; order: number }[];
  /** The v3 scheduler's preview delays in seconds; 0 sends the card home (states/preview_filter.rs). Absent keys read as 0, as Anki reads them. */
  previewSecs: { again: number; hard: number; good: number };
}

/** From col.decks JSON: `resched`, `terms` as [search, limit, order] triples, `previewAgainSecs`/`previewHardSecs`/`previewGoodSecs`. */
export function filteredFromJson(deck: Record<string, unknown>): AnkiFiltered {
  const terms = Array.isArray(deck.terms) ? deck.terms : [];
  const whole = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? Math.trunc(Number(value)) || 0 : 0);
  return {
    // serde deserialize_bool_from_anything: true, 1 and "true"/"1" all reschedule.
    reschedule: deck.resched === true || deck.resched === 1 || deck.resched === 'true' || deck.resched === '1',
    terms: terms.filter(Array.isArray).map((term: unknown[]) => ({ search: typeof term[0] === 'string' ? term[0] : '', limit: whole(term[1]), order: whole(term[2]) })),
    previewSecs: { again: whole(deck.previewAgainSecs), hard: whole(deck.previewHardSecs), good: whole(deck.previewGoodSecs) },
  };
}

/** From Deck.Filtered: reschedule 1, search_terms 2 (search 1, limit 2, order 3), preview_hard_secs 5, preview_good_secs 6, preview_again_secs 7. */
export function filteredFromProto(fields: Map<number, ProtoValue[]>): AnkiFiltered {
  const terms = (fields.get(2) ?? []).flatMap((value) => {
    if (!(value instanceof Uint8Array)) return [];
    const term = readProtobuf(value);
    return [{ search: protoString(term, 1), limit: protoNumber(term, 2), order: protoNumber(term, 3) }];
  });
  return { reschedule: protoNumber(fields, 1) === 1, terms, previewSecs: { again: protoNumber(fields, 7), hard: protoNumber(fields, 5), good: protoNumber(fields, 6) } };
}

/** What a deck Anki creates holds when a file gives no search (rslib decks/filtered.rs new_filtered). */
const ANKI_NEW_FILTERED = { search: '', limit: 100, order: 1 };

/**
 * The Kioku filtered deck closest to Anki's, and what it could not keep: Kioku knows the orders up
 * to ascending retrievability (decks.proto numbers them as FILTERED_ORDERS; the others become
 * "due"). Anki's v2 delays (`previewDelay`, `delays`) are not read: the v3 scheduler Anki and
 * Kioku follow uses the three preview delays in seconds.
 */
export function kiokuFiltered(anki: AnkiFiltered): { config: FilteredDeckConfig; problems: SkipReason[] } {
  const problems: SkipReason[] = [];
  const kiokuTerm = (term: { search: string; limit: number; order: number }): FilteredTerm => {
    const order: FilteredOrder | undefined = FILTERED_ORDERS[term.order];
    if (order === undefined && !problems.includes('filtered-order')) problems.push('filtered-order');
    return { search: term.search, limit: Math.min(MAX_FILTERED_LIMIT, Math.max(1, term.limit)), order: order ?? 'due' };
  };
  const [first = ANKI_NEW_FILTERED, second] = anki.terms;
  const config: FilteredDeckConfig = { ...kiokuTerm(first), reschedule: anki.reschedule };
  if (second) config.second = kiokuTerm(second);
  const { again, hard, good } = anki.previewSecs;
  // Anki's own defaults are left implied, as a deck made in Kioku has them.
  const defaults = again === DEFAULT_PREVIEW_DELAYS.again && hard === DEFAULT_PREVIEW_DELAYS.hard && good === DEFAULT_PREVIEW_DELAYS.good;
  if (!defaults) config.previewDelays = { again: Math.min(again, MAX_PREVIEW_DELAY), hard: Math.min(hard, MAX_PREVIEW_DELAY), good: Math.min(good, MAX_PREVIEW_DELAY) };
  return { config, problems };
}
