/**
 * Tokens with offsets: the first layer of the text model.
 *
 * Why hand-written: the model must run in Outlook's JavaScript-only send-time runtime and in
 * every keystroke's check, so it has to be small, synchronous and linear. compromise's full
 * tagger took 60–70 ms a short release on this machine (ten times our whole check); retext's
 * parser is small but gives no clitics, no negation scope and no quotation spans, which are the
 * parts the rules need. The splitting rules follow the Penn Treebank's conventions for English
 * clitics ("don't" → "do" + "n't", "won't" → "wo" + "n't", "I'm" → "I" + "'m"), so that a phrase
 * written "will not" also matches "won't".
 *
 * Every token keeps offsets into the text it came from; `norm` is what matching reads: lower
 * case, straight apostrophes, and for a clitic the word it stands for ("n't" → "not").
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'email' | 'url';

/** What stands between a token and the one before it. */
export const enum Gap {
  None = 0,
  Space = 1,
  Newline = 2,
  /** A blank line: a new paragraph. */
  Paragraph = 3,
}

export interface Token {
  start: number;
  end: number;
  /** Lower case, apostrophes and quotes straightened; a clitic's full form ("n't" → "not", "'m" → "am"). */
  norm: string;
  kind: TokenKind;
  /** The token starts with a capital letter. */
  capital: boolean;
  /** Two or more letters, all capitals ("URGENT", "NOT"). */
  shout: boolean;
  gapBefore: Gap;
  /** A hyphen joined to both neighbours ("door-knocking"): matching reads through it. */
  joiner: boolean;
  /** For quotation marks: which way it faces, where the character says so (“ opens, ” closes). */
  quoteMark?: 'double' | 'single';
  facing?: 'open' | 'close' | 'either';
}

const CLITICS: Record<string, string> = { "'s": "'s", "'m": 'am', "'re": 'are', "'ve": 'have', "'ll": 'will', "'d": 'would' };
// Words whose negative clitic changes the stem: the stem's own meaning goes in `norm`.
const NEGATIVE_STEMS: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c >= 0xc0 && LETTER.test(String.fromCharCode(c));
}
const LETTER = /\p{L}/u;
const isDigit = (c: number) => c >= 48 && c <= 57;
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff;
}
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bc;
const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
const isDash = (c: number) => c === 0x2013 || c === 0x2014 || c === 0x2212;

/** Two or more letters, all capitals: "URGENT", "NOT". */
function isShout(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) {
      const raw = text.slice(start, end);
      return raw !== raw.toLowerCase() && raw === raw.toUpperCase();
    }
  }
  return true;
}

function straighten(s: string): string {
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 0x2bc) return lower.replace(/[\u2018\u2019\u02bc]/g, "'");
  }
  return lower;
}

/**
 * @summary Split text into tokens with offsets.
 * @param text the text (a body, a subject, an example)
 * @param from where to start (default 0)
 * @param to where to stop (default the end)
 * @returns the tokens in order; white space is not a token but `gapBefore` records it
 * @example tokenize("We won't canvass.").map((t) => t.norm) // ['we', 'will', 'not', 'canvass', '.']
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out = new Tokens(text);
  let i = from;
  let newlines = 2;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) newlines += 1;
      out.gap = newlines >= 2 ? Gap.Paragraph : newlines === 1 ? Gap.Newline : Gap.Space;
      i += 1;
      continue;
    }
    newlines = 0;
    // The run of non-space characters: a word, an address, a number with its punctuation. Web
    // and email addresses are one token each (their dots end no sentence): a run is looked at
    // as one only when it has an "@", a colon, or a dot with something after it.
    let runEnd = i;
    let maybeAddress = false;
    for (; runEnd < to; runEnd++) {
      const d = text.charCodeAt(runEnd);
      if (isSpace(d)) break;
      if (d === 64 || d === 58 || (d === 46 && runEnd > i && runEnd + 1 < to && !isSpace(text.charCodeAt(runEnd + 1)))) maybeAddress = true;
    }
    i = splitRun(text, i, runEnd, out, maybeAddress);
  }
  return out.list;
}

/** The tokens being written: one shape for every token, so that reading them stays fast. */
class Tokens {
  readonly list: Token[] = [];
  gap: Gap = Gap.Space;
  constructor(readonly text: string) {}

  push(start: number, end: number, kind: TokenKind, norm: string, joiner = false, quoteMark?: 'double' | 'single', facing?: 'open' | 'close' | 'either'): void {
    let capital = false;
    let shout = false;
    if (kind === 'word') {
      const text = this.text;
      const first = text.charCodeAt(start);
      capital = first < 128 ? first >= 65 && first <= 90 : text[start] !== text[start]!.toLowerCase();
      if (capital && end - start >= 2) shout = isShout(text, start, end);
    }
    this.list.push({ start, end, norm, kind, capital, shout, gapBefore: this.gap, joiner, quoteMark, facing });
    this.gap = Gap.None;
  }
}

const TRAILING = /(?<![.,;:!?)\]}>"'\u2019\u201d])[.,;:!?)\]}>"'\u2019\u201d]+$/;

