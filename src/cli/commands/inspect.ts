import { readFileSync } from 'node:fs';
import { countCards } from '../../core/decks';
import { READERS, formatOf } from '../readers';
import { CliError, type CommandOutput } from '../output';

/** One JSON object summarising a deck file or notes file. */
export function inspect(args: readonly string[]): CommandOutput {
  const [file] = args;
  if (file === undefined || args.length !== 1) throw new CliError('usage: kioku inspect FILE');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const format = formatOf(file, bytes);
  const reader = format === null ? undefined : READERS.get(format);
  if (format === null || !reader) {
    throw new CliError(`${file}: unknown file format (expected a Kioku deck .json or a notes .md file)`);
  }
  const { data, warnings } = reader.read(bytes, file);
  const summary = {
    format,
    decks: data.decks.length,
    notes: data.notes.length,
    cards: countCards(data),
    reviews: data.reviews?.length ?? 0,
    deckNames: data.decks.map((deck) => deck.name),
  };
  return { stdout: [JSON.stringify(summary)], stderr: warnings };
}
