/**
 * When will publicity reach the public? On the day it is sent, or on a later embargo date the
 * release states in its own words or its subject (PRODUCT.md, "Council publicity"). Offsets
 * point into `ctx.draft.body` (or the subject).
 */
import { londonDate } from '../calendar.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { normaliseChars, type Span } from '../text.ts';
import { parseFirstDate } from './written-dates.ts';

// "Embargoed until 00:01 on Thursday 1 April 2027", "EMBARGO: 1/4/2027", "Not for publication before …",
// "Under embargo until …", "For release on …". "Not for publication" with no date is an exempt-report
// marking, not an embargo: it needs a date within the line.
const EMBARGO_OPENER =
  /\b(?:under\s+embargo|embargo(?:ed)?|not\s+(?:for|to\s+be)\s+(?:published|publication|released|release|broadcast|used)\s+(?:before|until|till)|for\s+release\s+(?:on|at|after|from)|hold\s+until)\b/gi;

export interface EmbargoDate {
  field: 'body' | 'subject';
  isoDate: string;
  /** The embargo line as written (offsets into the field). */
  start: number;
  end: number;
  quote: string;
}

/** The London date of the moment of sending, once per check (time-zone conversion is slow). */
function londonToday(ctx: RuleContext): string {
  return memoised(ctx, 'analysis/london-date', () => londonDate(ctx.now));
}

/** @summary The embargo date a release states, in its own words or its subject. */
function findEmbargo(ctx: RuleContext): EmbargoDate | undefined {
  const reference = londonToday(ctx);
  const fields: { field: 'body' | 'subject'; text: string; span: Span }[] = [
    { field: 'body', text: ctx.draft.body, span: ctx.own },
    { field: 'subject', text: ctx.draft.subject, span: { start: 0, end: ctx.draft.subject.length } },
  ];
  for (const { field, text, span } of fields) {
    const slice = normaliseChars(text.slice(span.start, span.end));
    EMBARGO_OPENER.lastIndex = 0;
    for (const m of slice.matchAll(EMBARGO_OPENER)) {
      const lineEnd = slice.indexOf('\n', m.index!);
      const rest = slice.slice(m.index!, lineEnd === -1 ? Math.min(slice.length, m.index! + 120) : lineEnd);
      const date = parseFirstDate(rest, reference);
      if (!date || date.index > 80) continue;
      const start = span.start + m.index!;
      const end = start + date.index + date.length;
      return { field, isoDate: date.isoDate, start, end, quote: text.slice(start, end) };
    }
  }
  return undefined;
}

export interface PublicationDate {
  /** The London date the publicity reaches the public: the later of the send date and any embargo. */
  isoDate: string;
  sendDate: string;
  embargo?: EmbargoDate;
}

/** @summary When the publicity is published: the send date, or a later embargo date (PRODUCT.md). */
export function publicationDate(ctx: RuleContext): PublicationDate {
  return memoised(ctx, 'analysis/publication-date', () => {
    const sendDate = londonToday(ctx);
    const embargo = findEmbargo(ctx);
    const isoDate = embargo && embargo.isoDate > sendDate ? embargo.isoDate : sendDate;
    return { isoDate, sendDate, ...(embargo ? { embargo } : {}) };
  });
}
