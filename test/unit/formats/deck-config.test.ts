import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fsrsFromLegacyConfig, fsrsFromProtoConfig, legacyConfigFsrs, protoConfigFsrs } from '../../../src/core/formats/apkg/deck-config';

/** A learner's FSRS-6 parameters as Anki stores them (four decimals), decay 0.2. */
const FITTED = [
  0.1033, 0.2466, 0.4515, 0.7559, 6.5887, 0.6316, 3.2294, 0.001, 1.6, 0.125, 0.6365, 1.4645, 0.0646, 0.2366, 1.6787, 0.6319, 1.7315, 0.5484,
  0.0511, 0.0741, 0.2,
];
const FSRS5 = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621];

/** Protobuf bytes written by hand from Anki's deck_config.proto: field 6 packed floats, field 37 a float. */
function ankiConfigBlob(params6: number[] | null, params5: number[] | null, retention: number): Uint8Array {
  const parts: number[] = [];
  const floats = (values: number[]) => {
    const view = new DataView(new ArrayBuffer(values.length * 4));
    values.forEach((value, i) => view.setFloat32(i * 4, value, true));
    return [...new Uint8Array(view.buffer)];
  };
  parts.push(0x48, 20); // new_per_day = 20 (field 9, varint)
  if (params5) parts.push(0x2a, params5.length * 4, ...floats(params5));
  if (params6) parts.push(0x32, params6.length * 4, ...floats(params6));
  parts.push(0xad, 0x02, ...floats([retention])); // field 37, fixed32
  return Uint8Array.from(parts);
}

describe('FSRS in Anki deck configs', () => {
  it('reads FSRS-6 parameters (with their decay) and the desired retention from a protobuf deck config', () => {
    const read = fsrsFromProtoConfig(ankiConfigBlob(FITTED, FSRS5, 0.87));
    expect(read.problems).toEqual([]);
    expect(read.options.fsrsParameters).toEqual(FITTED);
    expect(read.options.fsrsParameters?.[20]).toBe(0.2);
    expect(read.options.desiredRetention).toBe(0.87);
  });

  it('migrates FSRS-5 parameters when a config has no FSRS-6 ones', () => {
    const read = fsrsFromProtoConfig(ankiConfigBlob(null, FSRS5, 0.9));
    expect(read.options.fsrsParameters).toHaveLength(21);
    expect(read.options.fsrsParameters?.slice(0, 4)).toEqual(FSRS5.slice(0, 4).map((w) => Math.round(Math.fround(w) * 10_000) / 10_000));
  });

  it('reads a legacy dconf entry, preferring fsrsParams6 over fsrsParams5 and fsrsWeights', () => {
    const read = fsrsFromLegacyConfig({ id: 1, name: 'Default', fsrsWeights: default_w.slice(0, 17), fsrsParams5: FSRS5, fsrsParams6: FITTED, desiredRetention: 0.93 });
    expect(read).toEqual({ options: { fsrsParameters: FITTED, desiredRetention: 0.93 }, problems: [] });
  });

  it('keeps the defaults and says why for malformed parameters or retention', () => {
    expect(fsrsFromLegacyConfig({ fsrsParams6: [1, 2, 'x'], desiredRetention: 3 }).options).toEqual({});
    expect(fsrsFromLegacyConfig({ fsrsParams6: [1, 2, 'x'], desiredRetention: 3 }).problems).toHaveLength(2);
    expect(fsrsFromLegacyConfig({ fsrsParams6: FITTED.map((w, i) => (i === 20 ? 9 : w)) }).problems[0]).toMatch(/w\[20\]/);
    expect(fsrsFromLegacyConfig('nonsense').problems).toEqual(['deck config is not an object']);
    expect(fsrsFromProtoConfig(Uint8Array.from([0x32, 50, 1, 2])).problems[0]).toMatch(/damaged/);
    expect(fsrsFromProtoConfig(ankiConfigBlob([Number.NaN, ...FITTED.slice(1)], null, 0.9)).options.fsrsParameters).toBeUndefined();
  });

  it('writes what it reads, for both kinds of deck config', () => {
    const options = { fsrsParameters: FITTED, desiredRetention: 0.85 };
    expect(fsrsFromProtoConfig(protoConfigFsrs(options)).options).toEqual(options);
    expect(fsrsFromLegacyConfig({ id: 1, ...legacyConfigFsrs(options) }).options).toEqual(options);
  });
});
