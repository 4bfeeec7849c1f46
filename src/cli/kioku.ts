import { fileURLToPath } from 'node:url';
import { buildDecks } from './commands/build-decks';
import { convert } from './commands/convert';
import { inspect } from './commands/inspect';
import { isBadFile } from '../core/files/file-problem';
import { CliError, type CommandOutput } from './output';

const USAGE = `usage: kioku <command>
  build-decks                          write decks/*.json from decks/notes/*.md
  inspect FILE                         summarise a deck file of any format as one JSON object
  convert IN OUT [--with-scheduling]   convert between .json, .csv, .tsv, .md (input only),
                                       .apkg and .kioku-backup, chosen by extension`;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function run(argv: readonly string[]): Promise<CommandOutput> {
  const [command, ...args] = argv;
  switch (command) {
    case 'build-decks':
      return buildDecks(args, repoRoot);
    case 'inspect':
      return inspect(args);
    case 'convert':
      return convert(args);
    case undefined:
    case 'help':
    case '--help':
      return { stdout: [USAGE], stderr: [] };
    default:
      return { stdout: [], stderr: [`kioku: unknown command "${command}"`, USAGE], exitCode: 1 };
  }
}

try {
  const output = await run(process.argv.slice(2));
  for (const line of output.stdout) process.stdout.write(`${line}\n`);
  for (const line of output.stderr) process.stderr.write(`${line}\n`);
  process.exitCode = output.exitCode ?? 0;
} catch (error) {
  // Known failures (bad file, bad arguments) carry a message naming the file: that one line is the whole report.
  const known = error instanceof CliError || isBadFile(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kioku: ${known ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
