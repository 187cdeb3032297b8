/**
 * A `.json` draft (PRODUCT.md contract 3) → Draft: checks every field and names the one that is
 * wrong (`to[1].email: expected an email address, got "bob"`), and fills the defaults
 * (empty recipient lists, subject and body).
 */
import type { ComposeType, Draft, Mailbox } from '../engine/types.ts';

const FIELDS = ['from', 'to', 'cc', 'bcc', 'subject', 'body', 'bodyHtml', 'date', 'composeType', 'attachments', 'importance', 'deliverAt'] as const;
const COMPOSE_TYPES: ComposeType[] = ['new', 'reply', 'forward'];
const IMPORTANCE = ['low', 'normal', 'high'] as const;

// Deliberately loose (RFC 5322 allows far more); it only has to catch names typed where an address belongs.
const EMAIL = /^[^\s@<>(),;:"[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
// ISO 8601 date and time with an offset (or Z), as contract 3 shows.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export class DraftJsonError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    // A mistyped field name can be any length: show enough of it to find it.
    super(field ? `${field.length > 40 ? `${field.slice(0, 37)}…` : field}: ${message}` : message);
    this.name = 'DraftJsonError';
  }
}

const show = (value: unknown): string => {
  // Enough of a value to recognise it; a long one is cut, so a message never repeats a whole field.
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 37)).slice(0, -1)}…"` : JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
};

/** The known name closest to a mistyped one (edit distance at most 2), for "did you mean". */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function mailbox(value: unknown, path: string): Mailbox {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DraftJsonError(path, `expected an object such as {"name": "Jane Smith", "email": "jane.smith@example.gov.uk"}, got ${show(value)}`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'name' && key !== 'email') {
      const hint = closest(key, ['name', 'email']);
      throw new DraftJsonError(`${path}.${key}`, `unknown field${hint ? `; did you mean "${hint}"?` : ': a recipient has only "name" and "email"'}`);
    }
  }
  if (typeof record.email !== 'string' || !EMAIL.test(record.email.trim())) {
    throw new DraftJsonError(`${path}.email`, `expected an email address, got ${record.email === undefined ? 'nothing' : show(record.email)}`);
  }
  if (record.name !== undefined && typeof record.name !== 'string') {
    throw new DraftJsonError(`${path}.name`, `expected text, got ${show(record.name)}`);
  }
  const name = typeof record.name === 'string' ? record.name.trim() : '';
  return { ...(name ? { name } : {}), email: record.email.trim() };
}

function mailboxList(value: unknown, path: string): Mailbox[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DraftJsonError(path, `expected a list of recipients, got ${show(value)}`);
  return value.map((item, i) => mailbox(item, `${path}[${i}]`));
}

function text(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DraftJsonError(path, `expected text, got ${show(value)}`);
  return value;
}

function isoDate(value: unknown, path: string): string | undefined {
  const s = text(value, path);
  if (s === undefined) return undefined;
  if (!ISO_WITH_OFFSET.test(s) || Number.isNaN(Date.parse(s))) {
    throw new DraftJsonError(path, `expected a date and time with its offset, such as "2027-04-12T09:30:00+01:00", got ${show(s)}`);
  }
  return s;
}

function lineAndColumn(source: string, position: number): string {
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Check a draft object (contract 3) and fill in its defaults.
 *
 * @param source the JSON text
 * @returns the draft
 * @throws DraftJsonError naming the field, what was expected and what was found
 * @example
 * parseDraftJson('{"to":[{"email":"bob"}]}')
 * // throws: to[0].email: expected an email address, got "bob"
 */
export function parseDraftJson(source: string): Draft {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    // The runtime's message quotes the file's own text and names its internals: say where, in our words.
    const position = /\bposition (\d+)/.exec((error as Error).message.slice(0, 300))?.[1];
    const where = position ? ` at ${lineAndColumn(source, Number(position))}` : '';
    throw new DraftJsonError('', `The file is not valid JSON${where}: look for a missing comma, quotation mark or bracket, or text outside the braces`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DraftJsonError('', `expected a draft object such as {"to": […], "subject": "…", "body": "…"}, got ${show(data)}`);
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      const hint = closest(key, FIELDS);
      throw new DraftJsonError(key, `unknown field${hint ? `; did you mean "${hint}"?` : `: a draft has ${FIELDS.join(', ')}`}`);
    }
  }

  const from = record.from === undefined || record.from === null ? undefined : mailbox(record.from, 'from');
  const to = mailboxList(record.to, 'to');
  const cc = mailboxList(record.cc, 'cc');
  const bcc = mailboxList(record.bcc, 'bcc');
  const subject = text(record.subject, 'subject') ?? '';
  const body = text(record.body, 'body') ?? '';
  const bodyHtml = text(record.bodyHtml, 'bodyHtml');
  const date = isoDate(record.date, 'date');
  const deliverAt = isoDate(record.deliverAt, 'deliverAt');

  let composeType: ComposeType | undefined;
  if (record.composeType !== undefined && record.composeType !== null) {
    if (!COMPOSE_TYPES.includes(record.composeType as ComposeType)) {
      throw new DraftJsonError('composeType', `expected "new", "reply" or "forward", got ${show(record.composeType)}`);
    }
    composeType = record.composeType as ComposeType;
  }
  let importance: Draft['importance'];
  if (record.importance !== undefined && record.importance !== null) {
    if (!IMPORTANCE.includes(record.importance as (typeof IMPORTANCE)[number])) {
      throw new DraftJsonError('importance', `expected "low", "normal" or "high", got ${show(record.importance)}`);
    }
    importance = record.importance as Draft['importance'];
  }
  let attachments: { name: string }[] | undefined;
  if (record.attachments !== undefined && record.attachments !== null) {
    if (!Array.isArray(record.attachments)) throw new DraftJsonError('attachments', `expected a list such as [{"name": "report.pdf"}], got ${show(record.attachments)}`);
    attachments = record.attachments.map((a, i) => {
      const name = typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>).name : undefined;
      if (typeof name !== 'string' || name.trim() === '') {
        throw new DraftJsonError(`attachments[${i}].name`, `expected a file name, got ${name === undefined ? 'nothing' : show(name)}`);
      }
      return { name };
    });
  }
  if (!from && !to.length && !cc.length && !bcc.length) {
    throw new DraftJsonError('to', 'expected at least one recipient (to, cc or bcc) or a sender (from), got none');
  }

  return {
    ...(from ? { from } : {}),
    to,
    cc,
    bcc,
    subject,
    body,
    ...(bodyHtml !== undefined ? { bodyHtml } : {}),
    ...(date ? { date } : {}),
    composeType: composeType ?? 'new',
    attachments: attachments ?? [],
    ...(importance ? { importance } : {}),
    ...(deliverAt ? { deliverAt } : {}),
  };
}
