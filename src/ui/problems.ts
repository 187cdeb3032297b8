/**
 * One card per problem. The engine may report one rule more than once on a draft (council
 * branding found by the sender's account and again by the signature; a pre-election release
 * caught by its quote and by its party label; a tone finding per sentence). To the writer
 * those are one problem with several pieces of evidence, so the panel and the send-time dialog
 * merge them: per rule, and per recipient for the rules about who a message goes to.
 *
 * Merged here rather than in the engine: the CLI's JSON output (contract) keeps every finding
 * with its own evidence and fix, which is what a reviewer running the command line wants.
 * DOM-free: the send-time script uses it too.
 */
import type { Citation, Evidence, Finding, RuleId, Severity, Suggestion } from '../engine/types.ts';
import { SEVERITY_ORDER } from '../engine/types.ts';

export interface Problem {
  /** Stable across re-checks while the problem stands: what dismissals are stored under. */
  key: string;
  rule: RuleId;
  /** The most severe of its findings. */
  severity: Severity;
  findings: Finding[];
  messages: string[];
  evidence: Evidence[];
  /** Suggestions with edits, each title once, the first finding's first. */
  fixes: Suggestion[];
  advice: Suggestion[];
  citations: Citation[];
  /** The recipient it is about, for the rules about who a message goes to. */
  recipient?: string;
}

/** The key a finding's problem is known by: its rule, and its recipient when it is about one. */
export function problemKey(f: Pick<Finding, 'rule' | 'evidence'>): string {
  const who = f.evidence.field === 'to' || f.evidence.field === 'cc' || f.evidence.field === 'bcc' ? (f.evidence.recipient ?? '').toLowerCase() : '';
  return `${f.rule}|${who}`;
}

function pushOnce<T>(list: T[], item: T, same: (a: T, b: T) => boolean): void {
  if (!list.some((x) => same(x, item))) list.push(item);
}

/** The findings as problems: most severe first, then in the engine's order. */
export function problemsOf(findings: readonly Finding[]): Problem[] {
  const byKey = new Map<string, Problem>();
  for (const f of findings) {
    const key = problemKey(f);
    let p = byKey.get(key);
    if (!p) {
      p = { key, rule: f.rule, severity: f.severity, findings: [], messages: [], evidence: [], fixes: [], advice: [], citations: [], ...(key.split('|')[1] ? { recipient: f.evidence.recipient } : {}) };
      byKey.set(key, p);
    }
    p.findings.push(f);
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[p.severity]) p.severity = f.severity;
    pushOnce(p.messages, f.message, (a, b) => a === b);
    pushOnce(p.evidence, f.evidence, (a, b) => a.field === b.field && a.recipient === b.recipient && a.quote === b.quote);
    for (const s of f.suggestions) pushOnce(s.edits.length ? p.fixes : p.advice, s, (a, b) => a.title === b.title);
    for (const c of f.citations) pushOnce(p.citations, c, (a, b) => a.pack === b.pack && a.paragraph === b.paragraph);
  }
  const order = [...byKey.values()];
  return order.map((p, i) => ({ p, i })).sort((a, b) => SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] || a.i - b.i).map(({ p }) => p);
}
