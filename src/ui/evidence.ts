/** Evidence as people write it: dates in words, recipients by name and address. */
import type { Draft, Evidence } from '../engine/types.ts';
import { FIELD_LABELS, strings } from './strings.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** "Wednesday 14 April 2027 at 21:30", in the reader's own time zone unless one is given. */
export function humanDate(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}`;
}

/** "Cllr Ravi Shah <ravi.shah@…>" when the draft gives the name, else the address. */
export function humanRecipient(email: string, draft: Draft | undefined): string {
  const all = draft ? [draft.from, ...draft.to, ...draft.cc, ...draft.bcc] : [];
  const found = all.find((m) => m && m.email.toLowerCase() === email.toLowerCase());
  return found?.name ? `${found.name} <${found.email}>` : email;
}

/** One line of evidence for the card. */
export function describeEvidence(e: Evidence, draft: Draft | undefined): { label: string; text: string; quoted: boolean } {
  const field = FIELD_LABELS[e.field] ?? e.field;
  if (e.field === 'date') return { label: strings.evidenceWhen, text: e.quote && ISO.test(e.quote) ? humanDate(e.quote) : (e.quote ?? ''), quoted: false };
  if (e.recipient) return { label: e.field === 'from' ? strings.evidenceSender : field, text: humanRecipient(e.recipient, draft), quoted: false };
  return { label: strings.evidenceQuote(field), text: e.quote ?? '', quoted: true };
}
