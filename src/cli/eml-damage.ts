/**
 * Spot an .eml file that is cut short or is not an email at all. MIME parsers are lenient:
 * given half a message they return half a draft, and checking half a draft would report it
 * as compliant. The CLI refuses such a file instead, and says why.
 */

// RFC 5322 field name: printable ASCII except colon, then a colon.
const HEADER_LINE = /^[!-9;-~]+:/;

/** Whether `closing` stands at the start of a line of `body`, followed only by spaces or tabs on that line. */
function hasClosingBoundary(body: string, closing: string): boolean {
  for (let at = body.indexOf(closing); at !== -1; at = body.indexOf(closing, at + 1)) {
    if (at > 0 && body[at - 1] !== '\n') continue;
    let k = at + closing.length;
    while (body[k] === ' ' || body[k] === '\t') k++;
    if (k === body.length || body[k] === '\n' || (body[k] === '\r' && body[k + 1] === '\n')) return true;
  }
  return false;
}

/** A reason the file cannot be checked, or undefined when it looks whole. */
export function describeEmlDamage(text: string): string | undefined {
  if (text.trim() === '') return 'the file is empty';
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!HEADER_LINE.test(firstLine) && !firstLine.startsWith('From ')) {
    return 'the file does not start with email headers (such as "From:" or "To:"), so it is not an email';
  }
  const separator = /\r?\n\r?\n/.exec(text);
  if (!separator) {
    // A header block must end in a line break; a message that stops mid-line was cut short.
    if (!/\n$/.test(text)) return 'the file ends part way through the email headers: it looks cut short';
    return undefined;
  }
  const headers = text.slice(0, separator.index);
  // Unfold continuation lines before reading Content-Type (RFC 5322 section 2.2.3).
  const contentType = /^content-type:(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  if (/multipart\//i.test(contentType)) {
    const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
    const marker = boundary?.[1] ?? boundary?.[2];
    if (marker) {
      const body = text.slice(separator.index + separator[0].length);
      // RFC 2046 section 5.1.1: the last part ends with the boundary followed by "--". Found by
      // plain search: a pattern built from a boundary of any length could be too large to compile.
      if (!hasClosingBoundary(body, `--${marker}--`)) return 'the email\'s last MIME part has no closing boundary: the file looks cut short';
    }
  }
  return undefined;
}
