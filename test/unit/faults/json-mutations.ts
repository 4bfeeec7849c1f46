import { MAX_FIELD_CHARS } from '../../../src/core/formats';
import type { Random } from './random';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in the document a value sits, so a mutation can hit any field of any note, card or deck. */
function pathsIn(value: Json, path: Path = []): Path[] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsIn(item, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...path, key]))];
  return here;
}

function parentOf(root: Json, path: Path): { parent: Json[] | Record<string, Json>; key: string | number } {
  let parent = root;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step]!;
  return { parent: parent as Json[] | Record<string, Json>, key: path.at(-1)! };
}

function setAt(root: Json, path: Path, value: Json): void {
  const { parent, key } = parentOf(root, path);
  (parent as Record<string | number, Json>)[key] = value;
}

function removeAt(root: Json, path: Path): void {
  const { parent, key } = parentOf(root, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

function getAt(root: Json, path: Path): Json {
  const { parent, key } = parentOf(root, path);
  return (parent as Record<string | number, Json>)[key]!;
}

/** Values of the wrong type, out of range, or far too big, for any place in the document. */
const HOSTILE_VALUES: readonly (() => Json)[] = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 0.5,
  () => 1e308,
  () => -1e308,
  () => 2 ** 64,
  () => '',
  () => '5',
  () => '../../../etc/passwd',
  () => 'C:\\Windows\\win.ini',
  () => '\u0000',
  () => '{{c1::',
  () => '\ud800',
  () => 'x'.repeat(MAX_FIELD_CHARS + 1),
  () => [],
  () => [null],
  () => ({}),
  () => ({ id: 1 }),
];

/** A structural change to a parsed JSON document; returns the damaged document's text. */
export interface JsonMutation {
  name: string;
  apply(document: Json, random: Random): string;
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export const JSON_MUTATIONS: readonly JsonMutation[] = [
  {
    name: 'value replaced with a hostile one',
    apply(document, random) {
      const paths = pathsIn(document);
      if (paths.length === 0) return JSON.stringify(random.pick(HOSTILE_VALUES)());
      setAt(document, random.pick(paths), random.pick(HOSTILE_VALUES)());
      return JSON.stringify(document);
    },
  },
  {
    name: 'value removed',
    apply(document, random) {
      const paths = pathsIn(document);
      if (paths.length === 0) return '';
      removeAt(document, random.pick(paths));
      return JSON.stringify(document);
    },
  },
  {
    name: 'array item duplicated',
    apply(document, random) {
      const arrays = pathsIn(document).filter((path) => Array.isArray(getAt(document, path)) && (getAt(document, path) as Json[]).length > 0);
      if (arrays.length === 0) return `[${JSON.stringify(document)}, ${JSON.stringify(document)}]`;
      const list = getAt(document, random.pick(arrays)) as Json[];
      list.push(structuredClone(random.pick(list)));
      return JSON.stringify(document);
    },
  },
  {
    name: 'two values swapped',
    apply(document, random) {
      const leaves = pathsIn(document).filter((path) => typeof getAt(document, path) !== 'object');
      if (leaves.length === 0) return JSON.stringify(document);
      const [a, b] = [random.pick(leaves), random.pick(leaves)];
      const [valueA, valueB] = [getAt(document, a), getAt(document, b)];
      setAt(document, a, valueB);
      setAt(document, b, valueA);
      return JSON.stringify(document);
    },
  },
  {
    name: 'unknown keys added',
    apply(document, random) {
      const objects = pathsIn(document).filter((path) => {
        const value = getAt(document, path);
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      });
      if (objects.length === 0) return JSON.stringify({ constructor: 'hostile', value: document });
      const target = getAt(document, random.pick(objects)) as Record<string, Json>;
      Object.assign(target, { constructor: 'hostile', extra: random.pick(HOSTILE_VALUES)() });
      return JSON.stringify(document);
    },
  },
  {
    name: '__proto__ key',
    apply(document) {
      return JSON.stringify(document).replace('{', '{"__proto__":{"polluted":true,"notes":[]},');
    },
  },
  {
    name: 'deeply nested arrays',
    apply(document, random) {
      const paths = pathsIn(document);
      if (paths.length === 0) return nested(5000 + random.int(200_000));
      setAt(document, random.pick(paths), '@@NESTED@@');
      return JSON.stringify(document).replace('"@@NESTED@@"', nested(5000 + random.int(200_000)));
    },
  },
  {
    name: 'thousands of copies of a note',
    apply(document, random) {
      const root = document as { notes?: Json[] };
      const template = root.notes?.[0];
      if (!template || typeof template !== 'object' || Array.isArray(template)) return JSON.stringify(document);
      const copies = 1000 + random.int(2000);
      for (let i = 0; i < copies; i++) root.notes!.push({ ...template, id: `copy-${i}` });
      return JSON.stringify(document);
    },
  },
];

export function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}
