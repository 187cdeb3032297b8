/**
 * Where a JSON text goes wrong, as line and column, in plain English.
 *
 * `JSON.parse` reports syntax errors differently in every engine (V8 gives a character offset
 * in some messages and none in others; Outlook's runtimes vary again), so when it fails we
 * walk the text ourselves to find the first mistake. The walk is only a checker: it builds
 * nothing, and it runs only after `JSON.parse` has already failed.
 */

export interface JsonSyntaxError {
  line: number;
  column: number;
  /** What was expected and what was found: "expected a comma or }, found "\"name\""". */
  message: string;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

class Fail extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

function describeFound(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const ch = text[at]!;
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  const word = /^[A-Za-z0-9_.+-]+/.exec(text.slice(at, at + 20))?.[0];
  return `'${word && word.length > 1 ? word : ch}'`;
}

/** Walks one JSON value and reports the first place it breaks the grammar (RFC 8259). */
function checkSyntax(text: string): Fail | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') {
          if (text[i] === '}') throw new Fail(i, 'another "name": value after the comma (a comma cannot come before })');
          throw new Fail(i, 'a field name in double quotes');
        }
        string();
        ws();
        if (text[i] !== ':') throw new Fail(i, 'a colon after the field name');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        throw new Fail(i, 'a comma or }');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        ws();
        if (text[i] === ']') throw new Fail(i, 'another value after the comma (a comma cannot come before ])');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        throw new Fail(i, 'a comma or ]');
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    if (ch === "'") throw new Fail(i, 'text in double quotes (JSON does not allow single quotes)');
    throw new Fail(i, 'a value: text in double quotes, a number, true, false, null, a list [ ] or an object { }');
  };
  const string = (): void => {
    const start = i;
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch === '\\') {
        if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i, i + 6))) throw new Fail(i, 'a valid escape such as \\" or \\n after the backslash');
        i += text[i + 1] === 'u' ? 6 : 2;
        continue;
      }
      if (ch === '\n' || ch === '\r') throw new Fail(start, 'a closing double quote on the same line');
      i++;
    }
    throw new Fail(start, 'a closing double quote');
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Fail(i, 'the end of the file after the closing }');
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e;
    throw e;
  }
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** Parse JSON; on failure say where (1-based line and column) and what was expected. A leading BOM is ignored. */
export function parseJson(input: string): ParsedJson {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (parseError) {
    const fail = checkSyntax(text);
    if (!fail) {
      // Our walk found nothing (a limit of the engine, such as nesting depth): pass on its words.
      return { ok: false, error: { line: 1, column: 1, message: String((parseError as Error).message) } };
    }
    const { line, column } = lineAndColumn(text, fail.at);
    return { ok: false, error: { line, column, message: `expected ${fail.expected}, found ${describeFound(text, fail.at)}` } };
  }
}
