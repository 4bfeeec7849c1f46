import { readFileSync } from 'node:fs';
import { readDeckFile, type ReadFile } from '../core/files/read-file';
import { defaultDayRules } from '../core/scheduling/day';
import { CliError } from './output';

/**
 * Reads any deck file the command line is given; the same readers as the app's Import screen
 * (the renderer's transfer module is plain TypeScript, so Node runs it too).
 */
export async function readInputFile(file: string, withScheduling: boolean): Promise<ReadFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new CliError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return readDeckFile(bytes, file, { withScheduling, dayRules: defaultDayRules() });
}
