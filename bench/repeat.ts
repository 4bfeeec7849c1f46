/** Runs `fn` a few times unmeasured (JIT, caches), then `times` times measured; returns each duration in ms. */
export async function timed(fn: () => unknown, times: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Alternates figure and floor run by run, so both see the same machine load. */
export async function timedPair(figure: () => unknown, floor: () => unknown, times: number, warmup = 2): Promise<{ figure: number[]; floor: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await figure();
    await floor();
  }
  const result = { figure: [] as number[], floor: [] as number[] };
  for (let i = 0; i < times; i++) {
    let started = performance.now();
    await figure();
    result.figure.push(performance.now() - started);
    started = performance.now();
    await floor();
    result.floor.push(performance.now() - started);
  }
  return result;
}
