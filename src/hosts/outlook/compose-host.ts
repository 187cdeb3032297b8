/**
 * The Outlook compose adapter: turns the item being written into a Draft and applies Edits
 * back to it. Recipients go through the recipients API; body text edits are applied to the
 * HTML body as minimal patches through the offset map, so bold text, links, tables and the
 * signature survive; an edit that cannot be mapped safely is refused and the body is left alone.
 */
import { applyEdits, EditError } from '../../engine/apply.ts';
import type { Draft, Edit, InsertTextEdit, Mailbox, RecipientField, ReplaceTextEdit } from '../../engine/types.ts';
import { applyTextEditsToHtml } from '../../mail/html-edit.ts';
import { htmlToText } from '../../engine/html-text.ts';
import { CHANGED_SINCE_CHECK, type DraftHost, EditRefused, textStillFits } from '../../ui/host.ts';
import { officeCall } from './office-async.ts';
import type { DismissalStore } from '../../ui/dismissals.ts';
import { itemDismissals } from './item-dismissals.ts';

/** Outlook's limit for body.setAsync. */
const MAX_BODY = 1_000_000;
/**
 * How often to look for body edits while the pane is visible (there is no body-changed event):
 * often enough that findings follow a pause in typing within about half a second. An unchanged
 * look costs microseconds (the raw body is compared before any conversion, see `read`).
 */
export const POLL_MS = 500;
/** After this long without a change the pane looks less often, and at once again after a change. */
export const IDLE_AFTER_MS = 15_000;
/** How much less often an idle pane looks: every POLL_MS × IDLE_POLL_FACTOR. */
export const IDLE_POLL_FACTOR = 4;

const toMailbox = (d: Office.EmailAddressDetails): Mailbox => ({ ...(d.displayName && d.displayName !== d.emailAddress ? { name: d.displayName } : {}), email: d.emailAddress });
const toDetails = (m: Mailbox) => ({ displayName: m.name ?? m.email, emailAddress: m.email });
const RECIPIENT_FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];

export interface VisibilitySource {
  isVisible(): boolean;
  onChange(listener: () => void): () => void;
}

/** What Outlook gave on the last read, before any conversion. */
interface RawRead {
  from: Mailbox | undefined;
  recipients: Office.EmailAddressDetails[][];
  subject: string;
  body: { type: 'html' | 'text'; value: string };
  composeType: Draft['composeType'];
}

const sameDetails = (a: Office.EmailAddressDetails[], b: Office.EmailAddressDetails[]): boolean =>
  a.length === b.length && a.every((d, i) => d.emailAddress === b[i]!.emailAddress && d.displayName === b[i]!.displayName);

function sameRead(a: RawRead, b: RawRead): boolean {
  return (
    a.body.value === b.body.value &&
    a.body.type === b.body.type &&
    a.subject === b.subject &&
    a.composeType === b.composeType &&
    a.from?.email === b.from?.email &&
    a.from?.name === b.from?.name &&
    a.recipients.every((list, i) => sameDetails(list, b.recipients[i]!))
  );
}

export class OutlookComposeHost implements DraftHost {
  readonly dismissals: DismissalStore;
  /** The last read as Outlook gave it and the Draft made from it: an unchanged item gives the same Draft object back. */
  private last: { raw: RawRead; draft: Draft } | undefined;
  /** When the item last changed (for the idle poll). */
  private changedAt = Date.now();

  constructor(
    private readonly item: Office.MessageCompose,
    private readonly visibility: VisibilitySource,
    private readonly pollMs = POLL_MS,
  ) {
    this.dismissals = itemDismissals(item);
  }

  private async readBody(): Promise<{ type: 'html' | 'text'; value: string }> {
    const type = await officeCall<Office.CoercionType>((cb) => this.item.body.getTypeAsync(cb));
    // Plain-text bodies exist (and phones may return text): never write HTML into them.
    if (type === Office.CoercionType.Html) return { type: 'html', value: await officeCall<string>((cb) => this.item.body.getAsync(Office.CoercionType.Html, cb)) };
    return { type: 'text', value: await officeCall<string>((cb) => this.item.body.getAsync(Office.CoercionType.Text, cb)) };
  }

  private async readRecipients(field: RecipientField): Promise<Office.EmailAddressDetails[]> {
    return officeCall<Office.EmailAddressDetails[]>((cb) => this.item[field].getAsync(cb));
  }

  private async readFrom(): Promise<Mailbox | undefined> {
    if (!this.item.from?.getAsync) return undefined;
    try {
      return toMailbox(await officeCall<Office.EmailAddressDetails>((cb) => this.item.from.getAsync(cb)));
    } catch {
      return undefined;
    }
  }

  private async readComposeType(): Promise<Draft['composeType']> {
    if (typeof this.item.getComposeTypeAsync !== 'function') return undefined;
    try {
      const value = await officeCall<{ composeType: string }>((cb) => this.item.getComposeTypeAsync(cb));
      return value.composeType === 'reply' || value.composeType === 'forward' ? value.composeType : 'new';
    } catch {
      return undefined;
    }
  }

