/**
 * Python difflib's SequenceMatcher opcodes (no junk function, autojunk on), which Anki's type-in
 * comparison uses through the Rust port of difflib. Written here because the npm port of difflib
 * does not run in a strict-mode bundle (it assigns to functions' read-only `name`).
 */

export type Opcode = ['equal' | 'replace' | 'delete' | 'insert', number, number, number, number];

type Block = [number, number, number];

function indexesOf<T>(b: readonly T[]): Map<T, number[]> {
  const b2j = new Map<T, number[]>();
  b.forEach((element, j) => {
    const list = b2j.get(element);
    if (list) list.push(j);
    else b2j.set(element, [j]);
  });
  // difflib's autojunk: in 200 or more elements, those making up over 1% are not matched on.
  if (b.length >= 200) {
    const most = Math.floor(b.length / 100) + 1;
    for (const [element, list] of b2j) if (list.length > most) b2j.delete(element);
  }
  return b2j;
}

function longestMatch<T>(a: readonly T[], b: readonly T[], b2j: Map<T, number[]>, alo: number, ahi: number, blo: number, bhi: number): Block {
  let [besti, bestj, bestsize] = [alo, blo, 0];
  let j2len = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (const j of b2j.get(a[i]!) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (j2len.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
    }
    j2len = next;
  }
  // Elements left out as popular still extend a match on either side, as in difflib.
  while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) [besti, bestj, bestsize] = [besti - 1, bestj - 1, bestsize + 1];
  while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
  return [besti, bestj, bestsize];
}

function matchingBlocks<T>(a: readonly T[], b: readonly T[]): Block[] {
  const b2j = indexesOf(b);
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  const blocks: Block[] = [];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const block = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
    const [i, j, k] = block;
    if (k === 0) continue;
    blocks.push(block);
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const joined: Block[] = [];
  let [i1, j1, k1] = [0, 0, 0];
  for (const [i2, j2, k2] of blocks) {
    if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
    else {
      if (k1) joined.push([i1, j1, k1]);
      [i1, j1, k1] = [i2, j2, k2];
    }
  }
  if (k1) joined.push([i1, j1, k1]);
  joined.push([a.length, b.length, 0]);
  return joined;
}

/** How to turn `a` into `b`, as difflib's get_opcodes. */
export function opcodes<T>(a: readonly T[], b: readonly T[]): Opcode[] {
  const result: Opcode[] = [];
  let [i, j] = [0, 0];
  for (const [ai, bj, size] of matchingBlocks(a, b)) {
    const tag = i < ai && j < bj ? 'replace' : i < ai ? 'delete' : j < bj ? 'insert' : null;
    if (tag) result.push([tag, i, ai, j, bj]);
    [i, j] = [ai + size, bj + size];
    if (size) result.push(['equal', ai, i, bj, j]);
  }
  return result;
}
