/**
 * The reasons a user can give for sending past the check (issue 12): the council's own list
 * (policy `audit.reasons`, short codes) or, without one, a short list in the manner of
 * Microsoft Purview's policy-tip justifications; "this is a false positive" and "other" (with
 * the user's own words) are always offered, last. DOM-free.
 */
import type { AuditSettings } from '../engine/policy.ts';
import { REASON_LABELS } from './strings.ts';

export const FALSE_POSITIVE = 'false-positive';
export const OTHER_REASON = 'other';
/** Offered when the policy names no reasons of its own. */
export const DEFAULT_REASONS: readonly string[] = ['business-workflow', 'manager-approved', 'urgent'];

/** The codes to offer, in order: the council's (or the defaults), then false-positive and other. */
export function reasonCodes(audit: AuditSettings | undefined): string[] {
  const own = (audit?.reasons ?? DEFAULT_REASONS).filter((code) => code !== FALSE_POSITIVE && code !== OTHER_REASON);
  return [...new Set(own), FALSE_POSITIVE, OTHER_REASON];
}

/** What a code says to the user: its label, or for a council's own code its words ("legal-advice" → "Legal advice"). */
export function reasonLabel(code: string): string {
  const known = REASON_LABELS[code];
  if (known) return known;
  const words = code.replace(/-+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether a problem of this rule and severity may be let through only with a reason (policy `audit.requireReasonFor`). */
export function needsReason(audit: AuditSettings | undefined, rule: string, severity: string): boolean {
  const list = audit?.requireReasonFor;
  return !!list && (list.includes(rule) || list.includes(severity));
}
