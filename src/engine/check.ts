/**
 * `check(draft, policy, { now, freeMail })`: run every rule the policy leaves on and return
 * findings in a stable order (severity, then catalogue order, then position).
 */
import { normaliseDraft } from './draft.ts';
import { coreFreeMail, type FreeMailLookup } from './free-mail.ts';
import { People, type Recipient } from './people.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { Rule, RuleContext, RuleReport } from './rule.ts';
import { RULES } from './rules/index.ts';
import { lexiconFor } from './lexicon/index.ts';
import { layoutBody } from './text.ts';
import { type Citation, type Draft, type Finding, PACK_IDS, RULE_IDS, SEVERITY_ORDER } from './types.ts';

export interface CheckOptions {
  /**
   * The moment of sending (a Date, or an ISO 8601 string). Required: the engine never reads the
   * clock or guesses. A caller that means "the draft's Date:, else now" says so with
   * `draftDateOr(draft, new Date())`.
   */
  now: Date | string;
  /**
   * Which domains are free-mail or ISP (personal) domains. Default: `coreFreeMail`, the
   * well-known providers only; the CLI, the send-time script and the pages pass
   * `maintainedFreeMail` (free-mail.ts says why there are two lists).
   */
  freeMail?: FreeMailLookup;
  /** Run only these rules (tests, benchmarks). Default: every rule. */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. Default: rethrow. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Leave the learned topic scorers out (analysis/topic-scorer.ts), so that rules find only what
   * their cues find: for scripts/topic-scorer-cv.ts, which weighs the scorers against the lexicon.
   */
  withoutScorers?: boolean;
}

const FIELD_ORDER = ['from', 'to', 'cc', 'bcc', 'subject', 'date', 'body'];

export { draftDateOr, normaliseDraft } from './draft.ts';
/**
 * Read the built-in vocabulary ahead of the first check (the pane calls it while the council's
 * policy is on its way): every policy's lexicon shares the phrases read here, so the first check
 * only indexes them.
 */
export { builtInLexicon as prepareVocabulary } from './lexicon/index.ts';

/** Build the context the rules share. (A single rule runs through `check()` with `rules: [rule]`.) */
function createContext(input: Draft, policy: ResolvedPolicy, options: Pick<CheckOptions, 'now' | 'freeMail' | 'withoutScorers'>): RuleContext {
  const draft = normaliseDraft(input);
  const people = new People(policy, options.freeMail ?? coreFreeMail);
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
    now: options.now instanceof Date ? options.now : new Date(options.now),
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
    scorers: options.withoutScorers !== true,
  };
}

/**
 * The citations a finding carries: the council's own protocol's paragraphs, else its pack's,
 * else every pack, marked as another council's when the council has a protocol of its own.
 */
function citationsFor(rule: Rule, policy: ResolvedPolicy): Citation[] {
  const ownProtocol = policy.council.ownProtocol;
  const own = policy.council.protocol;
  const toCitations = (pack: (typeof PACK_IDS)[number], otherCouncil: boolean): Citation[] =>
    (rule.meta.citations[pack] ?? []).map((c) => ({ pack, ...c, ...(otherCouncil ? { otherCouncil: true } : {}) }));
  const ownParagraphs = ownProtocol?.paragraphs[rule.meta.id] ?? (rule.meta.citesParagraphsOf ? ownProtocol?.paragraphs[rule.meta.citesParagraphsOf] : undefined);
  if (ownProtocol && ownParagraphs?.length) return ownParagraphs.map((c) => ({ pack: ownProtocol.id, title: ownProtocol.title, ...c }));
  if (own && rule.meta.citations[own]?.length) return toCitations(own, false);
  return PACK_IDS.flatMap((pack) => toCitations(pack, !!own || !!ownProtocol));
}

function formatMessage(template: string, data: RuleReport['data'] = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function check(draft: Draft, policy: ResolvedPolicy, options: CheckOptions): Finding[] {
  const ctx = createContext(draft, policy, options);
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
      const publicity = draft.publicity ? rule.meta.publicityMessages?.[report.messageId] : undefined;
      const template = publicity ?? rule.meta.messages[report.messageId];
      if (template === undefined) throw new Error(`${rule.meta.id}: no message with id "${report.messageId}"`);
      findings.push({
        rule: rule.meta.id,
        severity: typeof setting === 'object' ? setting.severity : (report.severity ?? rule.meta.defaultSeverity),
        messageId: report.messageId,
        message: formatMessage(template, publicity ? { publication: draft.publicity!, ...report.data } : report.data),
        citations,
        evidence: report.evidence,
        suggestions: report.suggestions,
        docs: `docs/rules/${rule.meta.id}.md`,
      });
    }
  }
  return sortFindings(findings);
}

function sortFindings(findings: Finding[]): Finding[] {
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
