import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { EXPORT_FORMATS, formatFromName, type ExportFormat } from '../../core/files/formats';
import { writeDeckFile } from '../../core/files/write-file';
import { countCards } from '../../core/decks';
import { describeSkipped } from '../../core/formats/skipped';
import { defaultDayRules } from '../../core/scheduling/day';
import { readInputFile } from '../readers';
import { CliError, type CommandOutput } from '../output';

const USAGE = 'usage: kioku convert IN OUT [--with-scheduling]';

function outputFormat(file: string): ExportFormat {
  const format = formatFromName(file);
  if (format === 'kioku-notes') throw new CliError(`${file}: Markdown notes are input only; write .json, .csv, .tsv, .apkg or .kioku-backup`);
  if (format === null || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`${file}: unknown output format (expected .json, .csv, .tsv, .apkg or .kioku-backup)`);
  }
  return format as ExportFormat;
}

/** Converts a deck file between formats, chosen by extension. Nothing is written unless the input reads cleanly. */
export async function convert(args: readonly string[]): Promise<CommandOutput> {
  const withScheduling = args.includes('--with-scheduling');
  const files = args.filter((arg) => arg !== '--with-scheduling');
  const unknownFlag = files.find((arg) => arg.startsWith('--'));
  if (unknownFlag) throw new CliError(`unknown option ${unknownFlag}; ${USAGE}`);
  const [input, output] = files;
  if (input === undefined || output === undefined || files.length !== 2) throw new CliError(USAGE);
  const format = outputFormat(output);
  const { data, warnings, skipped } = await readInputFile(input, withScheduling);
  const bytes = await writeDeckFile(data, format, { withScheduling, dayRules: defaultDayRules() });
  // Written beside the target and renamed over it, so a failure never leaves half a file.
  const temporary = `${output}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, output);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const scheduling = withScheduling ? `, ${data.reviews?.length ?? 0} reviews` : '';
  return {
    stdout: [`wrote ${output}: ${data.decks.length} decks, ${data.notes.length} notes, ${countCards(data)} cards${scheduling}, ${data.media?.length ?? 0} media files`],
    stderr: [...warnings, ...skipped.map((item) => `${input}: skipped ${describeSkipped(item)}`)],
  };
}
