/**
 * Finding confidentiality markings in text: the words that say a document, passage or piece of
 * advice is not for people outside the council. Used by `confidential-information`.
 *
 * The vocabulary comes from three places:
 * - the protocols themselves: "private", "personal", "confidential" (district-model 13.2.5),
 *   information given "in confidence" (crawley 7.7, surrey-heath 2.7), "exempt" and "Part II"
 *   (tower-hamlets §13 Use of Council Information);
 * - the Local Government Act 1972, Schedule 12A: exempt information, considered in Part II
 *   (also written Part 2 or Part B) of an agenda, "not for publication";
 * - the Government Security Classifications (OFFICIAL-SENSITIVE, and the older RESTRICTED), and
 *   legal professional privilege.
 *
 * What is deliberately not a marking:
 * - email disclaimers ("This email and any files transmitted with it are confidential and
 *   intended solely for…"): a footer on every message says nothing about this one;
 * - services with "confidential" in their name (a confidential reporting line, confidential
 *   waste), and assurances to the reader ("your details will be kept confidential");
 * - negations ("this is not confidential", "no longer exempt", "non-confidential");
 * - "exempt from" (council tax, planning permission) and "Part 2 of" a form or an Act.
 */
import { negatedBefore } from './clause-polarity.ts';
import { normaliseChars, splitLines, type Span } from '../text.ts';

export interface Marking extends Span {
  quote: string;
  /** A short label for messages: "private and confidential", "exempt", "Part II"… */
  label: string;
}

interface MarkerSpec {
  re: RegExp;
  label: string;
  /** Adjectival markings can be negated ("not confidential"); instructions carry their own "not". */
  negatable: boolean;
}

// Ordered most specific first: overlapping weaker matches are dropped.
const MARKERS: MarkerSpec[] = [
  { re: /\bprivate\s*(?:and|&)\s*confidential\b/gi, label: 'private and confidential', negatable: true },
  { re: /\bstrictly\s+(?:private|confidential)\b/gi, label: 'strictly confidential', negatable: true },
  { re: /\bcommercial(?:ly)?\s+in\s+confidence\b/gi, label: 'commercial in confidence', negatable: true },
  { re: /\b(?:personal\s+and\s+)?confidential(?:ly)?\b/gi, label: 'confidential', negatable: true },
  { re: /\bin\s+(?:strict(?:est)?\s+)?confidence\b/gi, label: 'in confidence', negatable: true },
  { re: /\bnot\s+for\s+(?:publication|publishing|release|circulation|wider\s+circulation|distribution|onward\s+(?:transmission|circulation|distribution))\b/gi, label: 'not for publication', negatable: false },
  // Schedule 12A exempt information: "exempt report", "exempt (Part II)", "exempt under paragraph 3", "marked exempt".
  { re: /\b(?:marked|classified)\s+(?:as\s+)?exempt\b(?!\s+from)|\bexempt\s*(?:\(\s*part|under\s+(?:paragraph|para|schedule|section|category|the\s+(?:local\s+government|access)))|\bexempt\s+(?:report|reports|information|item|items|paper|papers|appendix|appendices|annex|document|documents|minutes|session|business|part|material|version)\b/gi, label: 'exempt', negatable: true },
  // Part II / Part 2 / Part B agenda business, but not "Part 2 of the form" or "Part II of the Act".
  { re: /\bPart\s+(?:II|2|B)\b(?!\s+of\b)(?=\s*(?:\)|report|item|version|agenda|paper|papers|session|business|appendix|minutes|document|information|exempt|confidential|\.|,|$))/gim, label: 'Part II', negatable: true },
  { re: /\bOFFICIAL\s*[-:\u2013]?\s*SENSITIVE\b|\bOfficial[-:]\s*Sensitive\b/g, label: 'OFFICIAL-SENSITIVE', negatable: true },
  // Upper-case RESTRICTED is a marking; lower-case "restricted" is usually parking or access.
  { re: /\bRESTRICTED\b/g, label: 'restricted', negatable: true },
  { re: /\b(?:protective\s+marking|classification|marking)\s*:?\s*restricted\b|\brestricted\s+(?:circulation|document|report|information)\b/gi, label: 'restricted', negatable: true },
  { re: /\blegal(?:ly)?\s+(?:professional\s+)?privilege(?:d)?\b|\bprivileged\s+(?:and\s+confidential|legal\s+advice|communication)\b|\bsubject\s+to\s+(?:legal\s+(?:professional\s+)?)?privilege\b/gi, label: 'legally privileged', negatable: true },
  { re: /\bcommercially\s+sensitive\b/gi, label: 'commercially sensitive', negatable: true },
  // Instructions not to pass the material on: "do not forward this", "please don't pass these details on".
  { re: /\b(?:do\s+not|don't|must\s+not|mustn't|should\s+not|shouldn't|please\s+don't)\s+(?:forward|circulate|share|disclose|release|distribute|pass\s+on)\s+(?:this|it|these|them|the\s+(?:report|attached|attachment|details|information|papers|document|email|contents))\b|\b(?:do\s+not|don't|please\s+don't)\s+pass\s+(?:this|it|them|these(?:\s+\w+)?)\s+on\b|\bnot\s+to\s+be\s+(?:shared|forwarded|circulated|disclosed|passed\s+on|released|published)\b/gi, label: 'not to be passed on', negatable: false },
];

