/**
 * Finding confidentiality markings, for `confidential-information`, on the text model with the
 * `confidentiality` lexicon family (src/engine/lexicon/data/confidentiality.json).
 *
 * A marking is a hit of an entry with a `kind` (the label the finding shows): confidential,
 * private and confidential, in confidence, exempt, Part II, not for publication,
 * OFFICIAL-SENSITIVE, RESTRICTED, legally privileged, an instruction not to pass it on. The
 * lexicon already leaves out negated markings ("this is not confidential", "no longer exempt").
 * What is deliberately not a marking, here by structure:
 * - a hit that overlaps an entry tagged `excuses-marking`: a named service ("confidential
 *   reporting line"), an assurance ("will be kept confidential"), a question about status
 *   ("whether it is exempt"), a negative form ("non-confidential");
 * - a request to keep something confidential (tag `keep-request`), unless the caller counts
 *   requests (a councillor passing material on: crawley 7.7, surrey-heath 2.7);
 * - anything in a paragraph that reads as an email disclaimer (tag `disclaimer`): a footer on
 *   every message says nothing about this one;
 * - lower-case "restricted" (tag `all-capitals`: only the upper-case marking counts).
 */
import type { Hit, Lexicon } from '../lexicon/compile.ts';
import type { Span } from '../text.ts';
import type { TextModel } from '../text-model/model.ts';

export interface Marking extends Span {
  quote: string;
  /** A short label for messages: "private and confidential", "exempt", "Part II"… */
  label: string;
}

export interface MarkingOptions {
  /** Count "please keep this confidential" as a marking (a councillor passing material on). */
  countRequests: boolean;
  /** Only markings that start inside this span of the model's text (default: all). */
  within?: Span;
}

interface Family {
  markings: string[];
  excuses: string[];
  requests: string[];
  disclaimers: string[];
}

function familyOf(lexicon: Lexicon): Family {
  const out: Family = { markings: [], excuses: [], requests: [], disclaimers: [] };
  for (const id of lexicon.family('confidentiality')) {
    const spec = lexicon.entries.get(id)!.spec;
    const tags = spec.tags ?? [];
    if (spec.kind) out.markings.push(id);
    if (tags.includes('excuses-marking')) out.excuses.push(id);
    if (tags.includes('keep-request')) out.requests.push(id);
    if (tags.includes('disclaimer')) out.disclaimers.push(id);
  }
  return out;
}

const overlaps = (a: Hit, b: Hit) => a.first < b.last && b.first < a.last;

/** Punctuation a phrase needs for its context ("Part 2." or "Part 2,") is not part of the quote. */
function trimmed(model: TextModel, hit: Hit): Span {
  let last = hit.last;
  while (last - 1 > hit.first && model.tokens[last - 1]!.kind === 'punct') last -= 1;
  return { start: hit.start, end: model.tokens[last - 1]!.end };
}

/**
 * @summary Confidentiality markings in a text model, in order, without overlaps.
 * @param model the body's (or the subject's, or an attachment name's) text model
 * @param lexicon the policy's lexicon
 * @param options whether a request to keep it confidential counts, and the span to read
 * @returns the markings, each with its quote and label
 */
export function findMarkings(model: TextModel, lexicon: Lexicon, options: MarkingOptions): Marking[] {
  const family = familyOf(lexicon);
  const excuses = [...family.excuses, ...(options.countRequests ? [] : family.requests)].flatMap((id) => lexicon.hits(model, id));
  const disclaimerParagraphs = new Set(family.disclaimers.flatMap((id) => lexicon.hits(model, id)).map((h) => model.sentences[h.sentence]!.paragraph));
  const candidates = family.markings
    .flatMap((id) => lexicon.hits(model, id))
    .filter((h) => !options.within || (h.start >= options.within.start && h.start < options.within.end))
    .filter((h) => !disclaimerParagraphs.has(model.sentences[h.sentence]!.paragraph))
    .filter((h) => !excuses.some((e) => overlaps(e, h)))
    .filter((h) => !lexicon.entries.get(h.entry)!.spec.tags?.includes('all-capitals') || allCapitals(model, h))
    .sort((a, b) => a.first - b.first || b.last - a.last);
  const out: Marking[] = [];
  let kept: Hit | undefined;
  for (const h of candidates) {
    if (kept && overlaps(kept, h)) continue;
    kept = h;
    const span = trimmed(model, h);
    out.push({ ...span, quote: model.text.slice(span.start, span.end), label: lexicon.entries.get(h.entry)!.spec.kind! });
  }
  return out;
}

function allCapitals(model: TextModel, hit: Hit): boolean {
  for (let k = hit.first; k < hit.last; k++) {
    const t = model.tokens[k]!;
    if (t.kind === 'word' && !t.shout) return false;
  }
  return true;
}
