/** The draft as every part of the engine sees it, whichever host it came from. */
import { htmlToText } from './html-text.ts';
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

/**
 * @summary The draft's own date when it has one that parses, else `fallback`. For callers of
 * `check()` whose moment of sending is "the draft's Date:, else now" (the CLI, the pages).
 * @example check(draft, policy, { now: draftDateOr(draft, new Date()) })
 */
export function draftDateOr(draft: Draft, fallback: Date): Date {
  return draft.date && !Number.isNaN(Date.parse(draft.date)) ? new Date(draft.date) : fallback;
}
