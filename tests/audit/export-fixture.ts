/**
 * A generated mail export for the audit report's tests and bench: sent items of a made-up
 * council in three months, some with problems, some stamped with sealed records as the send
 * handler (or the taskpane) writes them. Generated each run, never committed. The plan says
 * how many of each kind there are, so that a test can say what the report must count. The
 * same messages come as a folder of .eml files, an mbox, or a .pst (pst-writer.ts).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuditRecord, generateAuditKeyPair, stampValue } from '../../src/audit/seal.ts';
import { type PstLayout, type PstMessage, writePst } from './pst-writer.ts';

export const COUNCIL = 'Eastbrook District Council';
export const POLICY = {
  council: { name: COUNCIL, domains: ['eastbrook.gov.uk'] },
  councillors: [
    { name: 'Dana Price', email: 'cllr.dana.price@eastbrook.gov.uk', personalEmails: ['danaprice77@gmail.com'], ward: 'Mill', party: 'Green' },
    { name: 'Omar Reed', email: 'cllr.omar.reed@eastbrook.gov.uk', ward: 'Quay', party: 'Labour' },
  ],
  officers: [
    { name: 'Kit Morgan', email: 'kit.morgan@eastbrook.gov.uk' },
    { name: 'Lee Patel', email: 'lee.patel@eastbrook.gov.uk' },
  ],
};

const OFFICERS = ['Kit Morgan <kit.morgan@eastbrook.gov.uk>', 'Lee Patel <lee.patel@eastbrook.gov.uk>'];
const MONTHS = ['2027-01', '2027-02', '2027-03'];

/** The kinds of message, in turn: what each is and what its stamp says. */
export type Kind = 'clean' | 'bcc-sent-anyway' | 'bcc-false-positive' | 'bcc-unstamped' | 'bcc-urgent-overridden';
const CYCLE: Kind[] = ['clean', 'clean', 'bcc-sent-anyway', 'clean', 'bcc-unstamped', 'bcc-false-positive', 'clean', 'bcc-urgent-overridden', 'clean', 'bcc-sent-anyway'];

export interface ExportPlan {
  count: number;
  kinds: Record<Kind, number>;
  publicKey: string;
  privateKey: string;
}

function body(i: number): string {
  // Line 3 begins "From " as real bodies do: an mbox must escape it, and the reader must not split there.
  return [
    'Dear Councillor Reed,',
    '',
    `Thank you for your question about the Quay Road resurfacing (reference ${10000 + i}).`,
    'From the survey we expect the work to start in the spring, weather allowing.',
    '',
    'Kind regards',
  ].join('\r\n');
}

function record(kind: Kind, checkedAt: string): AuditRecord | undefined {
  const base = { rules: ['silent-copy'], policy: COUNCIL, checkedAt, version: '0.1.0' };
  if (kind === 'bcc-sent-anyway') return { outcome: 'sent-anyway', ...base };
  if (kind === 'bcc-false-positive') return { outcome: 'overridden', reason: 'false-positive', ...base };
  if (kind === 'bcc-urgent-overridden') return { outcome: 'overridden', reason: 'urgent', ...base };
  return undefined;
}

/** Message i of the export, as RFC 5322 text with CRLF line ends, and its parts for a PST. */
export function message(i: number, publicKey: string): { kind: Kind; eml: string; headers: string[]; date: Date; stamp?: string } {
  const kind = CYCLE[i % CYCLE.length]!;
  const day = String(1 + (i % 27)).padStart(2, '0');
  const month = MONTHS[Math.floor(i / 7) % MONTHS.length]!;
  const date = new Date(`${month}-${day}T10:15:00Z`);
  const sealed = record(kind, date.toISOString());
  const stamp = sealed ? stampValue(sealed, publicKey) : undefined;
  const headers = [
    `From: ${OFFICERS[i % OFFICERS.length]}`,
    'To: Cllr Omar Reed <cllr.omar.reed@eastbrook.gov.uk>',
    ...(kind === 'clean' ? [] : ['Bcc: Cllr Dana Price <cllr.dana.price@eastbrook.gov.uk>']),
    `Subject: Quay Road resurfacing (${i})`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <audit-${i}@eastbrook.gov.uk>`,
    ...(stamp ? [`X-Protocol-Checker: ${stamp}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  return { kind, eml: `${headers.join('\r\n')}\r\n\r\n${body(i)}\r\n`, headers, date, ...(stamp ? { stamp } : {}) };
}

const address = (header: string) => {
  const m = /^(?:([^<]*?)\s*)?<([^>]+)>$/.exec(header.trim())!;
  return { ...(m[1] ? { name: m[1] } : {}), email: m[2]! };
};

/**
 * Message i as a PST item. The record travels as Exchange keeps it: on even messages in the
 * transport headers (as on a received or journalled copy), on odd ones as a named internet
 * header property (as on the sender's own sent item), so both ways are read.
 */
export function pstMessage(i: number, publicKey: string): PstMessage {
  const m = message(i, publicKey);
  const field = (name: string) => m.headers.find((h) => h.startsWith(`${name}: `))?.slice(name.length + 2);
  const bcc = field('Bcc');
  return {
    subject: field('Subject')!,
    from: address(field('From')!),
    to: [address(field('To')!)],
    ...(bcc ? { bcc: [address(bcc)] } : {}),
    body: body(i),
    date: m.date,
    messageId: field('Message-ID')!,
    ...(m.stamp && i % 2 === 0 ? { transportHeaders: `${m.headers.filter((h) => !h.startsWith('Bcc:')).join('\r\n')}\r\n` } : {}),
    ...(m.stamp && i % 2 === 1 ? { internetHeaders: { 'x-protocol-checker': m.stamp } } : {}),
  };
}

function plan(count: number, keys: { publicKey: string; privateKey: string }): ExportPlan {
  const kinds: Record<Kind, number> = { clean: 0, 'bcc-sent-anyway': 0, 'bcc-false-positive': 0, 'bcc-unstamped': 0, 'bcc-urgent-overridden': 0 };
  for (let i = 0; i < count; i++) kinds[CYCLE[i % CYCLE.length]!]++;
  return { count, kinds, ...keys };
}

/** Write the export as a folder of .eml files. */
export function writeEmlFolder(dir: string, count: number, keys = generateAuditKeyPair()): ExportPlan {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `${String(i).padStart(6, '0')}.eml`), message(i, keys.publicKey).eml);
  return plan(count, keys);
}

/** Write the export as one mbox (mboxrd: body lines beginning "From " are written ">From "). */
export async function writeMbox(path: string, count: number, keys = generateAuditKeyPair()): Promise<ExportPlan> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const text = message(i, keys.publicKey).eml.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    if (!out.write(`From MAILER-DAEMON Mon Jan  1 00:00:00 2027\n${text}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return plan(count, keys);
}

/** Write the export as one Outlook .pst with a "Sent Items" folder (pst-writer.ts). */
export function writePstExport(path: string, count: number, keys = generateAuditKeyPair()): ExportPlan & { layout: PstLayout } {
  const layout = writePst(path, count, (i) => pstMessage(i, keys.publicKey));
  return { ...plan(count, keys), layout };
}
