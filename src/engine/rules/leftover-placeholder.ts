/**
 * leftover-placeholder: a gap the add-in once left for the writer's own words, still unfilled.
 *
 * Earlier versions of the silent-copy fix wrote "I have copied in Cllr X because [reason]." and
 * left the writer to replace "[reason]". Today's panel asks for the words before it applies the
 * fix, but drafts written with older versions (or a sentence pasted from one) can still hold the
 * placeholder, and an email that says "because [reason]" tells the councillor nothing about why
 * someone was copied. Only the placeholders the product itself wrote are looked for: square
 * brackets the writer put there ("[sic]", a reference "[1]", "[reason for visit]") are theirs.
 */
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Edit } from '../types.ts';
import silentCopy from './silent-copy.ts';

type MessageId = 'placeholder';

/**
 * Every placeholder the product has ever written into a draft, by what belongs in it. Found by
 * reading the fix templates of every rule and of apply.ts through the project's history: only
 * silent-copy's disclosure ever held one. Add a name here if a fix ever gains another.
 */
const PRODUCT_PLACEHOLDERS: Record<string, string> = {
  reason: 'why they are copied in',
};

// structural: a bracketed product placeholder, tolerating the case and spaces a retyped copy may have ("[ Reason ]").
const PLACEHOLDER_G = /\[\s*([A-Za-z]+)\s*\]/g;

/** A sentence ends at . ! ? (with closing quotes or brackets after) or at a line break. */
function sentenceAround(text: string, start: number, end: number, from: number, to: number): { start: number; end: number } {
  let s = start;
  while (s > from && !/[.!?\n]/.test(text[s - 1]!)) s -= 1;
  while (s < start && /[ \t]/.test(text[s]!)) s += 1;
  let e = end;
  while (e < to && !/[.!?\n]/.test(text[e]!)) e += 1;
  while (e < to && /[.!?'"’”)]/.test(text[e]!)) e += 1;
  return { start: s, end: e };
}

/** The edit that takes the unfinished sentence out, with the space or blank line it leaves. */
function removeSentence(text: string, span: { start: number; end: number }, to: number): Edit {
  let { start, end } = span;
  const lineStart = start === 0 || text[start - 1] === '\n';
  if (lineStart && (end >= to || text[end] === '\n' || text[end] === '\r')) {
    // The sentence is its own paragraph (as the old fix wrote it): take the blank line after it too.
    while (end < to && /[ \t]/.test(text[end]!)) end += 1;
    let breaks = 0;
    while (end < to && breaks < 2 && /[\r\n]/.test(text[end]!)) {
      if (text[end] === '\n') breaks += 1;
      end += 1;
    }
    if (end >= to) while (start > 0 && /[\r\n]/.test(text[start - 1]!)) start -= 1;
  } else {
    while (end < to && /[ \t]/.test(text[end]!)) end += 1;
  }
  return { kind: 'replaceText', field: 'body', start, end, text: '' };
}

function reportsIn(ctx: RuleContext): RuleReport<MessageId>[] {
  const reports: RuleReport<MessageId>[] = [];
  const subject = ctx.draft.subject;
  for (const m of subject.matchAll(PLACEHOLDER_G)) {
    const name = m[1]!.toLowerCase();
    if (!(name in PRODUCT_PLACEHOLDERS)) continue;
    reports.push({
      messageId: 'placeholder',
      data: { placeholder: m[0], what: PRODUCT_PLACEHOLDERS[name]! },
      evidence: { field: 'subject', start: m.index, end: m.index + m[0].length, quote: m[0] },
      suggestions: [{ title: `Replace “${m[0]}” with ${PRODUCT_PLACEHOLDERS[name]}`, edits: [] }],
    });
  }
  const body = ctx.draft.body;
  const own = ctx.ownText;
  for (const m of own.matchAll(PLACEHOLDER_G)) {
    const name = m[1]!.toLowerCase();
    if (!(name in PRODUCT_PLACEHOLDERS)) continue;
    const start = ctx.own.start + m.index;
    const end = start + m[0].length;
    const sentence = sentenceAround(body, start, end, ctx.own.start, ctx.own.end);
    const words = body.slice(sentence.start, sentence.end);
    reports.push({
      messageId: 'placeholder',
      data: { placeholder: m[0], what: PRODUCT_PLACEHOLDERS[name]! },
      evidence: { field: 'body', start, end, quote: m[0] },
      suggestions: [
        { title: `Replace “${m[0]}” with ${PRODUCT_PLACEHOLDERS[name]}`, edits: [] },
        { title: `Take out the unfinished sentence “${words.length > 80 ? `${words.slice(0, 77)}…` : words}”`, edits: [removeSentence(body, sentence, ctx.own.end)] },
      ],
    });
  }
  return reports;
}

export default defineRule<MessageId>({
  meta: {
    id: 'leftover-placeholder',
    description: 'A gap the add-in left for the writer’s own words (such as “[reason]”) is still in the draft, unfilled.',
    defaultSeverity: 'error',
    // The placeholder stands where the disclosure says why someone was copied in: the same
    // paragraphs that ask for that disclosure apply to it.
    citations: silentCopy.meta.citations,
    citesParagraphsOf: 'silent-copy',
    messages: {
      placeholder: 'The draft still says “{placeholder}”, a gap left for your own words. Write {what} in its place, or take the sentence out.',
    },
    fixable: true,
  },

  check(ctx) {
    return reportsIn(ctx);
  },
});
