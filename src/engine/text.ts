/**
 * Text helpers: tell the writer's own words from quoted history, find the signature,
 * and search text with offsets that point back into the body the engine saw.
 *
 * Every function here keeps offsets into the original string: normalisation replaces
 * characters one for one, never changing the length.
 */
import type { Mailbox } from './types.ts';

export interface Span {
  start: number;
  end: number;
}

/** One message quoted in a reply or forward, with the header lines we could read. */
export interface QuotedMessage extends Span {
  kind: 'reply' | 'forward';
  from?: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject?: string;
  /** The quoted header's date line as written ("03 February 2027 15:48"). */
  sent?: string;
  /** Where the quoted message's own body starts (after its header lines). */
  bodyStart: number;
}

export interface BodyLayout {
  /** The writer's own words: body[0, ownEnd). */
  own: Span;
  /** The signature block inside the writer's own words, from the sign-off line, if found. */
  signature?: Span;
  /** The quoted messages, in order (the first is the one replied to or forwarded). */
  quoted: QuotedMessage[];
}

// Every character normaliseChars replaces, and what it becomes.
const TO_NORMALISE = /[\u2018\u2019\u201B\u2032\u201C\u201D\u201F\u2033\u2010-\u2015\u2212\u00A0\u2000-\u200A\u202F\u205F\u3000\r]/g;
function normalChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x2032) return "'";
  if (code === 0x201c || code === 0x201d || code === 0x201f || code === 0x2033) return '"';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  if (code === 13) return '\n';
  return ' ';
}

/**
 * Same-length normalisation: curly quotes, dashes and odd spaces become ASCII. One pass, and a
 * text with nothing to replace is returned as it is (no copy).
 */
export function normaliseChars(text: string): string {
  TO_NORMALISE.lastIndex = 0;
  if (!TO_NORMALISE.test(text)) return text;
  TO_NORMALISE.lastIndex = 0;
  return text.replace(TO_NORMALISE, normalChar);
}

interface Line {
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    let lineEnd = end;
    if (lineEnd > start && text[lineEnd - 1] === '\r') lineEnd -= 1;
    lines.push({ text: text.slice(start, lineEnd), start, end: lineEnd });
    if (end >= to) break;
    start = end + 1;
  }
  return lines;
}

// Markers that open quoted history, as Outlook, Gmail, Apple Mail and Thunderbird write them.
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*original message\s*-{2,}\s*$/i;
// "Forwarded by …" takes the rest of its line, then only spaces after the line ends (one way to read them).
const FORWARD_MARKER =
  /^\s*(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?|-{2,}\s*forwarded e-?mail\s*-{2,})\s*$|^\s*-{2,}\s*forwarded by .*(?:[\n\r\u2028\u2029]\s*)?$/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
// `(?!\s)`: the spaces after the colon are read whole, never shared with the value.
const HEADER_LINE = /^\s*(from|sent|date|to|cc|subject)\s*:\s*(?!\s)(.*)$/i;
// Gmail: "On Fri, 12 Feb 2027 at 14:03, Name <a@b> wrote:"; Apple: "On 26 Feb 2027, at 12:14, Name <a@b> wrote:".
const WROTE_LINE = /^\s*on\b.{4,200}\bwrote:\s*$/i;

/** Parse "Name <a@b>; Other <c@d>" or bare addresses, as quoted headers and the preview write them. */
export function parseAddressList(value: string): Mailbox[] {
  const result: Mailbox[] = [];
  for (const piece of addressPieces(value)) readAddresses(piece, result);
  return result;
}

