import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDeckFiles } from '../../../src/cli/deck-files';
import { REPO_ROOT } from './run-cli';

describe('committed deck files', () => {
  it('decks/*.json match what the generator makes from decks/notes/*.md now (run `npm run decks` if not)', () => {
    const files = generateDeckFiles(REPO_ROOT);
    expect(files.map((file) => file.path)).toContain('decks/aws-security.json');
    for (const file of files) {
      expect(readFileSync(join(REPO_ROOT, file.path), 'utf8'), file.path).toBe(file.text);
    }
  });

  it('the real notes generate without warnings', () => {
    expect(generateDeckFiles(REPO_ROOT).flatMap((file) => file.warnings)).toEqual([]);
  });
});
