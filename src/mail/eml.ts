/**
 * `.eml` (RFC 5322 / MIME) → Draft, with postal-mime for the MIME decoding (multipart,
 * quoted-printable, base64, charsets, RFC 2047 words). Outlook and Thunderbird drafts
 * (`X-Unsent: 1`, a `Bcc:` header, often no `From:`) are drafts like any other.
 *
 * A file that is clearly not an email is rejected with an Error that says what is wrong, rather
 * than becoming an empty draft that passes every check.
 */
import PostalMime from 'postal-mime';
import type { ComposeType, Draft, Mailbox } from '../engine/types.ts';
import { htmlToText } from '../engine/html-text.ts';

type Addr = { name?: string; address?: string; group?: Addr[] };

function mailboxes(list: Addr[] | undefined): Mailbox[] {
  return (list ?? []).flatMap((a) =>
    a.group ? mailboxes(a.group) : a.address ? [{ ...(a.name ? { name: repairWindows1252(a.name) } : {}), email: a.address }] : [],
  );
}

// Reply and forward prefixes as mail clients write them in English and other European languages
// (RE/AW/SV/Antw/Odp…; FW/Fwd/WG/TR/RV/VS/Doorst…), with an optional count ("Re[2]:", "RE(3):").
const COUNT = String.raw`(?:\[\d+\]|\(\d+\))?\s*:`;
const REPLY_PREFIX = new RegExp(`^(?:re|aw|sv|antw|odp|ref|res|rif)${COUNT}`, 'i');
const FORWARD_PREFIX = new RegExp(`^(?:fw|fwd|wg|tr|rv|vs|vb|enc|doorst|pd|fs)${COUNT}`, 'i');

/**
 * What kind of message a subject (and an In-Reply-To header) says this is.
 *
 * @example
 * composeTypeOf('Re[2]: Bins') //=> 'reply'
 * composeTypeOf('WG: Bins') //=> 'forward'
 */
export function composeTypeOf(subject: string, inReplyTo?: string): ComposeType {
  // Tags such as "[EXTERNAL]" may come before the prefix.
  const s = subject.replace(/^\s*(?:\[[^\]]{1,40}\]\s*)*/, '');
  if (FORWARD_PREFIX.test(s)) return 'forward';
  if (REPLY_PREFIX.test(s)) return 'reply';
  // No prefix, but the client recorded which message this answers.
  if (inReplyTo && inReplyTo.trim()) return 'reply';
  return 'new';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 5322 §4.3 obsolete zones.
const ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, BST: 60 };

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * An RFC 5322 date as ISO 8601, keeping the offset it was written with.
 *
 * @example
 * rfc5322ToIso('Tue, 09 Feb 2027 10:12:00 -0400') //=> '2027-02-09T10:12:00-04:00'
 */
