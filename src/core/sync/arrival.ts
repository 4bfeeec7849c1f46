import { parseStamp } from './hlc';
import { parseDocId, type RecordKind } from './records';

/**
 * How far ahead of this device a stamp may be. Further is a broken or hostile clock: taking it
 * would carry this device's clock (and every later edit's stamp) into the future with it.
 */
export const MAX_STAMP_AHEAD_MS = 24 * 60 * 60 * 1000;

/** The field of a record that names it, which must be the id its document is filed under. */
const NAMED_BY: Record<RecordKind, string> = {
  deck: 'id',
  noteType: 'id',
  note: 'id',
  setting: 'key',
  media: 'name',
  attempt: 'id',
  card: 'id',
  review: 'id',
  history: 'id',
};

/**
 * Why a document that arrived by sync cannot be a record of this collection, or null when its
 * envelope is sound: a kind Kioku keeps, the kind its id names, a real clock stamp not far in the
 * future, and a record filed under its own id (another client must not overwrite deck A by
 * sending it as deck B). What the record holds is checked by its kind's own rules.
 */
export function arrivalProblem(doc: unknown, now: number): string | null {
  if (doc === null || typeof doc !== 'object') return 'it is not a record';
  const { _id, kind, stamp, gone, data } = doc as Record<string, unknown>;
  if (typeof _id !== 'string') return 'it has no id';
  const filed = parseDocId(_id);
  if (!filed) return 'it is not a kind of record Kioku keeps';
  if (kind !== filed.kind) return `its kind (${JSON.stringify(kind)?.slice(0, 40)}) is not the one its id names`;
  if (typeof stamp !== 'string') return 'it has no clock stamp';
  let wall: number;
  try {
    wall = parseStamp(stamp).wall;
  } catch {
    return 'its clock stamp is not one';
  }
  if (wall > now + MAX_STAMP_AHEAD_MS) return 'its clock stamp is more than a day ahead of this device';
  if (gone !== undefined && gone !== true) return 'its deletion mark is not true';
  if (gone === true) return null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'it holds no record';
  const name = (data as Record<string, unknown>)[NAMED_BY[filed.kind]];
  if (name !== filed.id) return `it holds ${filed.kind} ${JSON.stringify(name)?.slice(0, 80)} under the id of ${filed.kind} ${filed.id}`;
  return null;
}
