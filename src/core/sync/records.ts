import type { Stamp } from './hlc';

/**
 * What syncs, one CouchDB document per record. Notes, decks, note types, options, media and mock
 * exam attempts are last-writer-wins by clock stamp; cards carry the schedule they start from (their base), on
 * which every review made after `since` is replayed; reviews are never changed.
 */
export type RecordKind = 'deck' | 'noteType' | 'note' | 'setting' | 'media' | 'attempt' | 'card' | 'review' | 'history';

export const RECORD_KINDS: readonly RecordKind[] = ['deck', 'noteType', 'note', 'setting', 'media', 'attempt', 'card', 'review', 'history'];

/**
 * One version of a record. A deletion is `gone: true` with a stamp, not CouchDB's `_deleted`:
 * CouchDB lets any live revision beat a deleted one, and here the later stamp must win.
 */
export interface RecordDoc<T = unknown> {
  _id: string;
  _rev?: string;
  kind: RecordKind;
  stamp: Stamp;
  gone?: true;
  data?: T;
}

export function docId(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseDocId(value: string): { kind: RecordKind; id: string } | null {
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const kind = value.slice(0, colon) as RecordKind;
  return RECORD_KINDS.includes(kind) ? { kind, id: value.slice(colon + 1) } : null;
}

/** JSON with object keys sorted, so equal records give equal text whatever order their keys were set in. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof Uint8Array) return JSON.stringify(Array.from(value));
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether two versions of a record say the same to the learner. A note's modification and added
 * times and a new, never answered card's position in the new queue tell when it was stored, not
 * what it holds: two devices that installed the same built-in decks at different times hold the same notes.
 */
export function sameMeaning(kind: RecordKind, a: unknown, b: unknown): boolean {
  return stableJson(meaningOf(kind, a)) === stableJson(meaningOf(kind, b));
}

function meaningOf(kind: RecordKind, data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  const record = data as Record<string, unknown>;
  if (kind === 'note') return { ...record, modified: undefined, added: undefined };
  const base = record.base as { state?: unknown; reps?: unknown } | undefined;
  if (kind === 'card' && base && typeof base === 'object' && base.state === 0 && base.reps === 0) return { ...record, base: { ...base, due: undefined } };
  return data;
}

/**
 * The version that stays when several exist: the latest stamp, then the larger revision, so
 * every device picks the same one without talking to the others.
 */
export function pickWinner<T extends Pick<RecordDoc, 'stamp' | '_rev'>>(versions: readonly T[]): { winner: T; losers: T[] } {
  if (versions.length === 0) throw new Error('pickWinner needs at least one version');
  const sorted = [...versions].sort((a, b) =>
    a.stamp !== b.stamp ? (a.stamp < b.stamp ? 1 : -1) : (a._rev ?? '') < (b._rev ?? '') ? 1 : (a._rev ?? '') > (b._rev ?? '') ? -1 : 0,
  );
  const [winner, ...losers] = sorted as [T, ...T[]];
  return { winner, losers };
}

/**
 * Two decks of the same name, made on two devices, become one: the smaller id stays, so every
 * device keeps the same one without asking the others.
 */
export function keptDeckId(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * Whether a deck given up for its namesake held settings the kept deck does not: its own exam,
 * option overrides, preset or description. Those are kept as a lost version; the name (the same
 * but for case), today's extra limits and the id are not the learner's to miss.
 */
export function givenUpDeckDiffers(given: object, kept: object): boolean {
  const settings = (deck: object) => {
    const { description, options, presetId, filtered } = deck as Record<string, unknown>;
    return stableJson({ description, options: options ?? {}, presetId, filtered });
  };
  return settings(given) !== settings(kept);
}

/** A version that lost to a later edit on another device, kept so the learner can see it. */
export interface LostVersion {
  /** `history:<record doc id>@<stamp of the lost version>`: the same on every device that finds it. */
  id: string;
  recordId: string;
  kind: RecordKind;
  lost: unknown;
  lostStamp: Stamp;
  lostGone: boolean;
  winnerStamp: Stamp;
}

export function lostVersion(loser: RecordDoc, winner: RecordDoc): LostVersion {
  return {
    id: `${loser._id}@${loser.stamp}`,
    recordId: loser._id,
    kind: loser.kind,
    lost: loser.data ?? null,
    lostStamp: loser.stamp,
    lostGone: loser.gone === true,
    winnerStamp: winner.stamp,
  };
}
