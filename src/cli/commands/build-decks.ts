import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDeckFiles } from '../deck-files';
import { CliError, type CommandOutput } from '../output';

/** Writes decks/*.json from decks/notes/*.md. Every file is generated before any is written. */
export function buildDecks(args: readonly string[], repoRoot: string): CommandOutput {
  if (args.length > 0) throw new CliError('usage: kioku build-decks');
  const files = generateDeckFiles(repoRoot);
  for (const file of files) {
    // Written beside the target and renamed over it, so a crash never leaves half a deck file.
    const target = join(repoRoot, file.path);
    writeFileSync(`${target}.tmp`, file.text);
    renameSync(`${target}.tmp`, target);
  }
  return {
    stdout: files.length === 0 ? ['no notes files in decks/notes'] : files.map((file) => `wrote ${file.summary}`),
    stderr: files.flatMap((file) => file.warnings),
  };
}
