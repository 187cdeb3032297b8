/**
 * Outlook .pst exports (Purview eDiscovery and content search write PST) → one Draft at a time,
 * with pst-extractor. The file is read through a file handle as the folders and messages are
 * walked, never whole into memory. For the command line only: neither the engine nor any
 * browser or send-time code imports this module (tests/audit/pst-bundles.test.ts checks the
 * built bundles).
 *
 * Properties read (MS-OXPROPS ids), as src/mail/msg.ts reads a .msg: PidTagSubject,
 * PidTagSenderName / PidTagSentRepresentingName, PidTagSenderEmailAddress /
 * PidTagSentRepresentingEmailAddress / PidTagSenderSmtpAddress 0x5D01, PidTagBody, PidTagHtml,
 * PidTagClientSubmitTime / PidTagMessageDeliveryTime / PidTagCreationTime, PidTagImportance,
 * PidTagInReplyToId; the recipient table (PidTagRecipientType 1 To, 2 Cc, 3 Bcc; PidTagSmtpAddress
 * or PidTagEmailAddress; PidTagDisplayName); attachment names.
 *
 * The override record: PST keeps a received message's headers in PidTagTransportMessageHeaders
 * (0x007D), and an X- header that an add-in set on a sent item as a string-named property in the
 * PS_INTERNET_HEADERS set ([MS-OXPROPS] 1.3.2); both are looked at.
 *
 * A damaged or cut-short file: pst-extractor skips a message it cannot read without saying so,
 * and writes its own messages to the console. Its calls here are made with the console quiet,
 * each folder's count of messages is compared with what was read, and the difference is
 * reported in plain words, with the reason when the file is shorter than its header says.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PSTFile, type PSTFolder, PSTMessage } from 'pst-extractor';
import { htmlToText } from '../engine/html-text.ts';
import type { Draft, Mailbox } from '../engine/types.ts';
import { composeTypeOf } from '../mail/eml.ts';
import { headerValues } from './headers.ts';
import { AUDIT_HEADER } from './seal.ts';

export type PstItem =
  /** `index` counts from 1 within its folder, as people count messages. */
  | { folder: string; index: number; draft: Draft; stamp?: string }
  | { folder?: string; index?: number; error: string };

