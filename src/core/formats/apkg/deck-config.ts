import { migrateParameters } from 'ts-fsrs';
import type { DeckOptions } from '../../scheduling/options';
import { checkDeckOptions } from '../../scheduling/options';
import { checkFsrsParameters } from '../../scheduling/parameters';
import { readProtobuf, type ProtoValue } from './protobuf';

/**
 * The FSRS part of an Anki deck config (preset): the parameters, the desired retention and, with
 * FSRS-6's parameters, the decay (w[20]). Anki keeps FSRS-4's 17, FSRS-5's 19 and FSRS-6's 21
 * parameters side by side and uses the newest present; so does Kioku, migrating older ones to 21.
 */
export type DeckConfigFsrs = Pick<DeckOptions, 'fsrsParameters' | 'desiredRetention'>;

export interface DeckConfigRead {
  options: Partial<DeckConfigFsrs>;
  /** Why a value was left out; the deck then keeps Kioku's defaults for it. */
  problems: string[];
}

/** `DeckConfig.Config` field numbers in Anki's `deck_config.proto`. */
const FIELD = { fsrsParams4: 3, fsrsParams5: 5, fsrsParams6: 6, desiredRetention: 37 } as const;
/** The same values' keys in a legacy (schema 11) `dconf` entry. */
const LEGACY = { fsrsParams4: 'fsrsWeights', fsrsParams5: 'fsrsParams5', fsrsParams6: 'fsrsParams6', desiredRetention: 'desiredRetention' } as const;

/** Anki rounds parameters to four decimals; a float32 read back needs the same to compare equal. */
function fourDecimals(values: readonly number[]): number[] {
  return values.map((value) => Math.round(value * 10_000) / 10_000);
}

function fromCandidates(candidates: readonly (readonly number[] | undefined)[], desiredRetention: unknown): DeckConfigRead {
  const problems: string[] = [];
  const options: Partial<DeckConfigFsrs> = {};
  const newest = candidates.find((list) => list !== undefined && list.length > 0);
  if (newest) {
    const valid = newest.every((value) => typeof value === 'number' && Number.isFinite(value)) && [17, 19, 21].includes(newest.length);
    // Only older lists are migrated: migrating also clamps, which would hide a malformed FSRS-6 value.
    const parameters = !valid ? null : fourDecimals(newest.length === 21 ? newest : migrateParameters([...newest]));
    const problem = parameters ? checkFsrsParameters(parameters) : `FSRS parameters must be 17, 19 or 21 numbers, got ${JSON.stringify(newest)}`;
    if (problem || !parameters) problems.push(problem ?? 'FSRS parameters are malformed');
    else options.fsrsParameters = parameters;
  }
  if (desiredRetention !== undefined && desiredRetention !== 0) {
    const value = typeof desiredRetention === 'number' ? Math.round(desiredRetention * 1000) / 1000 : NaN;
    const problem = checkDeckOptions({ desiredRetention: value })[0];
    if (problem) problems.push(problem);
    else options.desiredRetention = value;
  }
  return { options, problems };
}

/** Reads a legacy `dconf` entry (schema 11 JSON). */
export function fsrsFromLegacyConfig(entry: unknown): DeckConfigRead {
  if (typeof entry !== 'object' || entry === null) return { options: {}, problems: ['deck config is not an object'] };
  const record = entry as Record<string, unknown>;
  const list = (key: string): number[] | undefined => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? (value as number[]) : [Number.NaN];
  };
  return fromCandidates([list(LEGACY.fsrsParams6), list(LEGACY.fsrsParams5), list(LEGACY.fsrsParams4)], record[LEGACY.desiredRetention]);
}

function floats(value: ProtoValue | undefined): number[] | undefined {
  if (!(value instanceof Uint8Array)) return undefined;
  if (value.length % 4 !== 0) return [Number.NaN];
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  return Array.from({ length: value.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** Reads the `config` blob of a `deck_config` row (schema 18, `DeckConfig.Config`). */
export function fsrsFromProtoConfig(bytes: Uint8Array): DeckConfigRead {
  let fields: Map<number, ProtoValue[]>;
  try {
    fields = readProtobuf(bytes, { fixed32AsFloat: true });
  } catch (error) {
    return { options: {}, problems: [`deck config is damaged (${(error as Error).message})`] };
  }
  const retention = fields.get(FIELD.desiredRetention)?.[0];
  return fromCandidates(
    [floats(fields.get(FIELD.fsrsParams6)?.[0]), floats(fields.get(FIELD.fsrsParams5)?.[0]), floats(fields.get(FIELD.fsrsParams4)?.[0])],
    retention,
  );
}

/** The keys to set in a legacy `dconf` entry so Anki reads the deck's FSRS parameters and desired retention. */
export function legacyConfigFsrs(options: DeckConfigFsrs): Record<string, unknown> {
  return {
    [LEGACY.desiredRetention]: options.desiredRetention,
    ...(options.fsrsParameters ? { [LEGACY.fsrsParams6]: [...options.fsrsParameters] } : {}),
  };
}

function key(field: number, wire: number): number[] {
  const bytes: number[] = [];
  let value = field * 8 + wire;
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

/** The `DeckConfig.Config` fields (protobuf) carrying the deck's FSRS parameters and desired retention. */
export function protoConfigFsrs(options: DeckConfigFsrs): Uint8Array {
  const out: number[] = [];
  const float32 = (value: number): number[] => {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, value, true);
    return [...new Uint8Array(view.buffer)];
  };
  if (options.fsrsParameters) {
    const packed = options.fsrsParameters.flatMap(float32);
    out.push(...key(FIELD.fsrsParams6, 2), packed.length, ...packed);
  }
  out.push(...key(FIELD.desiredRetention, 5), ...float32(options.desiredRetention));
  return Uint8Array.from(out);
}
