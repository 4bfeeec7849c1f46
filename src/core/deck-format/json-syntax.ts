/**
 * Finds where JSON text first goes wrong, for an error message with line and column.
 * Only called after JSON.parse has failed, whose own messages give no line and not always a position.
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  problem: string;
}

export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem {
  let at = 0;
  const fail = (problem: string): never => {
    throw new SyntaxProblem(at, problem);
  };
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++;
  };
  const describe = (): string => (at >= text.length ? 'the text ends' : `found ${JSON.stringify(text[at])}`);
  const expect = (literal: string): void => {
    if (text.startsWith(literal, at)) at += literal.length;
    else fail(`expected ${literal}, ${describe()}`);
  };
  const string = (): void => {
    at++;
    while (at < text.length && text[at] !== '"') {
      const ch = text.charCodeAt(at);
      if (ch < 0x20) fail('control character inside a string');
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('bad \\u escape');
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail('bad escape in a string');
      }
      at++;
    }
    if (at >= text.length) fail('unterminated string');
    at++;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[at];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return expect('true');
    if (ch === 'f') return expect('false');
    if (ch === 'n') return expect('null');
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (number) at += number[0].length;
    else fail(`expected a value, ${describe()}`);
  };
  const object = (): void => {
    at++;
    skipSpace();
    if (text[at] === '}') {
      at++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail(`expected a property name in double quotes, ${describe()}`);
      string();
      skipSpace();
      expect(':');
      value();
      skipSpace();
      if (text[at] === ',') at++;
      else if (text[at] === '}') return void at++;
      else fail(`expected , or } after a property value, ${describe()}`);
    }
  };
  const array = (): void => {
    at++;
    skipSpace();
    if (text[at] === ']') {
      at++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text[at] === ',') at++;
      else if (text[at] === ']') return void at++;
      else fail(`expected , or ] after an array element, ${describe()}`);
    }
  };

  try {
    value();
    skipSpace();
    if (at < text.length) fail(`unexpected text after the JSON value, ${describe()}`);
    return { ...lineAndColumn(text, 0), problem: 'invalid JSON' };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ...lineAndColumn(text, error.offset), problem: error.problem };
  }
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