/** Run a pst-extractor call with its console messages (about its internals) kept off the screen. */
function quietly<T>(fn: () => T): T {
  const saved = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  const silent = () => {};
  Object.assign(console, { log: silent, error: silent, warn: silent, info: silent });
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

const megabytes = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** What the header says about the file ([MS-PST] 2.2.2.6, 2.2.2.5): a problem to report first, or the size it should have. */
function headerFacts(path: string): { problem?: string; expectedSize?: number; actualSize: number } {
  const fd = openSync(path, 'r');
  try {
    const actualSize = fstatSync(fd).size;
    const head = Buffer.alloc(564);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return { problem: 'the file is empty', actualSize };
    if (read < 4 || head.toString('latin1', 0, 4) !== '!BDN') return { problem: 'this is not an Outlook .pst file: it does not start with the PST signature (!BDN)', actualSize };
    const version = head.readUInt16LE(10);
    const unicode = version >= 23;
    if (read < (unicode ? 564 : 512)) return { problem: 'the file is cut short inside its header, so nothing in it can be read', actualSize };
    // bCryptMethod: 0x02 is Outlook's "high" encryption, which needs Outlook to undo.
    if ((unicode ? head[513] : head[461]) === 0x02) return { problem: 'the .pst file uses Outlook\'s high encryption, which this report cannot read: export the mail again without a password, or open the file in Outlook and export it as a new .pst', actualSize };
    // ROOT.ibFileEof: at 184 (8 bytes) in a Unicode header, at 168 (4 bytes) in an ANSI one.
    const expectedSize = unicode ? Number(head.readBigUInt64LE(184)) : head.readUInt32LE(168);
    return { expectedSize, actualSize };
  } finally {
    closeSync(fd);
  }
}

const isSmtp = (address: string | undefined): address is string => !!address && /^[^\s@/]+@[^\s@]+$/.test(address.trim());

/** The message's properties pst-extractor has no getter for (PidTagSenderSmtpAddress, the named headers). */
function stringProperty(message: PSTMessage, id: number): string {
  if (id < 0) return '';
  return (message as unknown as { getStringItem(id: number): string }).getStringItem(id);
}

const PID_TAG_SENDER_SMTP_ADDRESS = 0x5d01;

function isoOf(date: Date | null): string | undefined {
  return date && date.getTime() > 0 ? date.toISOString().replace('.000Z', 'Z') : undefined;
}

/** The override record's header value on a message, from its transport headers or its named internet headers. */
function stampOfMessage(message: PSTMessage): string | undefined {
  const fromHeaders = headerValues(message.transportMessageHeaders ?? '', AUDIT_HEADER)[0];
  if (fromHeaders) return fromHeaders;
  for (const name of [AUDIT_HEADER.toLowerCase(), AUDIT_HEADER]) {
    const value = stringProperty(message, PSTFile.getPublicStringToIdMapItem(name)).trim();
    if (value) return value;
  }
  return undefined;
}

/** One PST message as the Draft the checker reads. */
export function draftOfPstMessage(message: PSTMessage): Draft {
  const senderEmail = [stringProperty(message, PID_TAG_SENDER_SMTP_ADDRESS), message.senderEmailAddress, message.sentRepresentingEmailAddress].find(isSmtp);
  const senderName = message.senderName || message.sentRepresentingName;
  const from: Mailbox | undefined = senderEmail ? { ...(senderName ? { name: senderName } : {}), email: senderEmail.trim() } : undefined;
  const lists: Record<'to' | 'cc' | 'bcc', Mailbox[]> = { to: [], cc: [], bcc: [] };
  for (let k = 0; k < message.numberOfRecipients; k++) {
    const r = message.getRecipient(k);
    const email = r ? [r.smtpAddress, r.emailAddress].find(isSmtp) : undefined;
    if (!r || !email) continue;
    const name = r.displayName && r.displayName !== email ? r.displayName : undefined;
    const list = r.recipientType === 2 ? lists.cc : r.recipientType === 3 ? lists.bcc : lists.to;
    list.push({ ...(name ? { name } : {}), email: email.trim() });
  }
  if (!from && !lists.to.length && !lists.cc.length && !lists.bcc.length) throw new Error('the message has no sender and no recipient with an email address');
  const html = message.bodyHTML || undefined;
  const plain = (message.body ?? '').replace(/\r\n?/g, '\n');
  const body = plain.trim() === '' && html ? htmlToText(html).text : plain;
  const subject = message.subject ?? '';
  const date = isoOf(message.clientSubmitTime) ?? isoOf(message.messageDeliveryTime) ?? isoOf(message.creationTime);
  const attachments: { name: string }[] = [];
  for (let k = 0; k < message.numberOfAttachments; k++) {
    const a = message.getAttachment(k);
    attachments.push({ name: a.longFilename || a.filename || a.displayName || 'attachment' });
  }
  return {
    ...(from ? { from } : {}),
    to: lists.to,
    cc: lists.cc,
    bcc: lists.bcc,
    subject,
    body,
    ...(html ? { bodyHtml: html } : {}),
    ...(date ? { date } : {}),
    composeType: composeTypeOf(subject, message.inReplyToId),
    attachments,
    // PidTagImportance 2 is high; 0 (low) cannot be told from a missing property through the reader, so it is left out.
    ...(message.importance === 2 ? { importance: 'high' as const } : {}),
  };
}

/** Mail items: notes, signed and encrypted notes, and reports; calendar, contact and task items are not email. */
function isMail(message: PSTMessage): boolean {
  return /^(IPM\.Note|REPORT\.IPM\.Note)\b/i.test(message.messageClass || 'IPM.Note');
}

/**
 * The mail messages of one .pst file, folder by folder, in the order Outlook lists them.
 * @param onProgress called with the share of the file's messages read so far (0 to 1).
 */
export function* pstMessages(path: string, options: { onProgress?: (share: number) => void } = {}): Generator<PstItem> {
  let facts;
  try {
    facts = headerFacts(path);
  } catch {
    yield { error: 'the file cannot be read from the disk' };
    return;
  }
  if (facts.problem) {
    yield { error: facts.problem };
    return;
  }
  const cut = facts.expectedSize !== undefined && facts.actualSize < facts.expectedSize;
  const cutNote = cut ? `the export is cut short (it ends at ${megabytes(facts.actualSize)} of the ${megabytes(facts.expectedSize!)} its header gives)` : 'the file is damaged there';

  // pst-extractor keeps the named-property map of the last file opened in one shared table: start afresh.
  const shared = PSTFile as unknown as { nodeMap: object };
  shared.nodeMap = new (shared.nodeMap.constructor as new () => object)();
  let pst: PSTFile;
  try {
    pst = quietly(() => new PSTFile(path));
  } catch {
    yield { error: cut ? `${cutNote}, and its index of folders and messages is in the missing part, so nothing in it can be read` : 'the .pst file is damaged: its index of folders and messages cannot be read. Repair it with the Inbox Repair Tool (scanpst.exe) or export it again' };
    return;
  }

  try {
    // First the folders and their counts, which are small, so that progress can be shown as a share.
    const folders: { folder: PSTFolder; name: string; expected: number }[] = [];
    const problems: PstItem[] = [];
    const visit = (folder: PSTFolder, name: string) => {
      const expected = quietly(() => folder.contentCount);
      if (expected > 0) folders.push({ folder, name, expected });
      let children: PSTFolder[] = [];
      try {
        children = quietly(() => (folder.hasSubfolders ? folder.getSubFolders() : []));
      } catch {
        problems.push({ folder: name || 'the top folder', error: `its list of subfolders cannot be read: ${cutNote}` });
      }
      for (const child of children) visit(child, name ? `${name}/${child.displayName}` : child.displayName);
    };
    try {
      visit(quietly(() => pst.getRootFolder()), '');
    } catch {
      yield { error: `the top folder cannot be read: ${cutNote}` };
      return;
    }
    yield* problems;
    const total = folders.reduce((n, f) => n + f.expected, 0);
    let done = 0;
    for (const { folder, name, expected } of folders) {
      let seen = 0;
      for (;;) {
        let child: unknown;
        try {
          child = quietly(() => folder.getNextChild());
        } catch {
          break; // the folder's list of messages stops here; the shortfall is reported below
        }
        if (!child) break;
        seen++;
        done++;
        options.onProgress?.(total ? done / total : 1);
        if (!(child instanceof PSTMessage) || !quietly(() => isMail(child))) continue;
        try {
          const draft = quietly(() => draftOfPstMessage(child));
          const stamp = quietly(() => stampOfMessage(child));
          yield { folder: name, index: seen, draft, ...(stamp !== undefined ? { stamp } : {}) };
        } catch (error) {
          const reason = error instanceof Error && error.message.startsWith('the message has') ? error.message : `the message is damaged: ${cutNote}`;
          yield { folder: name, index: seen, error: reason };
        }
      }
      const missing = expected - seen;
      for (let k = 0; k < missing; k++) yield { folder: name, error: `${missing.toLocaleString('en-GB')} of the folder's ${expected.toLocaleString('en-GB')} messages could not be read: ${cutNote}` };
      done += Math.max(0, missing);
      options.onProgress?.(total ? done / total : 1);
    }
  } finally {
    quietly(() => pst.close());
  }
}
