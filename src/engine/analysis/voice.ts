/**
 * Whose words are these, and do they really say it? Shared by the text rules that judge what
 * the writer says (discourteous-tone, public-criticism-of-officers, legal-proceedings,
 * officer-party-work):
 *
 * - `proseSentences`: the sentences of the writer's own words, without quoted history and
 *   without the signature block (a council disclaimer is not the writer speaking).
 * - `isReportedSpeech`: a resident's words relayed by the writer ("she told me the officer
 *   was useless", or a passage in quotation marks introduced by someone else's "said").
 * - `isNegated`: a cue such as "not", "never" or "no" earlier in the same clause.
 * - `isRequest`: the sentence asks the reader to do something.
 *
 * All of it works on the same-length normalised body, so offsets point back into the body.
 */
import { memoised, type RuleContext } from '../rule.ts';
import { normaliseChars, sentences, type Span } from '../text.ts';

export interface Sentence extends Span {
  /** The sentence text, normalised (curly quotes and odd spaces made ASCII), same length. */
  text: string;
}

/** The writer's own words without the signature block. */
export function proseSpan(ctx: RuleContext): Span {
  const end = ctx.layout.signature ? Math.min(ctx.own.end, ctx.layout.signature.start) : ctx.own.end;
  return { start: ctx.own.start, end };
}

/** The body with curly quotes, dashes and odd spaces made ASCII: same length, same offsets. */
export function normalisedBody(ctx: RuleContext): string {
  return memoised(ctx, 'voice:normalisedBody', () => normaliseChars(ctx.draft.body));
}

/** Sentences of the writer's own prose, computed once per check. */
export function proseSentences(ctx: RuleContext): Sentence[] {
  return memoised(ctx, 'voice:proseSentences', () => {
    const body = normalisedBody(ctx);
    return sentences(body, proseSpan(ctx)).map((s) => ({ start: s.start, end: s.end, text: body.slice(s.start, s.end) }));
  });
}

// Someone other than the writer as the subject of a verb of saying: "she said", "a resident
// tells me", "Mrs Okoro described…", "my constituent has written that". The writer ("I", "we")
// is deliberately absent: "I told you" is the writer's own voice.
const THIRD_PARTY =
  String.raw`(?:he|she|they|residents?|constituents?|tenants?|neighbours?|people|families|parents|(?:the|a|one|my|our|this|another) (?:resident|constituent|tenant|neighbour|complainant|caller|family|owner|applicant|lady|gentleman|man|woman|member of the public|objector|shopkeeper|landlord|leaseholder)s?|(?:mr|mrs|ms|miss|mx|dr)\.? [A-Z][\w'-]+)`;
const SAYING = String.raw`(?:said|says|say|told|tells|tell|wrote|writes|write|has written|claims?|claimed|described|describes|called|calls|complained|complains|alleged|alleges|feels?|felt|thinks?|thought|shouted|reported|reports|asked|asks|put it|added|adds|insisted|insists)`;
const ATTRIBUTION = new RegExp(String.raw`\b${THIRD_PARTY}\b(?:\s+\w+){0,6}?\s+${SAYING}\b|\baccording to (?:him|her|them|${THIRD_PARTY})\b|\bin (?:his|her|their) (?:own )?words\b`, 'i');

/**
 * Are the words at `pos` a third party's, relayed by the writer? True when a verb of saying with
 * someone else as its subject comes earlier in the same sentence, or when `pos` sits inside
 * quotation marks that someone else's words introduce.
 */
export function isReportedSpeech(body: string, sentence: Span, pos: number): boolean {
  if (ATTRIBUTION.test(body.slice(sentence.start, pos))) return true;
  const open = openingQuoteBefore(body, sentence.start, pos);
  if (open !== undefined) {
    const lead = body.slice(Math.max(0, open - 160), open);
    if (ATTRIBUTION.test(lead)) return true;
  }
  return false;
}

/** The offset of the double quotation mark that opens a quotation containing `pos`, if any. */
function openingQuoteBefore(body: string, from: number, pos: number): number | undefined {
  // Look back at most two sentences' worth for an unbalanced opening quote.
  const start = Math.max(0, Math.min(from, pos) - 400);
  let open: number | undefined;
  for (let i = start; i < pos; i++) if (body[i] === '"') open = open === undefined ? i : undefined;
  return open;
}

// Negation cues (Longman's common negators plus the n't clitic), looked for in the same clause only.
const NEGATION = /\b(?:not|never|no|nobody|none|nothing|neither|nor|without|hardly|cannot)\b|n't\b|\bno (?:intention|wish|plans?)\b/i;
const CLAUSE_BREAK = /[,;:()]|\b(?:but|although|though|however|whereas|because|and then)\b/gi;

/**
 * Is the phrase at `pos` negated? Looks back over at most `words` words of the same clause
 * ("I am not asking you to…", "this is no reflection on…").
 */
export function isNegated(body: string, sentence: Span, pos: number, words = 6): boolean {
  let head = body.slice(sentence.start, pos);
  let last = -1;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of head.matchAll(CLAUSE_BREAK)) last = (m.index ?? 0) + m[0].length;
  if (last >= 0) head = head.slice(last);
  const tail = head.trim().split(/\s+/).slice(-words).join(' ');
  return NEGATION.test(tail);
}

// A request to the reader: a polite question, an imperative with "please", or the writer's wish.
const REQUEST =
  /\b(?:could|can|would|will|might) you\b|\bplease\b|\b(?:I'd|I would|we'd|we would) (?:like|love|be grateful|appreciate)\b|\b(?:be grateful|appreciate it) if\b|\bif you could\b|\blet me (?:know|have)\b|\b(?:send|give|tell|email|forward) (?:me|us)\b|\bI (?:need|want) you to\b|\bare you able to\b|\bwould it be possible\b|\bdo you (?:know|think)\b|\bwhat (?:is|are|will|would)\b|\bwhether\b|\?/i;

export function isRequest(sentenceText: string): boolean {
  return REQUEST.test(sentenceText);
}

/** The index of the sentence that contains `pos`, or -1. */
export function sentenceAt(list: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
