/**
 * PLACEHOLDER first cut: src/mail owns the full version. `.eml` → Draft with postal-mime.
 */
import PostalMime from 'postal-mime';
import type { Draft, Mailbox } from '../engine/types.ts';

type Addr = { name?: string; address?: string; group?: Addr[] };
const flat = (list: Addr[] | undefined): Mailbox[] =>
  (list ?? []).flatMap((a) => (a.group ? flat(a.group) : a.address ? [{ ...(a.name ? { name: a.name } : {}), email: a.address }] : []));

export async function parseEml(source: string | Uint8Array): Promise<Draft> {
  const email = await PostalMime.parse(source);
  const header = (name: string) => email.headers.find((h) => h.key === name.toLowerCase())?.value;
  const subject = email.subject ?? '';
  const composeType = /^\s*(re|aw)\s*:/i.test(subject) ? 'reply' : /^\s*(fw|fwd)\s*:/i.test(subject) ? 'forward' : 'new';
  const importance = /high/i.test(header('importance') ?? '') || /^\s*[12]\b/.test(header('x-priority') ?? '') ? 'high' : undefined;
  return {
    from: email.from?.address ? { ...(email.from.name ? { name: email.from.name } : {}), email: email.from.address } : undefined,
    to: flat(email.to as Addr[]),
    cc: flat(email.cc as Addr[]),
    bcc: flat(email.bcc as Addr[]),
    subject,
    body: email.text ?? '',
    ...(email.html ? { bodyHtml: email.html } : {}),
    ...(email.date ? { date: email.date } : {}),
    composeType,
    attachments: email.attachments.map((a) => ({ name: a.filename ?? 'attachment' })),
    ...(importance ? { importance } : {}),
  };
}