function splitRun(text: string, start: number, end: number, out: Tokens, maybeAddress: boolean): number {
  if (maybeAddress && address(text, start, end, out)) return end;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) {
      i = word(text, i, end, out);
      continue;
    }
    // A rule of underscores, equals signs or tildes ("________", a separator line) is one token:
    // nothing reads its characters one by one, and a 200 KB line of them is not 200,000 tokens.
    if ((c === 95 || c === 61 || c === 126) && text.charCodeAt(i + 1) === c) {
      let j = i + 1;
      while (j < end && text.charCodeAt(j) === c) j += 1;
      out.push(i, j, 'punct', text[i]!);
      i = j;
      continue;
    }
    punct(text, i, out, end);
    i += 1;
  }
  return end;
}

/** A run that is a web or email address, with the punctuation around it; false when it is not one. */
function address(text: string, start: number, end: number, out: Tokens): boolean {
  const run = text.slice(start, end);
  const lead = /^[<(["'\u201c\u2018]*/.exec(run)![0].length;
  const body = run.slice(lead);
  if (!/^(?:https?:\/\/|www\.)\S/i.test(body) && !(body.includes('@') && /^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/.test(body))) return false;
  for (let k = 0; k < lead; k++) punct(text, start + k, out);
  const trail = TRAILING.exec(body)?.[0].length ?? 0;
  const coreEnd = end - trail;
  const core = text.slice(start + lead, coreEnd);
  out.push(start + lead, coreEnd, core.includes('@') && !/^https?:/i.test(core) ? 'email' : 'url', core.toLowerCase());
  for (let k = coreEnd; k < end; k++) punct(text, k, out);
  return true;
}

function punct(text: string, at: number, out: Tokens, runEnd = at + 1): void {
  const c = text.charCodeAt(at);
  if (c === 34 || c === 0x201c || c === 0x201d || c === 0x201e) {
    out.push(at, at + 1, 'punct', '"', false, 'double', c === 0x201c || c === 0x201e ? 'open' : c === 0x201d ? 'close' : 'either');
    return;
  }
  if (isApostrophe(c)) {
    out.push(at, at + 1, 'punct', "'", false, 'single', c === 0x2018 ? 'open' : c === 0x2019 ? 'close' : 'either');
    return;
  }
  if (isDash(c)) {
    out.push(at, at + 1, 'punct', '--');
    return;
  }
  if (isHyphen(c)) {
    // Joined to letters on both sides: a compound ("door-knocking"); else a dash or a bullet.
    const before = at > 0 && !isSpace(text.charCodeAt(at - 1));
    const after = at + 1 < runEnd && isLetter(text.charCodeAt(at + 1));
    const double = text.charCodeAt(at + 1) === 45;
    out.push(at, at + 1, 'punct', before && after ? '-' : double ? '--' : '-', before && after);
    return;
  }
  if (c === 0x2026) {
    out.push(at, at + 1, 'punct', '...');
    return;
  }
  const ch = text[at]!;
  out.push(at, at + 1, SYMBOLS.has(ch) ? 'symbol' : 'punct', ch);
}

const SYMBOLS = new Set('£$€%&@#*+=/\\|~^<>');

/** A word or number from `i`; returns where it ends. */
function word(text: string, i: number, end: number, out: Tokens): number {
  const start = i;
  const numeric = isDigit(text.charCodeAt(i));
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) {
      i += 1;
      continue;
    }
    // A dot, comma or colon between digits ("10.30", "1,000", "10:30"); a dot between letters ("e.g", "gov.uk").
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    if ((c === 46 || c === 44 || c === 58) && numeric && isDigit(next) && isDigit(text.charCodeAt(i - 1))) {
      i += 1;
      continue;
    }
    if (c === 46 && !numeric && isLetter(next) && isInitialBefore(text, start, i)) {
      i += 1;
      continue;
    }
    // An apostrophe inside a word: a clitic splits off; a name keeps it (O'Dowd).
    if (isApostrophe(c) && isLetter(next)) {
      const rest = restOfLetters(text, i + 1, end);
      const clitic = "'" + text.slice(i + 1, rest).toLowerCase();
      if (clitic === "'t" && text[i - 1]?.toLowerCase() === 'n') {
        // don't, won't, can't: the stem, then "n't".
        const stem = straighten(text.slice(start, i - 1));
        out.push(start, i - 1, 'word', NEGATIVE_STEMS[stem] ?? stem);
        out.push(i - 1, rest, 'word', 'not');
        return rest;
      }
      if (CLITICS[clitic] !== undefined) {
        pushWord(text, start, i, out);
        out.push(i, rest, 'word', CLITICS[clitic]!);
        return rest;
      }
      i = rest;
      continue;
    }
    break;
  }
  if (numeric) {
    out.push(start, i, 'number', text.slice(start, i).toLowerCase());
    return i;
  }
  pushWord(text, start, i, out);
  return i;
}

function pushWord(text: string, start: number, end: number, out: Tokens): void {
  const norm = straighten(text.slice(start, end));
  // "cannot" is "can" + "not", so that negation and phrases read it as both.
  if (norm === 'cannot') {
    out.push(start, start + 3, 'word', 'can');
    out.push(start + 3, end, 'word', 'not');
    return;
  }
  out.push(start, end, 'word', norm);
}

function restOfLetters(text: string, i: number, end: number): number {
  while (i < end && isLetter(text.charCodeAt(i))) i += 1;
  return i;
}

// "e.g", "i.e", "a.m", "U.K": single letters joined by dots.
function isInitialBefore(text: string, start: number, dot: number): boolean {
  return dot - start === 1 || text.charCodeAt(dot - 2) === 46;
}
