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
/** How often to look for body edits while the pane is visible (there is no body-changed event). */
export const POLL_MS = 1500;

const toMailbox = (d: Office.EmailAddressDetails): Mailbox => ({ ...(d.displayName && d.displayName !== d.emailAddress ? { name: d.displayName } : {}), email: d.emailAddress });
const toDetails = (m: Mailbox) => ({ displayName: m.name ?? m.email, emailAddress: m.email });
const RECIPIENT_FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];

export interface VisibilitySource {
  isVisible(): boolean;
  onChange(listener: () => void): () => void;
}

export class OutlookComposeHost implements DraftHost {
  readonly dismissals: DismissalStore;

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

  private async readRecipients(field: RecipientField): Promise<Mailbox[]> {
    const list = await officeCall<Office.EmailAddressDetails[]>((cb) => this.item[field].getAsync(cb));
    return list.map(toMailbox);
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
    return {
      ...(from ? { from } : {}),
      to,
      cc,
      bcc,
      subject,
      // The engine's offsets are into this text; for HTML it is derived the same way html-edit maps it.
      body: body.type === 'html' ? htmlToText(body.value).text : body.value,
      ...(body.type === 'html' ? { bodyHtml: body.value } : {}),
      ...(composeType ? { composeType } : {}),
    };
  }

  subscribe(onChange: () => void): () => void {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (!timer && this.visibility.isVisible()) timer = setInterval(onChange, this.pollMs);
    };
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    };
    const stopVisibility = this.visibility.onChange(() => {
      if (this.visibility.isVisible()) {
        onChange();
        start();
      } else stop();
    });
    start();
    // RecipientsChanged misses address-book picks, so the poll re-reads recipients too.
    const handler = () => onChange();
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
