/** The draft as every part of the engine sees it, whichever host it came from. */
import { htmlToText } from '../mail/html-text.ts';
import type { Draft } from './types.ts';

/** Fill in what the engine needs from a draft that may come from any host: lists, and text from HTML. */
export function normaliseDraft(draft: Draft): Draft {
  const body = draft.body ?? '';
  return {
    ...draft,
    to: draft.to ?? [],
    cc: draft.cc ?? [],
    bcc: draft.bcc ?? [],
    subject: draft.subject ?? '',
    body: body.trim() === '' && draft.bodyHtml ? htmlToText(draft.bodyHtml).text : body,
  };
}
