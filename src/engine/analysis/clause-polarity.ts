/**
 * Clause-level polarity over raw text: is a cue negated by a word shortly before it in the same
 * clause? Kept only for `political-group-briefing` until it moves to the text model (the lead
 * engineer moves it); `confidential-information`, `constituent-consent` and
 * `official-letter-from-member` no longer use it — they read negation, questions and reported
 * speech from the text model (`ctx.text`: per-token `negated`, `reported`, `quotationOf`) and
 * their vocabulary from the lexicon. Do not add new callers.
 *
 * Offsets are into the text passed in; matching runs on same-length normalised text
 * (curly apostrophes become straight ones), so offsets stay valid.
 */
import { normaliseChars, sentences, type Span } from '../text.ts';

// Words that turn the statement after them round. "n't" covers don't, hasn't, won't, isn't…
const NEGATION = /(?:\b(?:not|never|no|nothing|none|neither|nor|without|cannot|no\s+longer|non|refused?|declined?|unwilling|reluctant)\b|n't\b)/i;

// Clause boundaries: punctuation, and conjunctions that start a fresh statement.
const CLAUSE_BREAK = /[,;:()\n]|\s-\s|\b(?:but|although|though|however|whereas|so|and\s+(?:that|so)|because|as\s+long\s+as)\b/gi;

/** The start of the clause that contains `index`, not before `from`. */
export function clauseStart(text: string, index: number, from: number): number {
  const slice = normaliseChars(text.slice(from, index));
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of slice.matchAll(CLAUSE_BREAK)) start = (m.index ?? 0) + m[0].length;
  return from + start;
}

/** The last `words` words before `index`, within its clause. */
export function wordsBefore(text: string, index: number, from: number, words = 5): string {
  const start = clauseStart(text, index, from);
  const w = normaliseChars(text.slice(start, index)).trim().split(/\s+/).filter(Boolean);
  return w.slice(-words).join(' ');
}

/** Is the cue at `index` negated by a word shortly before it, in the same clause? */
export function negatedBefore(text: string, index: number, from: number, words = 5): boolean {
  return NEGATION.test(wordsBefore(text, index, from, words));
}

/** The sentence (as a span of `text`) that contains `index`, among `spans`. */
export function sentenceContaining(spans: readonly Span[], index: number): Span | undefined {
  // Sentences are in order; a linear scan is cheap for email-sized text.
  for (const s of spans) if (index >= s.start && index < s.end) return s;
  return undefined;
}

/** Sentences of `span`, computed once per call site. */
export function sentencesOf(text: string, span: Span): Span[] {
  return sentences(text, span);
}
