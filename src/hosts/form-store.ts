/**
 * A draft held in form fields (the browser preview, the Teams tab): fields as the user typed them, turned into a Draft for the
 * engine, and edits applied back into the fields. The one place such a page's draft state lives.
 */
import { applyEdits, EditError } from '../engine/apply.ts';
import { parseAddressList } from '../engine/text.ts';
import type { Draft, Edit, Mailbox, PublicityKind } from '../engine/types.ts';
import { MemoryDismissals } from '../ui/dismissals.ts';
import { CHANGED_SINCE_CHECK, type DraftHost, EditRefused, textStillFits } from '../ui/host.ts';

export interface DraftFields {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  /** `YYYY-MM-DDTHH:MM` from a datetime-local input, in the browser's time zone; empty = now. */
  sendDate: string;
  /** What the draft is, when the page asks (the Teams tab): empty for an email. */
  publicity?: string;
}

export const EMPTY_FIELDS: DraftFields = { from: '', to: '', cc: '', bcc: '', subject: '', body: '', sendDate: '' };

export function formatMailbox(m: Mailbox): string {
  return m.name ? `${m.name} <${m.email}>` : m.email;
}

export function formatMailboxes(list: readonly Mailbox[]): string {
  return list.map(formatMailbox).join('; ');
}

/** Parse recipients written as `Name <email>` separated by `;` or `,`. */
export function parseRecipients(value: string): Mailbox[] {
  return parseAddressList(value);
}

export function fieldsToDraft(fields: DraftFields): Draft {
  const date = fields.sendDate ? new Date(fields.sendDate) : undefined;
  return {
    from: parseRecipients(fields.from)[0],
    to: parseRecipients(fields.to),
    cc: parseRecipients(fields.cc),
    bcc: parseRecipients(fields.bcc),
    subject: fields.subject,
    body: fields.body,
    ...(date && !Number.isNaN(date.getTime()) ? { date: date.toISOString() } : {}),
    ...(fields.publicity ? { publicity: fields.publicity as PublicityKind } : {}),
  };
}

export class FormDraftStore implements DraftHost {
  private fields: DraftFields;
  private readonly listeners = new Set<() => void>();
  /** This draft's dismissals: cleared when the draft is emptied or a new one is started. */
  readonly dismissals = new MemoryDismissals();

  constructor(initial: Partial<DraftFields> = {}) {
    this.fields = { ...EMPTY_FIELDS, ...initial };
  }

  /** Start a new draft: the text and recipients go, and so do the old draft's dismissals. Sender and kind stay. */
  newDraft(): void {
    this.dismissals.clear();
    this.set({ ...EMPTY_FIELDS, from: this.fields.from, ...(this.fields.publicity !== undefined ? { publicity: this.fields.publicity } : {}) });
  }

  get(): DraftFields {
    return this.fields;
  }

  set(patch: Partial<DraftFields>): void {
    this.fields = { ...this.fields, ...patch };
    // Emptied: whatever comes next is another draft, and the old one's dismissals do not apply to it.
    if (!this.fields.body.trim() && !this.fields.subject.trim()) this.dismissals.clear();
    for (const l of this.listeners) l();
  }

  subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  };

  async read(): Promise<Draft> {
    return fieldsToDraft(this.fields);
  }

  async apply(edits: readonly Edit[], basis?: Draft): Promise<void> {
    let next: Draft;
    const current = fieldsToDraft(this.fields);
    if (!textStillFits(edits, basis, current)) throw new EditRefused(CHANGED_SINCE_CHECK);
    try {
      next = applyEdits(current, edits);
    } catch (error) {
      if (error instanceof EditError) throw new EditRefused(error.message);
      throw error;
    }
    const patch: Partial<DraftFields> = { subject: next.subject, body: next.body };
    // Only rewrite recipient fields that changed, so the user's own formatting survives elsewhere.
    for (const field of ['to', 'cc', 'bcc'] as const) {
      const before = fieldsToDraft(this.fields)[field];
      if (JSON.stringify(before) !== JSON.stringify(next[field])) patch[field] = formatMailboxes(next[field]);
    }
    if (next.deliverAt) {
      const d = new Date(next.deliverAt);
      const pad = (n: number) => String(n).padStart(2, '0');
      patch.sendDate = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
    this.set(patch);
  }
}
