import { fileURLToPath } from 'node:url';
import { buildDecks } from './commands/build-decks';
import { inspect } from './commands/inspect';
import { DeckFormatError } from '../core/deck-format';
import { NotesFileError } from '../core/decks';
import { CliError, type CommandOutput } from './output';

const USAGE = `usage: kioku <command>
  build-decks    write decks/*.json from decks/notes/*.md
  inspect FILE   summarise a Kioku deck (.json) or notes (.md) file as one JSON object`;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function run(argv: readonly string[]): CommandOutput {
  const [command, ...args] = argv;
  switch (command) {
    case 'build-decks':
      return buildDecks(args, repoRoot);
    case 'inspect':
      return inspect(args);
    case undefined:
    case 'help':
    case '--help':
      return { stdout: [USAGE], stderr: [] };
    default:
      return { stdout: [], stderr: [`kioku: unknown command "${command}"`, USAGE], exitCode: 1 };
  }
}

try {
  const output = run(process.argv.slice(2));
  for (const line of output.stdout) process.stdout.write(`${line}\n`);
  for (const line of output.stderr) process.stderr.write(`${line}\n`);
  process.exitCode = output.exitCode ?? 0;
} catch (error) {
  // Known failures (bad file, bad arguments) carry a message naming the file: that one line is the whole report.
  const known = error instanceof CliError || error instanceof DeckFormatError || error instanceof NotesFileError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kioku: ${known ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
