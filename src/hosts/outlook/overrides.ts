/**
 * Which problems the user has let through on this draft, and the `overridden` record that says
 * so (issue 12). A problem is let through when it was dismissed in the panel ("Send anyway with
 * a reason" in the taskpane dismisses the problems it covers and keeps its reason code beside
 * them, item-override.ts); a problem of a rule or severity in the policy's
 * `audit.requireReasonFor` only when a reason was given. In `block` mode nothing is let through.
 * DOM-free: the send-time script uses it.
 */
import type { ResolvedPolicy } from '../../engine/policy.ts';
import type { AuditRecord } from '../../audit/seal.ts';
import { ADDIN_VERSION } from '../../audit/version.ts';
import type { Dismissal } from '../../ui/dismissals.ts';
import { needsReason, OTHER_REASON } from '../../ui/override-reasons.ts';
import type { Problem } from '../../ui/problems.ts';
import type { ItemOverride } from './item-override.ts';

export interface LetThrough {
  rule: string;
  /** The reason code, when the user gave a reason. */
  reason?: string;
  /** The user's own words (reason "other", or a panel dismissal's reason). */
  reasonText?: string;
}

/**
 * The problems the user let through, by key, with the reason they gave. A panel dismissal with
 * words counts as the reason "other" with those words; the taskpane's override carries its code.
 */
export function letThrough(problems: readonly Problem[], dismissals: readonly Dismissal[], override: ItemOverride | undefined, policy: ResolvedPolicy): Map<string, LetThrough> {
  const out = new Map<string, LetThrough>();
  if (policy.sendTime.mode === 'block') return out;
  const dismissed = new Map(dismissals.map((d) => [d.key, d.reason.trim()]));
  for (const p of problems) {
    // Restoring a problem in the panel takes its dismissal away, and with it any override.
    if (!dismissed.has(p.key)) continue;
    const overridden = override?.keys.includes(p.key);
    const words = dismissed.get(p.key);
    const given: LetThrough = overridden
      ? { rule: p.rule, reason: override!.reason, ...(override!.text ? { reasonText: override!.text } : {}) }
      : words
        ? { rule: p.rule, reason: OTHER_REASON, reasonText: words }
        : { rule: p.rule };
    if (!given.reason && needsReason(policy.audit, p.rule, p.severity)) continue;
    out.set(p.key, given);
  }
  return out;
}

/**
 * The sealed record for a send that goes past problems the user let through: their rule ids,
 * the first reason given (problems come most severe first), and the user's words only when
 * the policy's `audit.includeReasonText` is true. Never the draft's words.
 */
export function overriddenRecord(passed: readonly LetThrough[], policy: ResolvedPolicy, checkedAt: Date): AuditRecord {
  const first = passed.find((p) => p.reason);
  const text = policy.audit?.includeReasonText === true ? first?.reasonText?.trim() : undefined;
  return {
    outcome: 'overridden',
    rules: [...new Set(passed.map((p) => p.rule))].sort(),
    ...(first?.reason ? { reason: first.reason } : {}),
    ...(text ? { reasonText: text } : {}),
    policy: policy.council.name,
    checkedAt: checkedAt.toISOString(),
    version: ADDIN_VERSION,
  };
}
