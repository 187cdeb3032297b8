/**
 * What the validator generated from policy.schema.json (policy-validator.generated.ts, written
 * by scripts/gen-policy-validator.ts) calls at run time: the two string formats that are
 * functions, and ajv's two helpers. The schema's other formats (email, hostname) are regular
 * expressions, which the generator writes into the validator itself, so nothing here (and no
 * bundle that validates a policy) needs the ajv-formats package.
 */
import { isKnownTimeZone } from '../engine/calendar.ts';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A full-date of RFC 3339 (section 5.6): YYYY-MM-DD, with the month from 01 to 12 and the day no
 * later than that month has (section 5.7: 29 February only in a leap year).
 */
export function isFullDate(text: string): boolean {
  const match = FULL_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The formats the generated code reads from `formats` by name. */
export const RUNTIME_FORMATS = {
  date: { type: 'string' as const, validate: isFullDate },
  // IANA names are checked against the time zones this JavaScript engine knows.
  'iana-time-zone': { type: 'string' as const, validate: (tz: string) => isKnownTimeZone(tz) },
};

/** A string's length as JSON Schema counts it: in Unicode code points, a surrogate pair once. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Deep equality of JSON values, as `uniqueItems` and `enum` compare them. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => jsonEqual(v, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
