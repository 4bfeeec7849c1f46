/**
 * The one error every reader throws for a bad file. The message always names the file and
 * where in it the problem is, because the learner has to find and fix it themselves.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly fileName: string;
  readonly where: string | null;

  constructor(fileName: string, where: string | null, problem: string) {
    super(where ? `${fileName}, ${where}: ${problem}` : `${fileName}: ${problem}`);
    this.fileName = fileName;
    this.where = where;
  }
}

/** Thrown when the caller cancels through its AbortSignal; matches the DOM's AbortError by name. */
export class ImportAbortedError extends Error {
  override readonly name = 'AbortError';

  constructor(fileName: string) {
    super(`${fileName}: cancelled`);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw new ImportAbortedError(fileName);
}
