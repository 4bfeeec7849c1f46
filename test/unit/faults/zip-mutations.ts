import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MAX_UNCOMPRESSED_BYTES } from '../../../src/core/formats';
import { BYTE_MUTATIONS } from './byte-mutations';
import { JSON_MUTATIONS, parseJson } from './json-mutations';
import type { Random } from './random';

/** A change to a zip-based file (Anki package, Kioku backup) made on its entries or its zip structure. */
export interface ZipMutation {
  name: string;
  apply(zip: Uint8Array, random: Random): Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function rezip(zip: Uint8Array, change: (files: Zippable, names: string[]) => void): Uint8Array {
  const files: Zippable = { ...unzipSync(zip) };
  change(files, Object.keys(files).sort());
  return zipSync(files);
}

/** Rewrites a field in every local header and central directory record (e.g. sizes, method). */
function patchRecords(zip: Uint8Array, patch: (view: DataView, at: number, kind: 'local' | 'central') => void): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === LOCAL) patch(view, at, 'local');
    if (signature === CENTRAL) patch(view, at, 'central');
  }
  return bytes;
}

function patchEnd(zip: Uint8Array, patch: (view: DataView, at: number) => void): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === END) {
      patch(view, at);
      break;
    }
  }
  return bytes;
}

/**
 * The other entries plus one whose deflate stream inflates to `size` bytes of zeros while the
 * headers declare only `declared`: the classic bomb that lies about its size.
 */
export function lyingZipBomb(others: Zippable, entryName: string, size: number, declared: number): Uint8Array {
  const zip = zipSync({ ...others, [entryName]: [new Uint8Array(size), { level: 1 }] });
  const name = strToU8(entryName);
  const named = (view: DataView, at: number) => name.every((byte, i) => view.getUint8(at + i) === byte);
  return patchRecords(zip, (view, at, kind) => {
    const nameAt = at + (kind === 'local' ? 30 : 46);
    const nameLength = view.getUint16(at + (kind === 'local' ? 26 : 28), true);
    if (nameLength === name.length && named(view, nameAt)) view.setUint32(at + (kind === 'local' ? 22 : 24), declared, true);
  });
}

/** Zip entries a learner's file must not be able to smuggle in: paths, drive letters, control characters. */
const HOSTILE_NAMES = ['../../evil', '/etc/passwd', 'C:\\evil', 'a\u0000b', '..', 'media/../../x'];

export const ZIP_MUTATIONS: readonly ZipMutation[] = [
  {
    name: 'one entry damaged',
    apply: (zip, random) =>
      rezip(zip, (files, names) => {
        const name = random.pick(names);
        files[name] = random.pick(BYTE_MUTATIONS).apply(files[name] as Uint8Array, random);
      }),
  },
  {
    name: 'one JSON entry changed',
    apply: (zip, random) =>
      rezip(zip, (files, names) => {
        const jsonNames = names.filter((name) => {
          try {
            parseJson(new TextDecoder().decode(files[name] as Uint8Array));
            return true;
          } catch {
            return false;
          }
        });
        if (jsonNames.length === 0) return;
        const name = random.pick(jsonNames);
        const document = parseJson(new TextDecoder().decode(files[name] as Uint8Array));
        files[name] = strToU8(random.pick(JSON_MUTATIONS).apply(document, random));
      }),
  },
  { name: 'one entry removed', apply: (zip, random) => rezip(zip, (files, names) => delete files[random.pick(names)]) },
  {
    name: 'entry with a hostile name added',
    apply: (zip, random) =>
      rezip(zip, (files) => {
        files[random.pick(HOSTILE_NAMES)] = strToU8('{}');
      }),
  },
  {
    name: 'entry renamed to a hostile name',
    apply: (zip, random) =>
      rezip(zip, (files, names) => {
        const name = random.pick(names);
        files[random.pick(HOSTILE_NAMES)] = files[name]!;
        delete files[name];
      }),
  },
  {
    name: 'declared size over the limit',
    apply: (zip, random) => patchRecords(zip, (view, at, kind) => view.setUint32(at + (kind === 'local' ? 22 : 24), MAX_UNCOMPRESSED_BYTES + 1 + random.int(1000), true)),
  },
  {
    name: 'declared size too small',
    apply: (zip) => patchRecords(zip, (view, at, kind) => view.setUint32(at + (kind === 'local' ? 22 : 24), 1, true)),
  },
  {
    name: 'unknown compression method',
    apply: (zip, random) => patchRecords(zip, (view, at) => view.setUint16(at + (view.getUint32(at, true) === LOCAL ? 8 : 10), random.pick([1, 12, 14, 93, 99]), true)),
  },
  { name: 'zip64 marker', apply: (zip) => patchEnd(zip, (view, at) => view.setUint32(at + 16, 0xffffffff, true)) },
  { name: 'entry count far too high', apply: (zip, random) => patchEnd(zip, (view, at) => view.setUint16(at + 10, 1000 + random.int(60_000), true)) },
  { name: 'directory offset past the end', apply: (zip, random) => patchEnd(zip, (view, at) => view.setUint32(at + 16, at + 1 + random.int(1000), true)) },
];
