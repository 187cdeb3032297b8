/**
 * The string formats policy.schema.json uses, for the validator generated from it
 * (policy-validator.generated.ts, written by scripts/gen-policy-validator.ts). The generator
 * compiles the schema with these same definitions, so the code it writes calls each one the
 * way it is defined here (a regular expression's `test`, an object's `validate`).
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isKnownTimeZone } from '../engine/calendar.ts';

export const POLICY_FORMATS = {
  email: fullFormats.email,
  date: fullFormats.date,
  hostname: fullFormats.hostname,
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
