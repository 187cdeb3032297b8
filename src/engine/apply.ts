/**
 * Apply a suggestion's edits to a draft, purely: the draft passed in is never changed.
 * An edit that does not fit the draft (offsets out of range, overlapping text edits, a
 * recipient that is not there) throws an EditError and nothing is applied, so a fix can
 * never leave a half-edited draft.
 */
import { normaliseDraft } from './draft.ts';
import type { Draft, Edit, InsertTextEdit, Mailbox, RecipientField, ReplaceTextEdit, TextField } from './types.ts';

export class EditError extends Error {
  constructor(
    message: string,
    readonly edit: Edit,
  ) {
    super(message);
    this.name = 'EditError';
  }
}

export interface ApplyOptions {
  /**
   * Carries body text edits over to the HTML body (src/mail/html-edit.ts does this through the
   * offset map). Without it, a body edit drops `bodyHtml`, so that the edited text is the body:
   * hosts that keep formatting always pass it.
   */
  patchHtml?: (html: string, edits: (ReplaceTextEdit | InsertTextEdit)[]) => string;
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function withoutAddress(list: Mailbox[], email: string): Mailbox[] {
  return list.filter((m) => !sameAddress(m.email, email));
}

/** Text edits as replacements, checked for range and overlap, applied from the end backwards. */
export function applyTextEdits(text: string, edits: (ReplaceTextEdit | InsertTextEdit)[]): string {
  const spans = edits.map((e) =>
    e.kind === 'insertText' ? { start: e.at, end: e.at, text: e.text, edit: e as Edit } : { start: e.start, end: e.end, text: e.text, edit: e as Edit },
  );
  for (const s of spans) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > text.length) {
      throw new EditError(`The edit’s range ${s.start}–${s.end} is outside the text (length ${text.length}).`, s.edit);
    }
  }
  const sorted = [...spans].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.end > sorted[i - 1]!.start) throw new EditError('Two edits change the same words.', sorted[i]!.edit);
  }
  let out = text;
  for (const s of sorted) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

export function applyEdits(draft: Draft, edits: readonly Edit[], options: ApplyOptions = {}): Draft {
  const next: Draft = {
    ...draft,
    to: [...(draft.to ?? [])],
    cc: [...(draft.cc ?? [])],
    bcc: [...(draft.bcc ?? [])],
  };
  const textEdits: Record<TextField, (ReplaceTextEdit | InsertTextEdit)[]> = { body: [], subject: [] };
  const has = (field: RecipientField, email: string) => next[field].some((m) => sameAddress(m.email, email));

  for (const edit of edits) {
    switch (edit.kind) {
      case 'moveRecipient': {
        const found = next[edit.fromField].find((m) => sameAddress(m.email, edit.email));
        if (!found) throw new EditError(`${edit.email} is not in ${edit.fromField.toUpperCase()}.`, edit);
        next[edit.fromField] = withoutAddress(next[edit.fromField], edit.email);
        if (!has(edit.toField, edit.email)) next[edit.toField] = [...next[edit.toField], found];
        break;
      }
      case 'removeRecipient': {
        if (!has(edit.field, edit.email)) throw new EditError(`${edit.email} is not in ${edit.field.toUpperCase()}.`, edit);
        next[edit.field] = withoutAddress(next[edit.field], edit.email);
        break;
      }
      case 'addRecipient': {
        if (!has(edit.field, edit.recipient.email)) next[edit.field] = [...next[edit.field], edit.recipient];
        break;
      }
      case 'replaceRecipient': {
        const i = next[edit.field].findIndex((m) => sameAddress(m.email, edit.from));
        if (i === -1) throw new EditError(`${edit.from} is not in ${edit.field.toUpperCase()}.`, edit);
        const list = [...next[edit.field]];
        if (has(edit.field, edit.to.email)) list.splice(i, 1);
        else list[i] = edit.to;
        next[edit.field] = list;
        break;
      }
      case 'replaceText':
      case 'insertText':
        textEdits[edit.field].push(edit);
        break;
      case 'scheduleDelivery': {
        if (Number.isNaN(Date.parse(edit.at))) throw new EditError(`“${edit.at}” is not a date and time.`, edit);
        next.deliverAt = edit.at;
        break;
      }
      default: {
        const unknown: never = edit;
        throw new EditError(`Unknown edit kind “${(unknown as Edit).kind}”.`, unknown);
      }
    }
  }
  if (textEdits.subject.length) next.subject = applyTextEdits(draft.subject ?? '', textEdits.subject);
  if (textEdits.body.length) {
    // Offsets are into the body check() saw: for an HTML-only draft, the text taken out of the HTML.
    next.body = applyTextEdits(normaliseDraft(draft).body, textEdits.body);
    if (draft.bodyHtml !== undefined) {
      // Keep the HTML in step with the text, or drop it: HTML that says something else than the
      // text would be sent as it was, undoing the fix.
      if (options.patchHtml) next.bodyHtml = options.patchHtml(draft.bodyHtml, textEdits.body);
      else delete next.bodyHtml;
    }
  }
  return next;
}
