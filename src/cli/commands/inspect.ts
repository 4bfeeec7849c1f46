import { countCards } from '../../core/decks';
import { describeSkipped } from '../../core/formats/skipped';
import { readInputFile } from '../readers';
import { CliError, type CommandOutput } from '../output';

/** One JSON object summarising a deck file of any format Kioku reads. */
export async function inspect(args: readonly string[]): Promise<CommandOutput> {
  const [file] = args;
  if (file === undefined || args.length !== 1) throw new CliError('usage: kioku inspect FILE');
  const { format, data, warnings, skipped } = await readInputFile(file, true);
  const summary = {
    format,
    decks: data.decks.length,
    notes: data.notes.length,
    cards: countCards(data),
    reviews: data.reviews?.length ?? 0,
    media: data.media?.length ?? 0,
    deckNames: data.decks.map((deck) => deck.name),
    skipped: skipped.map((item) => ({ ...item, message: describeSkipped(item) })),
  };
  return { stdout: [JSON.stringify(summary)], stderr: [...warnings, ...skipped.map((item) => `${file}: skipped ${describeSkipped(item)}`)] };
}
