/**
 * Mentions of legal proceedings, ongoing or contemplated, for `legal-proceedings`.
 *
 * Terms are a curated list of the proceedings a council is party to (possession claims,
 * prosecutions, judicial review and its pre-action letter, injunctions, tribunals, named courts,
 * litigation), with inflections. "Court" alone is ambiguous in UK addresses ("11 Castle Court",
 * "Orchard Court"): it counts only as a named court ("county court"), with a case word ("court
 * hearing") that is not part of a place name, or after a preposition in lower case ("go to court").
 * Planning appeals to the Planning Inspectorate are deliberately left out: they are an
 * administrative appeal in which councillors may take part through the published process.
 */
import type { RuleContext } from '../rule.ts';
import { normaliseChars, type Span } from '../text.ts';
import { isNegated, isRequest, normalisedBody, proseSentences, type Sentence } from './voice.ts';

const PROCEEDINGS = new RegExp(
  [
    String.raw`possession (?:claims?|proceedings|orders?|hearings?|actions?|cases?)`,
    String.raw`warrants? (?:of|for) (?:possession|eviction)|eviction (?:proceedings|hearings?|orders?)`,
    String.raw`prosecut(?:e|es|ed|ing|ion|ions)`,
    String.raw`judicial reviews?|pre-action (?:letters?|protocol)|letters? before (?:action|claim)`,
    String.raw`injunctions?|(?:employment |first-tier |upper |lands |property )?tribunals?`,
    String.raw`(?:county|magistrates'?|crown|high|family|small claims|supreme|coroners?'?s?) courts?`,
    String.raw`court (?:cases?|hearings?|proceedings|actions?|orders?|dates?|papers|summons(?:es)?)`,
    String.raw`litigat(?:e|ed|ing|ion)|lawsuits?|legal (?:action|proceedings|challenges?|claims?|cases?|disputes?)`,
    String.raw`(?:sue|sues|suing|sued)(?= (?:the council|us|them|him|her|the landlord|the authority))|summons(?:es|ed)?`,
  ]
    .map((alt) => `(?:${alt})`)
    .join('|'),
  'gi',
);
// "to court" / "in court": lower case only, so "to Court Lane" is not caught.
const PREPOSITION_COURT = /\b(?:to|in|at|into|before|through) (?:the )?court\b/g;
// A capitalised word before "Court" that is not a kind of court makes a place name.
const COURT_KINDS = /^(?:county|magistrates'?|crown|high|family|supreme|claims|coroners?'?s?|the)$/i;

export interface ProceedingsMention extends Span {
  field: 'body' | 'subject';
  quote: string;
}

function isPlaceName(text: string, index: number, match: string): boolean {
  if (!/^court/i.test(match) || !/^Court/.test(match)) return false;
  const before = /([A-Za-z']+)\s+$/.exec(text.slice(Math.max(0, index - 30), index))?.[1];
  return !!before && /^[A-Z]/.test(before) && !COURT_KINDS.test(before);
}

function mentionsIn(text: string, offset: number): Span[] {
  const out: Span[] = [];
  for (const re of [PROCEEDINGS, PREPOSITION_COURT]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const i = m.index ?? 0;
      if (isPlaceName(text, i, m[0])) continue;
      out.push({ start: offset + i, end: offset + i + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Proceedings the writer asks about: a mention in a sentence of their own prose that is not
 * negated ("no legal action is planned"), with a request in the same or a nearby sentence;
 * or, failing that, a mention in the subject line with any request in the prose.
 */
export function findProceedingsEnquiry(ctx: RuleContext): ProceedingsMention | undefined {
  const body = normalisedBody(ctx);
  const prose: Sentence[] = proseSentences(ctx);
  const requests = prose.map((s) => isRequest(s.text));
  for (let i = 0; i < prose.length; i++) {
    const s = prose[i]!;
    for (const m of mentionsIn(s.text, s.start)) {
      if (isNegated(body, s, m.start, 4)) continue;
      const near = requests.slice(Math.max(0, i - 1), i + 4).some(Boolean);
      if (near) return { field: 'body', start: m.start, end: m.end, quote: ctx.draft.body.slice(m.start, m.end) };
    }
  }
  const subject = normaliseChars(ctx.draft.subject);
  const inSubject = mentionsIn(subject, 0)[0];
  if (inSubject && requests.some(Boolean)) {
    return { field: 'subject', start: inSubject.start, end: inSubject.end, quote: ctx.draft.subject.slice(inSubject.start, inSubject.end) };
  }
  return undefined;
}
