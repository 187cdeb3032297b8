/**
 * `check(draft, policy, { now })`: run every rule the policy leaves on and return findings
 * in a stable order (severity, then catalogue order, then position).
 */
import { normaliseDraft } from './draft.ts';
import { People, type Recipient } from './people.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { Rule, RuleContext, RuleReport } from './rule.ts';
import { RULES } from './rules/index.ts';
import { lexiconFor } from './lexicon/index.ts';
import { layoutBody } from './text.ts';
import { type Citation, type Draft, type Finding, PACK_IDS, RULE_IDS, SEVERITY_ORDER } from './types.ts';

export interface CheckOptions {
  /** The moment of sending. Default: the draft's date, else the clock. */
  now?: Date | string;
  /** Run only these rules (tests, benchmarks). Default: every rule. */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. Default: rethrow. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

const FIELD_ORDER = ['from', 'to', 'cc', 'bcc', 'subject', 'date', 'body'];

export { normaliseDraft } from './draft.ts';

function resolveNow(draft: Draft, now: CheckOptions['now']): Date {
  if (now instanceof Date) return now;
  if (typeof now === 'string') return new Date(now);
  if (draft.date && !Number.isNaN(Date.parse(draft.date))) return new Date(draft.date);
  return new Date();
}

/** Build the context the rules share. Exported for tests and hosts that run single rules. */
export function createContext(input: Draft, policy: ResolvedPolicy, now?: CheckOptions['now']): RuleContext {
  const draft = normaliseDraft(input);
  const people = new People(policy);
  const recipients: Recipient[] = [];
  for (const field of ['to', 'cc', 'bcc'] as const) {
    for (const mailbox of draft[field]) {
      if (mailbox.email) recipients.push({ field, mailbox, person: people.resolve(mailbox) });
    }
  }
  const layout = layoutBody(draft.body);
  const lexicon = lexiconFor(policy);
  return {
    draft,
    policy,
    now: resolveNow(draft, now),
    people,
    sender: draft.from?.email ? people.resolve(draft.from) : undefined,
    recipients,
    layout,
    own: layout.own,
    ownText: draft.body.slice(layout.own.start, layout.own.end),
    text: lexicon.analyse(draft.body, { layout }),
    subjectText: lexicon.analyse(draft.subject),
    lexicon,
    memo: new Map(),
  };
}

/** The citations a finding carries: the council's pack, else every pack, marked when borrowed. */
export function citationsFor(rule: Rule, policy: ResolvedPolicy): Citation[] {
  const own = policy.council.protocol;
  const toCitations = (pack: (typeof PACK_IDS)[number], otherCouncil: boolean): Citation[] =>
    (rule.meta.citations[pack] ?? []).map((c) => ({ pack, ...c, ...(otherCouncil ? { otherCouncil: true } : {}) }));
  if (own && rule.meta.citations[own]?.length) return toCitations(own, false);
  return PACK_IDS.flatMap((pack) => toCitations(pack, !!own));
}

export function formatMessage(template: string, data: RuleReport['data'] = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function check(draft: Draft, policy: ResolvedPolicy, options: CheckOptions = {}): Finding[] {
  const ctx = createContext(draft, policy, options.now);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const setting = policy.rules[rule.meta.id];
    if (setting === 'off') continue;
    let reports: RuleReport[];
    try {
      reports = rule.check(ctx);
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(rule.meta.id, error);
      continue;
    }
    if (reports.length === 0) continue;
    const citations = citationsFor(rule, policy);
    for (const report of reports) {
      const template = rule.meta.messages[report.messageId];
      if (template === undefined) throw new Error(`${rule.meta.id}: no message with id "${report.messageId}"`);
      findings.push({
        rule: rule.meta.id,
        severity: typeof setting === 'object' ? setting.severity : (report.severity ?? rule.meta.defaultSeverity),
        messageId: report.messageId,
        message: formatMessage(template, report.data),
        citations,
        evidence: report.evidence,
        suggestions: report.suggestions,
        docs: `docs/rules/${rule.meta.id}.md`,
      });
    }
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  const ruleIndex = (id: string) => (RULE_IDS as readonly string[]).indexOf(id);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        ruleIndex(a.f.rule) - ruleIndex(b.f.rule) ||
        FIELD_ORDER.indexOf(a.f.evidence.field) - FIELD_ORDER.indexOf(b.f.evidence.field) ||
        (a.f.evidence.start ?? 0) - (b.f.evidence.start ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}
