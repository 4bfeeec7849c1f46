/**
 * Just enough protobuf to read the few fields Kioku needs from Anki's schema-18 blobs
 * (note type kind and css, template formats, media entry names). Unknown fields are skipped.
 */
export type ProtoValue = number | Uint8Array;

/**
 * Field number → values in order; varints as numbers, length-delimited fields as bytes. With
 * `fixed32AsFloat`, 32-bit fields are read as floats (Anki's only 32-bit fields, e.g. a deck
 * config's desired retention); otherwise they are skipped.
 */
export function readProtobuf(bytes: Uint8Array, options: { fixed32AsFloat?: boolean } = {}): Map<number, ProtoValue[]> {
  const fields = new Map<number, ProtoValue[]>();
  let at = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('protobuf ends inside a number');
      const byte = bytes[at++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let value: ProtoValue;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = varint();
      if (at + length > bytes.length) throw new Error('protobuf field runs past the end');
      value = bytes.subarray(at, at + length);
      at += length;
    } else if (wire === 1) {
      at += 8;
      continue;
    } else if (wire === 5) {
      if (at + 4 > bytes.length) throw new Error('protobuf field runs past the end');
      at += 4;
      if (!options.fixed32AsFloat) continue;
      value = new DataView(bytes.buffer, bytes.byteOffset + at - 4, 4).getFloat32(0, true);
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function protoString(fields: Map<number, ProtoValue[]>, field: number): string {
  const value = fields.get(field)?.[0];
  return value instanceof Uint8Array ? decoder.decode(value) : '';
}

export function protoNumber(fields: Map<number, ProtoValue[]>, field: number): number {
  const value = fields.get(field)?.[0];
  return typeof value === 'number' ? value : 0;
}
