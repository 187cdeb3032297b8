/**
 * "Is the writer asking or telling the recipient to do X?" — the shared machinery behind the
 * rules about what a councillor or officer asks of the other (pressure-on-officers,
 * favour-seeking, employment-matter-to-member, disciplinary-influence).
 *
 * A keyword alone is not enough: "jump the queue" appears just as often in "I am not asking
 * for him to jump the queue" or "Mrs Hart asked whether she could jump the queue". So the
 * rules work sentence by sentence over the writer's own words (never quoted history or the
 * signature) and ask of each hit:
 *
 * - negation: is the idea negated in the few words before it ("not", "n't", "never", "no")?
 * - who speaks: is it reported speech of someone else ("the resident has asked …")?
 * - framing: is the sentence a request or a directive ("could you", "I'd like", "you must",
 *   a leading imperative), rather than a statement or a question about process?
 *
 * Everything here is pure, precompiled at module scope and linear in the length of the text.
 * Sentences are computed once per check and shared through the context memo.
 */
import { memoised, type RuleContext } from '../rule.ts';
import { normaliseChars, sentences, type Span } from '../text.ts';

export interface OwnSentence extends Span {
  /** The sentence normalised (ASCII quotes and dashes, single spaces kept) and lower-cased: same length as the slice. */
  lower: string;
}

/**
 * The sentences of the writer's own words, stopping at the signature: a job title such as
 * "Vice-Chair, Planning Committee" or "Tenancy Officer" is not something the writer says.
 */
export function ownSentences(ctx: RuleContext): OwnSentence[] {
  return memoised(ctx, 'requests:ownSentences', () => {
    const body = ctx.draft.body;
    const own = ownTextLower(ctx);
    const list = sentences(body, own.span);
    if (own.sliceable) {
      const base = own.span.start;
      return list.map((s) => ({ start: s.start, end: s.end, lower: own.lower.slice(s.start - base, s.end - base) }));
    }
    return list.map((s) => ({ ...s, lower: normaliseChars(body.slice(s.start, s.end)).toLowerCase() }));
  });
}

export interface OwnTextLower {
  /** The writer's own words up to the signature. */
  span: Span;
  /** That span of the body, normalised and lower-cased. */
  lower: string;
  /**
   * Whether a sentence's `lower` is the same slice of `lower`: lower-casing keeps the length and
   * does not depend on the neighbouring letters (it does for "İ" and the Greek capital sigma).
   */
  sliceable: boolean;
}

/** The writer's own words up to the signature, normalised and lower-cased once per check. */
export function ownTextLower(ctx: RuleContext): OwnTextLower {
  return memoised(ctx, 'requests:ownTextLower', () => {
    const end = ctx.layout.signature ? Math.min(ctx.layout.signature.start, ctx.own.end) : ctx.own.end;
    const span = { start: ctx.own.start, end };
    const raw = ctx.draft.body.slice(span.start, span.end);
    const lower = normaliseChars(raw).toLowerCase();
    return { span, lower, sliceable: lower.length === raw.length && !/[\u0130\u03A3]/.test(raw) };
  });
}

/** The writer's subject line as one lower-cased "sentence" (offsets into the subject). */
export function subjectLower(ctx: RuleContext): string {
  return normaliseChars(ctx.draft.subject ?? '').toLowerCase();
}

/** Body evidence for a sentence: offsets and the exact text (the quote equals the slice). */
export function sentenceEvidence(ctx: RuleContext, s: Span): { field: 'body'; start: number; end: number; quote: string } {
  return { field: 'body', start: s.start, end: s.end, quote: ctx.draft.body.slice(s.start, s.end) };
}

// ---- Negation ----

// Words that negate what follows them within a short window ("I am not asking you to …",
// "I wouldn't expect you to …", "nobody is suggesting …", "no need to …").
const NEGATOR = /\b(?:not|never|no|nobody|nothing|neither|nor|without|cannot)\b|n't\b/;
// A negation does not reach across these: a new clause starts.
const CLAUSE_BREAK = /[,;:()]|\b(?:but|however|although|though|whereas|yet|so|because|instead)\b/g;
const NEGATION_WINDOW_WORDS = 6;

