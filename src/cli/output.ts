/** What a command prints; kept apart from printing so commands can be tested without a process. */
export interface CommandOutput {
  stdout: string[];
  stderr: string[];
  /** 0 when absent. */
  exitCode?: number;
}

/** A problem the user caused (bad arguments, bad file); printed as one line, exit code 1. */
export class CliError extends Error {}