  /**
   * The item as a Draft. What Outlook returns is compared with the last read first (strings by
   * identity of content, recipients field by field), so an unchanged item costs no HTML
   * conversion and returns the very same Draft object, which callers can compare by identity.
   * The Draft is shared between reads: treat it as read-only.
   */
  async read(): Promise<Draft> {
    const [from, to, cc, bcc, subject, body, composeType] = await Promise.all([
      this.readFrom(),
      this.readRecipients('to'),
      this.readRecipients('cc'),
      this.readRecipients('bcc'),
      officeCall<string>((cb) => this.item.subject.getAsync(cb)),
      this.readBody(),
      this.readComposeType(),
    ]);
    // Copies of the recipient lists: a later change must not reach back into what was read.
    const copy = (list: Office.EmailAddressDetails[]) => list.map((d) => ({ displayName: d.displayName, emailAddress: d.emailAddress }) as Office.EmailAddressDetails);
    const raw: RawRead = { from, recipients: [copy(to), copy(cc), copy(bcc)], subject, body, composeType };
    if (this.last && sameRead(this.last.raw, raw)) return this.last.draft;
    const draft: Draft = {
      ...(from ? { from } : {}),
      to: to.map(toMailbox),
      cc: cc.map(toMailbox),
      bcc: bcc.map(toMailbox),
      subject,
      // The engine's offsets are into this text; for HTML it is derived the same way html-edit maps it.
      body: body.type === 'html' ? htmlToText(body.value).text : body.value,
      ...(body.type === 'html' ? { bodyHtml: body.value } : {}),
      ...(composeType ? { composeType } : {}),
    };
    if (this.last) this.changedAt = Date.now();
    this.last = { raw, draft };
    return draft;
  }

  /** The wait before the next look: POLL_MS, or IDLE_POLL_FACTOR times it once the item has rested IDLE_AFTER_MS. */
  nextPollMs(now = Date.now()): number {
    return now - this.changedAt >= IDLE_AFTER_MS ? this.pollMs * IDLE_POLL_FACTOR : this.pollMs;
  }

  subscribe(onChange: () => void): () => void {
    // One timer at a time, re-armed after each look, so the wait can grow while the item rests;
    // none while the pane is hidden.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        timer = undefined;
        onChange();
        if (this.visibility.isVisible()) arm();
      }, this.nextPollMs());
    };
    const start = () => {
      if (!timer && this.visibility.isVisible()) arm();
    };
    const stop = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    };
    const stopVisibility = this.visibility.onChange(() => {
      if (this.visibility.isVisible()) {
        this.changedAt = Date.now();
        onChange();
        start();
      } else stop();
    });
    start();
    // RecipientsChanged misses address-book picks, so the poll re-reads recipients too.
    const handler = () => {
      this.changedAt = Date.now();
      onChange();
    };
    this.item.addHandlerAsync?.(Office.EventType.RecipientsChanged, handler);
    return () => {
      stop();
      stopVisibility();
      this.item.removeHandlerAsync?.(Office.EventType.RecipientsChanged);
    };
  }

  async apply(edits: readonly Edit[], basis?: Draft): Promise<void> {
    const draft = await this.read();
    if (!textStillFits(edits, basis, draft)) throw new EditRefused(CHANGED_SINCE_CHECK);
    let next: Draft;
    try {
      next = applyEdits(draft, edits);
    } catch (error) {
      if (error instanceof EditError) throw new EditRefused(error.message);
      throw error;
    }
    // Work out the new body before touching anything, so a refusal changes nothing.
    const bodyEdits = edits.filter((e): e is ReplaceTextEdit | InsertTextEdit => (e.kind === 'replaceText' || e.kind === 'insertText') && e.field === 'body');
    let newBody: { type: 'html' | 'text'; value: string } | undefined;
    if (bodyEdits.length) {
      if (draft.bodyHtml !== undefined) {
        const patched = applyTextEditsToHtml(draft.bodyHtml, bodyEdits);
        if ('refused' in patched) throw new EditRefused(patched.refused);
        newBody = { type: 'html', value: patched.html };
      } else newBody = { type: 'text', value: next.body };
      if (newBody.value.length > MAX_BODY) throw new EditRefused('The message would be longer than Outlook allows.');
    }
    const schedule = edits.find((e) => e.kind === 'scheduleDelivery');
    if (schedule && !this.item.delayDeliveryTime?.setAsync) {
      throw new EditRefused('This version of Outlook cannot schedule delivery from an add-in. Use Delay Delivery in the message options.');
    }

    if (newBody) {
      await officeCall<void>((cb) =>
        this.item.body.setAsync(newBody.value, { coercionType: newBody.type === 'html' ? Office.CoercionType.Html : Office.CoercionType.Text }, cb),
      );
    }
    if (next.subject !== draft.subject) await officeCall<void>((cb) => this.item.subject.setAsync(next.subject, cb));
    for (const field of RECIPIENT_FIELDS) {
      if (JSON.stringify(next[field]) !== JSON.stringify(draft[field])) {
        await officeCall<void>((cb) => this.item[field].setAsync(next[field].map(toDetails), cb));
      }
    }
    if (schedule && next.deliverAt) await officeCall<void>((cb) => this.item.delayDeliveryTime.setAsync(new Date(next.deliverAt!), cb));
  }

}

/** The taskpane's visibility, from the document (Outlook hides the pane's page when it is closed). */
export const documentVisibility: VisibilitySource = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  onChange(listener) {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