// Services and things named "confidential" that say nothing about the email's content.
const SERVICE_AFTER = /^\s*(?:reporting|whistle-?blowing|help\s*line|helpline|hotline|line|service|services|counselling|support|advice\s+(?:line|service)|waste|shredding|bins?|sacks?|disposal|email\s+address|inbox|mailbox)\b/i;
// Assurances to the reader, not markings: "will be kept confidential", "treated in confidence".
const ASSURANCE_BEFORE = /\b(?:will|shall|would|is|are|be|been)\s+(?:be\s+)?(?:kept|treated|held|handled|dealt\s+with|stored)\s+(?:as\s+|in\s+)?(?:strictly\s+)?$/i;
// A request to the reader to keep something confidential ("please keep this confidential").
const REQUEST_BEFORE = /\b(?:keep|keeping|treat|treating|hold|handle)(?:\s+[\w']+){0,4}\s+$/i;
// Questions and conditions: "if it is confidential", "whether this is exempt".
const CONDITION_BEFORE = /\b(?:if|whether|unless)\b[^.?!]*$/i;

// Email disclaimers: a paragraph that says who the message is intended for, or what to do if it
// reached you in error, is boilerplate.
const DISCLAIMER = /\bintended\s+(?:solely|only|exclusively|for\s+the\s+(?:use|addressee))|\b(?:intended|named|addressed)\s+recipient|\baddressee\b|\breceived\s+(?:this|the)\s+(?:e-?mail|message|communication)\s+in\s+error|\bnotify\s+the\s+sender\b|\bfiles\s+transmitted\b|\bmay\s+(?:contain|be)\s+(?:confidential|privileged|legally|sensitive)|\bviews\s+expressed\b|\bmonitored\s+(?:and|or)\s+recorded\b/i;

/** Blank-line paragraphs of `span` that read as an email disclaimer. */
export function disclaimerSpans(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start: number | undefined;
  let end = span.start;
  const flush = () => {
    if (start !== undefined && DISCLAIMER.test(normaliseChars(text.slice(start, end)))) out.push({ start, end });
    start = undefined;
  };
  for (const line of splitLines(text, span.start, span.end)) {
    if (line.text.trim() === '') flush();
    else {
      start ??= line.start;
      end = line.end;
    }
  }
  flush();
  return out;
}

export interface MarkingOptions {
  /** Count "please keep this confidential" as a marking (a councillor passing material on). */
  countRequests: boolean;
  /** Spans to leave out (the writer's signature block). */
  exclude?: Span[];
}

// Any of the words a marking needs; a cheap first test before the full patterns.
const PREFILTER = /confiden|exempt|\bpart\s+(?:ii|2|b)\b|publication|publishing|circulat|distribut|release|restricted|sensitive|privilege|forward|share|disclose|pass\b|not\s+to\s+be/i;

const inside = (spans: readonly Span[], i: number) => spans.some((s) => i >= s.start && i < s.end);

/**
 * Confidentiality markings in `span` of `text`, in order, without overlaps, leaving out
 * disclaimers, services, assurances, negations and conditions.
 */
export function findMarkings(text: string, span: Span, options: MarkingOptions): Marking[] {
  if (span.end <= span.start) return [];
  // Normalise once and skip the span at once when no marking word appears at all (most email).
  const norm = normaliseChars(text.slice(span.start, span.end));
  if (!PREFILTER.test(norm)) return [];
  let skip: Span[] | undefined;
  const found: Marking[] = [];
  for (const spec of MARKERS) {
    for (const hit of norm.matchAll(spec.re)) {
      const start = span.start + (hit.index ?? 0);
      const m = { start, end: start + hit[0].length, quote: text.slice(start, start + hit[0].length) };
      skip ??= [...disclaimerSpans(text, span), ...(options.exclude ?? [])];
      if (inside(skip, m.start)) continue;
      if (found.some((f) => m.start < f.end && f.start < m.end)) continue;
      const after = normaliseChars(text.slice(m.end, Math.min(span.end, m.end + 40)));
      const lineStart = Math.max(span.start, text.lastIndexOf('\n', m.start - 1) + 1);
      const before = normaliseChars(text.slice(Math.max(lineStart, m.start - 80), m.start));
      if (spec.label === 'confidential' && SERVICE_AFTER.test(after)) continue;
      if (spec.negatable) {
        if (/non-\s*$/i.test(before)) continue;
        if (negatedBefore(text, m.start, lineStart, 4)) continue;
        if (ASSURANCE_BEFORE.test(before)) continue;
        if (CONDITION_BEFORE.test(before)) continue;
        if (!options.countRequests && REQUEST_BEFORE.test(before)) continue;
      }
      found.push({ start: m.start, end: m.end, quote: m.quote, label: spec.label });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Markings in a one-line field (a subject or an attachment's file name). */
export function findMarkingsInLine(value: string): Marking[] {
  return findMarkings(value, { start: 0, end: value.length }, { countRequests: true });
}
