import type { Random } from './random';

/** One way of damaging a file's bytes, named so a failure says which damage broke Kioku. */
export interface ByteMutation {
  name: string;
  apply(bytes: Uint8Array, random: Random): Uint8Array;
}

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.int(256));
}

/** Byte sequences that are not valid UTF-8: a lone continuation, an overlong slash, a surrogate, a cut-off sequence, 0xFF. */
const INVALID_UTF8 = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe3, 0x81], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]];

export const BYTE_MUTATIONS: readonly ByteMutation[] = [
  { name: 'empty file', apply: () => new Uint8Array(0) },
  { name: 'truncated', apply: (bytes, random) => bytes.slice(0, random.int(bytes.length)) },
  { name: 'cut at the end', apply: (bytes, random) => bytes.slice(0, Math.max(0, bytes.length - 1 - random.int(64))) },
  {
    name: 'bytes flipped',
    apply: (bytes, random) => {
      const out = bytes.slice();
      for (let n = 1 + random.int(8); n > 0; n--) {
        const at = random.int(out.length);
        out[at] = out[at]! ^ (1 << random.int(8));
      }
      return out;
    },
  },
  {
    name: 'range overwritten with noise',
    apply: (bytes, random) => {
      const at = random.int(bytes.length);
      const length = Math.min(bytes.length - at, 1 + random.int(256));
      return splice(bytes, at, length, randomBytes(random, length));
    },
  },
  {
    name: 'range zeroed',
    apply: (bytes, random) => {
      const out = bytes.slice();
      const at = random.int(out.length);
      out.fill(0, at, at + 1 + random.int(512));
      return out;
    },
  },
  { name: 'noise inserted', apply: (bytes, random) => splice(bytes, random.int(bytes.length + 1), 0, randomBytes(random, 1 + random.int(64))) },
  {
    name: 'range deleted',
    apply: (bytes, random) => {
      const at = random.int(bytes.length);
      return splice(bytes, at, Math.min(bytes.length - at, 1 + random.int(128)), new Uint8Array(0));
    },
  },
  {
    name: 'range duplicated',
    apply: (bytes, random) => {
      const at = random.int(bytes.length);
      return splice(bytes, at, 0, bytes.slice(at, at + 1 + random.int(256)));
    },
  },
  { name: 'invalid UTF-8 inserted', apply: (bytes, random) => splice(bytes, random.int(bytes.length + 1), 0, Uint8Array.from(random.pick(INVALID_UTF8))) },
  { name: 'noise only', apply: (_bytes, random) => randomBytes(random, 1 + random.int(2048)) },
];