/**
 * Every match of a global pattern, in order. Unlike `matchAll`, this does not clone the
 * pattern on each call, which matters when it runs for every sentence of every draft.
 * Do not run the same pattern again inside the loop.
 */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0] === '') re.lastIndex += 1;
  }
}

/**
 * Whether the words just before `index` in `lower` negate what stands at `index`: a negator
 * within six words and in the same clause. Six words cover "I wouldn't dream of asking you to
 * cancel" and "I'm not asking for him to be moved up"; clause breaks stop "I don't know, but
 * could you …" from counting.
 */
export function isNegatedAt(lower: string, index: number): boolean {
  // Walk back over at most six words, from `index`.
  let start = index;
  let words = 0;
  let i = index - 1;
  while (i >= 0 && /\s/.test(lower[i]!)) i -= 1;
  while (i >= 0 && words < NEGATION_WINDOW_WORDS) {
    while (i >= 0 && !/\s/.test(lower[i]!)) i -= 1;
    words += 1;
    start = i + 1;
    while (i >= 0 && /\s/.test(lower[i]!)) i -= 1;
  }
  const window = lower.slice(start, index);
  // Only the part after the last clause break counts.
  let from = 0;
  for (const m of matchesOf(CLAUSE_BREAK, window)) from = m.index + m[0].length;
  return NEGATOR.test(window.slice(from));
}

// ---- Who is speaking ----

// A third party as the subject of a verb of asking or saying: the words that follow are theirs,
// passed on by the writer ("Mrs Hart has asked whether …", "residents want to know …",
// "he tells me …"). Titles and common casework nouns; a bare "he"/"she"/"they" counts too.
const REPORTED_FRAME = new RegExp(
  String.raw`\b(?:he|she|they|resident|residents|constituent|constituents|tenant|tenants|neighbour|neighbours|applicant|applicants|family|client|parents?|(?:mr|mrs|ms|miss|mx|dr)\.?\s+[a-z'-]+)\s+` +
    String.raw`(?:has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+|would\s+|'s\s+|'ve\s+)?(?:also\s+|now\s+)?` +
    String.raw`(?:asked|asks|asking|wants|want|wanted|wondered|wonders|wondering|requested|requests|said|says|told|tells|feels|felt|thinks|thought|believes|believed|hopes|hoped|like|keen)\b`,
  'g',
);

/** Whether `index` in `lower` sits inside words the writer attributes to someone else. */
export function isReportedAt(lower: string, index: number): boolean {
  // The earliest frame is the first match: it is reported if that comes before `index`.
  REPORTED_FRAME.lastIndex = 0;
  const m = REPORTED_FRAME.exec(lower);
  return m !== null && m.index < index;
}

// ---- Framing: is the sentence a request or a directive? ----

// Requests and directives addressed to the reader, in the forms British email uses. Sources:
// GOV.UK style guide examples of polite requests, and the corpus-independent forms found in
// councillors' casework (modal questions, "I'd like", "I'd be grateful if").
const REQUEST_FRAME = new RegExp(
  [
    String.raw`\b(?:could|can|would|will|might)\s+(?:you|someone|somebody|your\s+team|officers)\b`,
    String.raw`\bplease\b`,
    String.raw`\bi(?:'d|\s+would)\s+(?:like|want|prefer|ask|appreciate|expect|be\s+(?:grateful|glad|obliged|pleased))\b`,
    String.raw`\bi\s+(?:want|need|expect|require|insist|demand|ask|urge|trust)\b`,
    String.raw`\bi(?:'m|\s+am)\s+(?:asking|requesting|instructing|telling|directing|insisting|expecting)\b`,
    String.raw`\bis\s+there\s+(?:any\s+)?(?:way|chance|possibility)\b`,
    String.raw`\byou\s+(?:must|should|need\s+to|have\s+to|ought\s+to|will\s+need\s+to|are\s+to)\b`,
    String.raw`\bmake\s+sure\b|\bsee\s+to\s+it\b|\bget\s+(?:this|it|that)\s+(?:sorted|done|changed|dealt)\b`,
    String.raw`\bany\s+chance\b|\b(?:if|whether)\s+(?:you|someone|somebody)\s+(?:could|can|would|might)\b`,
    String.raw`\bwonder(?:ed|ing)?\s+(?:if|whether)\b`,
  ].join('|'),
  'g',
);

