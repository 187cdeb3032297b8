/**
 * Outlook `.msg` (an OLE compound file of MAPI properties, [MS-OXMSG]) → Draft, with
 * @kenjiuno/msgreader. For the command line only: neither the engine nor any browser code
 * imports this module (src/mail/index.ts is its only user).
 *
 * Properties read (MS-OXPROPS ids): PidTagSubject 0x0037, PidTagSenderName 0x0C1A,
 * PidTagSenderEmailAddress 0x0C1F / PidTagSenderSmtpAddress 0x5D01, PidTagBody 0x1000,
 * PidTagHtml 0x1013, PidTagClientSubmitTime 0x0039, PidTagMessageDeliveryTime 0x0E06,
 * PidTagCreationTime 0x3007, PidTagImportance 0x0017, PidTagInReplyToId 0x1042; per recipient
 * PidTagDisplayName 0x3001, PidTagEmailAddress 0x3003, PidTagSmtpAddress 0x39FE,
 * PidTagRecipientType 0x0C15 (1 To, 2 Cc, 3 Bcc); per attachment PidTagAttachLongFilename
 * 0x3707 / PidTagAttachFilename 0x3704 / PidTagDisplayName 0x3001.
 * A body kept only as compressed RTF (PidTagRtfCompressed) is not converted: the plain-text
 * body Outlook stores beside it is used.
 */
import MsgReaderModule from '@kenjiuno/msgreader';
import type { Draft, Mailbox } from '../engine/types.ts';
import { composeTypeOf } from './eml.ts';
import { htmlToText } from '../engine/html-text.ts';
import { assertReadableCompoundFile, DamagedMsgError } from './cfb-check.ts';

// The package is CommonJS with `exports.default`: Node's ESM interop hands over the whole exports object.
const MsgReader: typeof MsgReaderModule = (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;

const PID_TAG_IMPORTANCE = 0x00170003;
const PID_TAG_IN_REPLY_TO_ID = 0x1042001f;

const isSmtp = (address: string | undefined): address is string => !!address && /^[^\s@/]+@[^\s@]+$/.test(address.trim());

function decodeHtml(bytes: Uint8Array): string {
  // PidTagHtml is bytes in the message's code page; the HTML usually declares it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const MSG_UNREADABLE = 'The .msg file is damaged or cut short, so its message cannot be read. Open it in Outlook and save it again, or export the message as .eml.';

function utcToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace('.000Z', 'Z');
}

/**
 * Parse an Outlook `.msg` file into a Draft.
 *
 * @throws Error saying what is wrong when the bytes are not an Outlook message
 */
export function parseMsg(bytes: Uint8Array): Draft {
  if (bytes.length < 512 || bytes[0] !== 0xd0 || bytes[1] !== 0xcf || bytes[2] !== 0x11 || bytes[3] !== 0xe0) {
    throw new Error('This is not an Outlook .msg file: it does not start with the compound-file signature (D0 CF 11 E0).');
  }
  // The reader trusts the file's counts and chains: check them first (cfb-check.ts).
  assertReadableCompoundFile(bytes);
  let importance: Draft['importance'];
  let inReplyTo: string | undefined;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let data: ReturnType<MsgReaderModule['getFileData']>;
  try {
    const reader = new MsgReader(buffer);
    reader.parserConfig = {
      propertyObserver: (fields, tag, raw) => {
        if (fields.dataType !== 'msg' || !raw) return;
        if (tag === PID_TAG_IMPORTANCE && raw.length >= 4) {
          const v = raw[0]! | (raw[1]! << 8);
          importance = v === 2 ? 'high' : v === 0 ? 'low' : 'normal';
        }
        if (tag === PID_TAG_IN_REPLY_TO_ID) inReplyTo = new TextDecoder('utf-16le').decode(raw).replace(/(?<!\0)\0+$/, '');
      },
    };
    data = reader.getFileData();
  } catch (error) {
    if (error instanceof DamagedMsgError) throw error;
    // The reader's own messages are about its internals ("Offset is outside the bounds of the DataView"): say what it means.
    throw new DamagedMsgError(MSG_UNREADABLE);
  }
  if ((data as { error?: string }).error) throw new DamagedMsgError(MSG_UNREADABLE);

  // A damaged property can come back as bytes or a number where text belongs: such a value is treated as absent.
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const senderEmail = [str(data.senderSmtpAddress), str(data.senderEmail), str(data.creatorSMTPAddress)].find(isSmtp);
  const senderName = str(data.senderName);
  const from: Mailbox | undefined = senderEmail ? { ...(senderName ? { name: senderName } : {}), email: senderEmail.trim() } : undefined;
  const lists: Record<'to' | 'cc' | 'bcc', Mailbox[]> = { to: [], cc: [], bcc: [] };
  for (const r of Array.isArray(data.recipients) ? data.recipients : []) {
    const email = [str(r?.smtpAddress), str(r?.email)].find(isSmtp);
    if (!email) continue;
    const rname = str(r.name);
    const name = rname && rname !== email ? rname : undefined;
    const list = r.recipType === 'cc' || r.recipType === 'bcc' ? lists[r.recipType] : lists.to;
    list.push({ ...(name ? { name } : {}), email: email.trim() });
  }
  if (!from && !lists.to.length && !lists.cc.length && !lists.bcc.length) {
    throw new Error('No From and no recipients: the .msg file has no sender or recipient with an email address.');
  }

  const html = str(data.bodyHtml) ?? (data.html instanceof Uint8Array ? decodeHtml(data.html) : undefined);
  const plain = (str(data.body) ?? '').replace(/\r\n?/g, '\n');
  const body = plain.trim() === '' && html ? htmlToText(html).text : plain;
  const subject = str(data.subject) ?? '';
  const date = utcToIso(str(data.clientSubmitTime)) ?? utcToIso(str(data.messageDeliveryTime)) ?? utcToIso(str(data.creationTime));
  const attachments = (Array.isArray(data.attachments) ? data.attachments : [])
    .filter((a) => a && !a.attachmentHidden)
    .map((a) => ({ name: str(a.fileName) ?? str(a.fileNameShort) ?? str(a.name) ?? 'attachment' }));

  return {
    ...(from ? { from } : {}),
    to: lists.to,
    cc: lists.cc,
    bcc: lists.bcc,
    subject,
    body,
    ...(html ? { bodyHtml: html } : {}),
    ...(date ? { date } : {}),
    composeType: composeTypeOf(subject, inReplyTo),
    attachments,
    ...(importance ? { importance } : {}),
  };
}