/** A header value cut at the commas and semicolons that separate addresses (not those inside quotes or brackets). */
function addressPieces(value: string): string[] {
  const pieces: string[] = [];
  let quoted = false;
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '<' || ch === '[') depth++;
    else if ((ch === '>' || ch === ']') && depth > 0) depth--;
    else if ((ch === ',' || ch === ';') && depth === 0) {
      pieces.push(value.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(value.slice(from));
  return pieces;
}

const ADDRESS_CHARS = /^[^\s<>;,"[\]@]+@[^\s<>;,"[\]]+$/;

/** A display name without the quotation marks and spaces around it. */
function withoutQuotes(name: string): string {
  let start = 0;
  let end = name.length;
  while (start < end && /["'\s]/.test(name[start]!)) start++;
  while (end > start && /["'\s]/.test(name[end - 1]!)) end--;
  return name.slice(start, end);
}

/**
 * The mailboxes in one piece of an address list: "Name <address>", Outlook's quoted-header
 * "Name [mailto:address]", or bare addresses. Read by looking for the brackets (linear: no
 * pattern backtracks over the name).
 */
function readAddresses(piece: string, out: Mailbox[]): void {
  let nameFrom = 0;
  let at = 0;
  while (at < piece.length) {
    const angle = piece.indexOf('<', at);
    const mailto = piece.indexOf('[mailto:', at);
    const open = angle < 0 ? mailto : mailto < 0 ? angle : Math.min(angle, mailto);
    if (open < 0) break;
    const isAngle = open === angle;
    const close = piece.indexOf(isAngle ? '>' : ']', open);
    if (close < 0) break;
    const email = piece.slice(open + (isAngle ? 1 : 8), close).trim();
    if (!ADDRESS_CHARS.test(email)) {
      at = open + 1;
      continue;
    }
    const name = withoutQuotes(piece.slice(nameFrom, open));
    out.push(name ? { name, email } : { email });
    nameFrom = at = close + 1;
  }
  // What is left holds no whole bracket: bare addresses, separated by spaces, quotes or a stray bracket.
  for (const word of piece.slice(nameFrom).split(/[\s"<>[\]]+/)) {
    const email = word.startsWith('mailto:') ? word.slice(7) : word;
    if (ADDRESS_CHARS.test(email)) out.push({ email });
  }
}

function parseQuotedHeaders(lines: Line[], from: number): { headers: Record<string, string>; next: number } {
  const headers: Record<string, string> = {};
  let i = from;
  // Allow one blank line between a marker and the header block.
  if (lines[i] && lines[i]!.text.trim() === '' && lines[i + 1] && HEADER_LINE.test(lines[i + 1]!.text)) i += 1;
  let last: string | undefined;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text.replace(/^\s*>\s?/, '');
    const m = HEADER_LINE.exec(text);
    if (m) {
      last = m[1]!.toLowerCase();
      headers[last] = m[2]!.trim();
      continue;
    }
    // A folded header line continues the previous one (long To: lists).
    if (last && /^\s+\S/.test(text) && text.trim() !== '') {
      headers[last] += ' ' + text.trim();
      continue;
    }
    break;
  }
  return { headers, next: i };
}

function isHeaderBlockStart(lines: Line[], i: number): boolean {
  // "From: X" followed within four lines by "Sent:"/"Date:" and "To:" or "Subject:": an Outlook header
  // block with no rule above it (Outlook for Mac, and mobile clients).
  const first = lines[i];
  if (!first || !/^\s*(?:>\s*)?from\s*:/i.test(first.text)) return false;
  let sawDate = false;
  let sawTo = false;
  for (let k = i + 1; k < Math.min(lines.length, i + 6); k++) {
    const t = lines[k]!.text.replace(/^\s*>\s?/, '');
    if (/^\s*(sent|date)\s*:/i.test(t)) sawDate = true;
    if (/^\s*(to|subject)\s*:/i.test(t)) sawTo = true;
  }
  return sawDate && sawTo;
}

function quotedFromHeaders(
  kind: QuotedMessage['kind'],
  start: number,
  headers: Record<string, string>,
  bodyStart: number,
): QuotedMessage {
  const from = headers.from ? parseAddressList(headers.from)[0] ?? nameOnly(headers.from) : undefined;
  return {
    kind,
    start,
    end: start,
    bodyStart,
    from,
    to: headers.to ? parseAddressList(headers.to) : [],
    cc: headers.cc ? parseAddressList(headers.cc) : [],
    subject: headers.subject,
    sent: headers.sent ?? headers.date,
  };
}

function nameOnly(value: string): Mailbox | undefined {
  // "From: Cllr Jane Smith" with no address (Outlook shows names only when it resolved them).
  const name = value.replace(/[<>"]/g, '').trim();
  return name ? { name, email: '' } : undefined;
}

// "-----Original Message-----", "Begin forwarded message", "____", "From:", "On … wrote:", "> ".
const MARKER_INITIALS = new Set(['-', 'b', 'B', '_', 'f', 'F', 'o', 'O', '>']);
const FIRST_VISIBLE = /\S/;

/**
 * Find where the writer's own words end and quoted history begins, and read each quoted
 * message's header lines. A councillor named only in quoted history is not a recipient,
 * and a letterhead inside a quoted message is not the writer's.
 */
export function layoutBody(body: string): BodyLayout {
  const lines = splitLines(body);
  const quoted: QuotedMessage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    // Every marker below starts, after any spaces, with one of these characters: most lines are
    // prose and need none of the patterns tried.
    if (!MARKER_INITIALS.has(FIRST_VISIBLE.exec(t)?.[0] ?? '')) continue;
    let q: QuotedMessage | undefined;
    let consumed = i + 1;
    if (FORWARD_MARKER.test(t)) {
      const { headers, next } = parseQuotedHeaders(lines, i + 1);
      q = quotedFromHeaders('forward', line.start, headers, lines[next]?.start ?? body.length);
      consumed = next;
    } else if (ORIGINAL_MESSAGE.test(t) || (UNDERSCORE_RULE.test(t) && isHeaderBlockStart(lines, i + 1))) {
      const { headers, next } = parseQuotedHeaders(lines, i + 1);
      q = quotedFromHeaders(/^\s*(fw|fwd)\s*:/i.test(headers.subject ?? '') ? 'forward' : 'reply', line.start, headers, lines[next]?.start ?? body.length);
      consumed = next;
    } else if (isHeaderBlockStart(lines, i) && (i === 0 || lines[i - 1]!.text.trim() === '' || quoted.length > 0)) {
      const { headers, next } = parseQuotedHeaders(lines, i);
      q = quotedFromHeaders(/^\s*(fw|fwd)\s*:/i.test(headers.subject ?? '') ? 'forward' : 'reply', line.start, headers, lines[next]?.start ?? body.length);
      consumed = next;
    } else if (WROTE_LINE.test(t) || (/^\s*on\b.{4,200}$/i.test(t) && /^\s*wrote:\s*$/i.test(lines[i + 1]?.text ?? ''))) {
      const joined = WROTE_LINE.test(t) ? t : `${t} ${lines[i + 1]!.text}`;
      // The name after the last comma: "<address>" (its "<" the last before the ">"), a bare address
      // (its first "@" after the first character), or words. `(?!\s)` reads the spaces after the comma
      // whole, and each part is read one way only (no backtracking over a long line).
      const m = /,\s*(?!\s)([^,]*<[^<>]+>|[^\s,][^\s,@]*@[^\s,]+)\s*wrote:\s*$/i.exec(joined) ?? /,\s*(?!\s)([^,]*?[^\s,])\s*wrote:\s*$/i.exec(joined);
      const fromText = m?.[1] ?? '';
      const from = parseAddressList(fromText)[0] ?? nameOnly(fromText);
      consumed = WROTE_LINE.test(t) ? i + 1 : i + 2;
      q = { kind: 'reply', start: line.start, end: line.start, bodyStart: lines[consumed]?.start ?? body.length, from, to: [], cc: [] };
    } else if (/^\s*>/.test(t) && quoted.length === 0 && i > 0) {
      // Bare ">" quoting with no attribution line.
      q = { kind: 'reply', start: line.start, end: line.start, bodyStart: line.start, to: [], cc: [] };
    }
    if (q) {
      const previous = quoted[quoted.length - 1];
      if (previous) previous.end = q.start;
      quoted.push(q);
      i = Math.max(i, consumed - 1);
    }
  }
  const last = quoted[quoted.length - 1];
  if (last) last.end = body.length;
  const ownEnd = quoted[0] ? trimEndIndex(body, quoted[0].start) : trimEndIndex(body, body.length);
  const own = { start: 0, end: ownEnd };
  return { own, signature: findSignature(body, own), quoted };
}

function trimEndIndex(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e -= 1;
  return e;
}

// Sign-offs that open a signature block, in British usage.
// `(?!\s)` after a run of spaces: the run is read whole, not split between two `\s*`.
const SIGN_OFF =
  /^\s*(?!\s)(?:(?:with\s+(?!\s))?(?:kind|best|warm|warmest|many|all\s+the\s+best|good)?\s*(?:regards|wishes|thanks|thank\s+you)|yours\s+(?:sincerely|faithfully|truly|ever)|cheers|sincerely|thanks(?:\s+again)?|regards|best|ta|speak\s+soon)\s*(?:[,.!]\s*)?$/i;

/**
 * The signature block of the writer's own words: from the sign-off line ("Kind regards")
 * or a "-- " delimiter to the end of the own text. When there is no sign-off, a final
 * block of short lines after a blank line that looks like a contact block counts.
 */
function findSignature(body: string, own: Span): Span | undefined {
  const lines = splitLines(body, own.start, own.end);
  // The last sign-off wins ("Thanks" can appear mid-text as its own line rarely; the last is the signature).
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.text;
    // Trimmed first: SIGN_OFF's white space at either end would make a long blank line cost cubic time (issue 16).
    if (/^--\s?$/.test(t) || SIGN_OFF.test(t.trim())) {
      // A sign-off more than 15 lines from the end is running text, not a signature.
      if (lines.length - i > 15) break;
      return { start: lines[i]!.start, end: own.end };
    }
  }
  // No sign-off: a trailing block of 2–8 short lines after a blank line, with contact details.
  let k = lines.length - 1;
  while (k >= 0 && lines[k]!.text.trim() !== '') k -= 1;
  const block = lines.slice(k + 1);
  if (k >= 0 && block.length >= 2 && block.length <= 8 && block.every((l) => l.text.length <= 80)) {
    const text = block.map((l) => l.text).join('\n');
    if (/\b(?:council|tel|phone|mobile|www\.|\.gov\.uk|\d{5}\s?\d{6}|01\d{3}\s?\d{6})/i.test(text)) {
      return { start: block[0]!.start, end: own.end };
    }
  }
  return undefined;
}

/** A match of a pattern in the body, with offsets into the body. */
export interface TextMatch extends Span {
  quote: string;
  groups: (string | undefined)[];
}

/**
 * All matches of `re` (which must have the `g` flag) within `span` of `text`. Matching runs on
 * the same-length normalised text, so curly quotes and non-breaking spaces do not defeat it.
 */
export function findAll(text: string, re: RegExp, span: Span = { start: 0, end: text.length }, normal?: string): TextMatch[] {
  if (!re.global) throw new Error(`findAll needs a global pattern: ${re}`);
  // `normal`: the caller's normaliseChars(text), so that several searches normalise it once.
  const slice = normal !== undefined ? normal.slice(span.start, span.end) : normaliseChars(text.slice(span.start, span.end));
  const out: TextMatch[] = [];
  re.lastIndex = 0;
  for (const m of slice.matchAll(re)) {
    const start = span.start + (m.index ?? 0);
    const end = start + m[0].length;
    out.push({ start, end, quote: text.slice(start, end), groups: m.slice(1) });
  }
  return out;
}

/** Sentences of `span` as offsets: split on . ! ? and blank lines, keeping initials and "Cllr." intact. */
export function sentences(text: string, span: Span = { start: 0, end: text.length }): Span[] {
  const out: Span[] = [];
  const re = SENTENCE;
  re.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  // Trim by offsets rather than by trimming copies: a long draft has thousands of sentences.
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    let first = m.index;
    let last = m.index + m[0].length;
    while (first < last && isWhiteSpace(slice.charCodeAt(first))) first += 1;
    while (last > first && isWhiteSpace(slice.charCodeAt(last - 1))) last -= 1;
    if (last > first) out.push({ start: span.start + first, end: span.start + last });
  }
  return out;
}

const SENTENCE = /[^.!?\n]+(?:(?:\.(?=\S)|(?<=\b(?:Cllr|Mr|Mrs|Ms|Dr|St|No|Cllrs|etc|e\.g|i\.e))\.\s*)[^.!?\n]*)*(?:[.!?]+["')\]]*|\n|$)/g;

/** What String.prototype.trim removes (and `\s` matches): ECMAScript white space and line terminators. */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A finder for a fixed list of lower-case literal stems: which of them occur in a text, in one
 * pass. Testing each stem with `includes` reads a 200 KB draft once per stem; this reads it once.
 *
 * The alternation is longest first, so at each position where some stem starts it reports the
 * longest; the search then resumes one character later, not after the match, so no stem that
 * starts inside another is missed. Every stem that starts at the same position is a prefix of
 * the one reported, so the answer is exact, not approximate.
 *
 * `wordStart`: a stem only counts where it starts a word (`\b` before it). `wholeWord`: where it
 * is a whole word (`\b` either side); then a stem that is a prefix of one found is reported too,
 * so the answer may include a few extra stems but never misses one. `ignoreCase`: the text may be
 * in any case (ASCII case folding, as a pattern with the `i` flag).
 */
export function stemFinder(
  stems: readonly string[],
  options: { wordStart?: boolean; wholeWord?: boolean; ignoreCase?: boolean } = {},
): (text: string) => Set<string> {
  const unique = [...new Set(stems.filter((s) => s !== ''))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return () => new Set();
  const before = options.wordStart || options.wholeWord ? '\\b' : '';
  const after = options.wholeWord ? '\\b' : '';
  // The stems are the engine's own fixed words, never policy data (people-index.ts finds that by words).
  const escaped = unique.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`${before}(?:${escaped.join('|')})${after}`, options.ignoreCase ? 'gi' : 'g');
  return (text) => {
    const longest = new Set<string>();
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      longest.add(options.ignoreCase ? m[0].toLowerCase() : m[0]);
      re.lastIndex = m.index + 1;
    }
    const found = new Set<string>();
    for (const s of unique) {
      for (const l of longest) {
        if (l.startsWith(s)) {
          found.add(s);
          break;
        }
      }
    }
    return found;
  };
}