export function rfc5322ToIso(value: string): string | undefined {
  const m = /^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(value);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month === -1) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(m[1]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  let offset = 0;
  const zone = m[7];
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else if (zone && ZONES[zone.toUpperCase()] !== undefined) {
    offset = ZONES[zone.toUpperCase()]!;
  }
  const check = new Date(Date.UTC(year, month, day, hour, minute, second));
  if (check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) return undefined;
  const sign = offset < 0 ? '-' : '+';
  return `${year}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

// windows-1252 bytes 0x80–0x9F (WHATWG Encoding index). Some runtimes (Node 20's TextDecoder)
// decode windows-1252 as ISO-8859-1 and leave these as C1 control characters, which never
// belong in mail text: the dash and curly quotes of a Windows draft would vanish.
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Turn C1 control characters left by a windows-1252 decode into the characters the writer typed. */
export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/**
 * The message without a byte-order mark: a UTF-8 mark (EF BB BF) is dropped, a UTF-16 file
 * (FF FE or FE FF) is decoded to text. Some Windows tools save .eml files with one.
 */
export function withoutByteOrderMark(source: string | Uint8Array): string | Uint8Array {
  if (typeof source === 'string') return source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf) return source.subarray(3);
  if (source[0] === 0xff && source[1] === 0xfe) return new TextDecoder('utf-16le').decode(source.subarray(2));
  if (source[0] === 0xfe && source[1] === 0xff) return new TextDecoder('utf-16be').decode(source.subarray(2));
  return source;
}

function toLatin1(source: string | Uint8Array): string {
  if (typeof source === 'string') return source;
  let out = '';
  for (let i = 0; i < source.length; i += 0x8000) out += String.fromCharCode(...source.subarray(i, i + 0x8000));
  return out;
}

/** Reject files that are not an email before MIME decoding could turn them into an empty draft. */
function assertLooksLikeEmail(raw: string): void {
  if (raw.trim() === '') throw new Error('The file is empty: expected an email (headers such as From:, To: and Subject:, then the body).');
  if (raw.startsWith('\xD0\xCF\x11\xE0')) throw new Error('This is an Outlook .msg file, not an .eml: give it the .msg extension.');
  if (raw.startsWith('%PDF')) throw new Error('This is a PDF, not an email.');
  const text = raw.replace(/^From [^\n]*\n/, ''); // an mbox "From " line
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd === -1 ? text : text.slice(0, headerEnd);
  if (/\0/.test(head)) throw new Error('The file holds binary data, not an email: no readable headers at the start.');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (!/^[!-9;-~]+:/.test(firstLine)) {
    throw new Error('No email headers at the start of the file: expected a first line such as "From: …".');
  }
  if (headerEnd === -1 && !/\r?\n$/.test(text)) {
    throw new Error('The headers do not end: no blank line before the body, so the file looks cut short.');
  }
  // A multipart body that runs to the end of the file without its closing boundary was cut short.
  checkMimeTree(raw, raw.length - text.length, raw.length, 0);
}

/** Parts nested deeper than this are not looked into (the parser copes; the check need not go on). */
const MAX_MIME_DEPTH = 40;

/** The header block of the part at raw[start, end) (up to the first blank line) unfolded, and where it ends. */
function partHeaders(raw: string, start: number, end: number): { headers: string; stop: number } {
  const lf = raw.indexOf('\n\n', start);
  const crlf = raw.indexOf('\r\n\r\n', start);
  const candidates = [lf, crlf].filter((i) => i !== -1 && i < end);
  const stop = candidates.length ? Math.min(...candidates) : end;
  return { headers: raw.slice(start, stop).replace(/\r?\n(?=[ \t])/g, ''), stop };
}

/** The Content-Type header's value in an unfolded header block, if any. */
function contentTypeOf(headers: string): string | undefined {
  for (const line of headers.split('\n')) {
    if (line.slice(0, 13).toLowerCase() === 'content-type:') return line.slice(13);
  }
  return undefined;
}

/**
 * Check the MIME structure as a parser reads it: the part at raw[start, end) and, when it is
 * multipart, each of its parts. Only a part's own headers say what it is, so a Content-Type line
 * inside a body (a returned message in a bounce, a forwarded header block) is content, not structure.
 */
function checkMimeTree(raw: string, start: number, end: number, depth: number): void {
  if (depth > MAX_MIME_DEPTH) return;
  const { headers, stop } = partHeaders(raw, start, end);
  const type = contentTypeOf(headers);
  if (!type || !/^\s*multipart\//i.test(type)) return;
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;"]+))/i.exec(type);
  if (!boundary) throw new Error('A multipart MIME part has no boundary parameter, so its parts cannot be read.');
  const marker = `--${(boundary[1] ?? boundary[2])!}`;
  // Delimiter lines: the marker at the start of a line, within this part's body.
  const bodyStart = stop;
  const delimiters: number[] = [];
  let closed = false;
  for (let at = raw.indexOf(marker, bodyStart); at !== -1 && at < end; at = raw.indexOf(marker, at + marker.length)) {
    if (at > 0 && raw[at - 1] !== '\n') continue;
    if (raw.startsWith('--', at + marker.length)) {
      delimiters.push(at);
      closed = true;
      break;
    }
    delimiters.push(at);
  }
  if (!closed && end === raw.length) {
    // RFC 2046 section 5.1.1 caps a boundary at 70 characters: a longer one is not shown.
    const shown = marker.length <= 72 ? ` "${marker}--"` : '';
    throw new Error(`Unterminated MIME: the multipart body never closes its boundary${shown}, so the file looks cut short.`);
  }
  for (let k = 0; k + 1 < delimiters.length; k++) {
    const partStart = raw.indexOf('\n', delimiters[k]!);
    if (partStart === -1 || partStart + 1 >= delimiters[k + 1]!) continue;
    checkMimeTree(raw, partStart + 1, delimiters[k + 1]!, depth + 1);
  }
  // Without a closing boundary (inside a part that is itself closed), the last part runs to this part's end.
  if (!closed && delimiters.length) {
    const partStart = raw.indexOf('\n', delimiters[delimiters.length - 1]!);
    if (partStart !== -1 && partStart + 1 < end) checkMimeTree(raw, partStart + 1, end, depth + 1);
  }
}

/**
 * Body lines above which a plain single-part body is decoded here rather than by postal-mime,
 * which keeps each line as a chunk of its own until the end: 200 KB of blank lines cost it 350 MB.
 */
export const MANY_BODY_LINES = 10_000;

/**
 * A message with one text part, no transfer encoding and no format=flowed has a body that is
 * just its bytes in the part's charset. For such a message with very many lines, the headers
 * (which postal-mime still reads) and the body decoded here; otherwise undefined.
 */
export function plainBodyOf(raw: string, source: string | Uint8Array, manyLines = MANY_BODY_LINES): { head: string | Uint8Array; body: string; html: boolean } | undefined {
  const headEnd = raw.search(/\r?\n\r?\n/);
  if (headEnd === -1) return undefined;
  const bodyStart = raw.indexOf('\n', raw.indexOf('\n', headEnd) + 1) + 1;
  let lines = 0;
  for (let at = raw.indexOf('\n', bodyStart); at !== -1 && lines <= manyLines; at = raw.indexOf('\n', at + 1)) lines++;
  if (lines <= manyLines) return undefined;
  // The top-level headers, unfolded: only the two that decide how the body is written.
  const headers = raw.slice(0, headEnd).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const value = (name: string) => headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
  const type = value('content-type').toLowerCase();
  const encoding = value('content-transfer-encoding').toLowerCase();
  if (type && !/^text\/(?:plain|html)\s*(?:;|$)/.test(type)) return undefined;
  if (/format\s*=\s*"?flowed/.test(type) || !['', '7bit', '8bit', 'binary'].includes(encoding)) return undefined;
  const charset = /charset\s*=\s*"?([\w.:-]+)/.exec(type)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('windows-1252'); // a label the runtime does not know, as postal-mime falls back
  }
  const head = typeof source === 'string' ? source.slice(0, bodyStart) : source.subarray(0, bodyStart);
  let body = typeof source === 'string' ? source.slice(bodyStart) : decoder.decode(source.subarray(bodyStart));
  // postal-mime ends every line it reads with a line break, the last one too.
  if (body && !body.endsWith('\n')) body += '\n';
  return { head, body, html: type.startsWith('text/html') };
}

/**
 * Parse an `.eml` into a Draft.
 *
 * @param source the raw message (bytes, or a string already decoded)
 * @returns the draft: body is the text part (or the text of the HTML part when there is none);
 *   bodyHtml is the HTML part; date keeps the `Date:` header's own offset
 * @throws Error saying what is wrong when the file is not an email
 */
export async function parseEml(original: string | Uint8Array): Promise<Draft> {
  const source = withoutByteOrderMark(original);
  const raw = toLatin1(source);
  assertLooksLikeEmail(raw);
  const plain = plainBodyOf(raw, source);
  const email = await PostalMime.parse(plain ? plain.head : source);
  if (plain) email[plain.html ? 'html' : 'text'] = plain.body;
  const header = (name: string) => email.headers.find((h) => h.key === name.toLowerCase())?.value;

  const from = mailboxes(email.from ? [email.from as Addr] : [])[0];
  const to = mailboxes(email.to as Addr[]);
  const cc = mailboxes(email.cc as Addr[]);
  const bcc = mailboxes(email.bcc as Addr[]);
  if (!from && !to.length && !cc.length && !bcc.length) {
    throw new Error('No From and no recipients: the file has no From:, To:, Cc: or Bcc: header with an email address.');
  }

  const subject = repairWindows1252(email.subject ?? '').replace(/(?<!\s)\s*\r?\n\s*/g, ' ');
  const inReplyTo = email.inReplyTo ?? header('in-reply-to');
  const html = email.html === undefined ? undefined : repairWindows1252(email.html);
  // A real text part wins; postal-mime would otherwise derive one from the HTML itself, and ours
  // must come from htmlToText so that its offsets match the HTML patcher's.
  const headEnd = raw.search(/\r?\n\r?\n/);
  const topHeaders = headEnd === -1 ? raw : raw.slice(0, headEnd);
  const hasTextPart = /(^|\n)content-type:\s*text\/plain/i.test(raw) || !/(^|\n)content-type:/i.test(topHeaders);
  let body = repairWindows1252(hasTextPart || !html ? (email.text ?? '') : htmlToText(html).text).replace(/\r\n?/g, '\n');
  if (!hasTextPart && !html) body = '';

  const dateHeader = header('date');
  let date = dateHeader ? rfc5322ToIso(dateHeader) : undefined;
  // The instant must agree with the MIME parser's reading; if ours cannot be trusted, use its UTC one.
  if (date && email.date && Math.abs(Date.parse(date) - Date.parse(email.date)) > 0) date = email.date;
  if (!date && email.date && !Number.isNaN(Date.parse(email.date))) date = email.date;

  const importanceHeader = (header('importance') ?? '').toLowerCase();
  const priority = /^\s*(\d)/.exec(header('x-priority') ?? '')?.[1];
  const msPriority = (header('x-msmail-priority') ?? '').toLowerCase();
  const importance: Draft['importance'] =
    importanceHeader.includes('high') || priority === '1' || priority === '2' || msPriority.includes('high')
      ? 'high'
      : importanceHeader.includes('low') || priority === '4' || priority === '5' || msPriority.includes('low')
        ? 'low'
        : importanceHeader || priority
          ? 'normal'
          : undefined;

  const attachments = email.attachments
    .filter((a) => a.filename || a.disposition === 'attachment')
    .filter((a) => !(a.disposition === 'inline' && a.contentId && !a.filename))
    .map((a) => ({ name: a.filename ?? 'attachment' }));

  return {
    ...(from ? { from } : {}),
    to,
    cc,
    bcc,
    subject,
    body,
    ...(html ? { bodyHtml: html } : {}),
    ...(date ? { date } : {}),
    composeType: composeTypeOf(subject, inReplyTo),
    attachments,
    ...(importance ? { importance } : {}),
  };
}
