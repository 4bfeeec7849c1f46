import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('kioku command line', { timeout: 30_000 }, () => {
  it('an unknown command prints the usage and exits 1', () => {
    const result = runCli('frobnicate');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('build-decks');
  });
});