/** The first request or directive frame in `lower`, if any: its index. */
export function requestFrameIndex(lower: string): number {
  REQUEST_FRAME.lastIndex = 0;
  const m = REQUEST_FRAME.exec(lower);
  return m ? m.index : -1;
}

/** Whether the sentence is put as a request or directive that is not itself negated. */
export function isRequest(lower: string): boolean {
  for (const m of matchesOf(REQUEST_FRAME, lower)) {
    if (!isNegatedAt(lower, m.index)) return true;
  }
  return false;
}

// Strong instructions: the writer tells rather than asks. "Could you" is a request; "I want
// you to", "you must" and "I expect you to" are instructions (surrey-heath 1.6 separates
// instructing junior officers from asking senior ones).
const INSTRUCTION = new RegExp(
  [
    String.raw`\bi\s+(?:want|need|expect|require)\s+(?:you|your\s+team|officers)\s+to\b`,
    String.raw`\bi(?:'d|\s+would)\s+(?:like|want)\s+you\s+to\b`,
    String.raw`\bi(?:'m|\s+am)\s+(?:instructing|telling|directing|asking)\s+you\s+to\b`,
    String.raw`\bi\s+(?:instruct|direct|insist)\b`,
    String.raw`\byou\s+(?:must|will\s+need\s+to|are\s+to|have\s+to|need\s+to)\b`,
    String.raw`\bmake\s+sure\s+(?:you|that\s+you|it|this)\b|\bsee\s+to\s+it\b`,
  ].join('|'),
  'g',
);

// Verbs that ask for information or contact rather than action: a councillor may ask any officer
// for information (surrey-heath 6.5; crawley 7.1), so these are not instructions.
const INFORMATION_VERB =
  /^\s*(?:(?:please|kindly|also|just|urgently)\s+)?(?:let\s+me\s+know|tell|send\s+me|confirm|explain|update|advise|clarify|reply|respond|call|ring|phone|contact|check\s+(?:whether|if)|find\s+out|keep\s+me|remember|understand|know|note|bear\s+in\s+mind|be\s+aware|forward\s+me|share|look\s+into)\b/;

/**
 * The first instruction in `lower` whose action is not a request for information, and is not
 * negated: its index, else -1. "I want you to tell me" asks for information; "I want you to
 * cancel the order" instructs.
 */
export function instructionIndex(lower: string): number {
  for (const m of matchesOf(INSTRUCTION, lower)) {
    const at = m.index;
    if (isNegatedAt(lower, at)) continue;
    if (INFORMATION_VERB.test(lower.slice(at + m[0].length))) continue;
    return at;
  }
  return -1;
}

// Questions about how something works are the proper way to ask (tower-hamlets 5.5: comments
// on process). "What is the process for …", "how does … work", "could you explain how …".
const PROCESS_QUESTION =
  /\b(?:what\s+(?:is|are|'s)\s+the\s+(?:process|procedure|policy|rules?|position|timescale)|how\s+(?:does|do|would|will|is|are)\b.*\b(?:work|handled|dealt\s+with|decided|assessed)|explain\s+(?:how|what|the\s+process|the\s+procedure))\b/;

export function isProcessQuestion(lower: string): boolean {
  return PROCESS_QUESTION.test(lower);
}

/** The first match of `re` (global) in `lower` that is neither negated nor reported: its index and text. */
export function firstAssertedMatch(lower: string, re: RegExp): { index: number; text: string } | undefined {
  for (const m of matchesOf(re, lower)) {
    const at = m.index;
    if (isNegatedAt(lower, at) || isReportedAt(lower, at)) continue;
    return { index: at, text: m[0] };
  }
  return undefined;
}
