/** A deck file that cannot be loaded; the message names the file and where in it the problem is. */
export class DeckFormatError extends Error {
  constructor(
    readonly fileName: string,
    /** `notes[3].fields[1]` or `line 4, column 7`. */
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${where}: ${problem}`);
    this.name = 'DeckFormatError';
  }
}
