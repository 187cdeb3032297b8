/**
 * ESLint-style rule tests: `runRuleTests(id, { valid, invalid })`.
 *
 * - valid: drafts on which the rule must report nothing (mostly near misses, each with a `why`).
 * - invalid: drafts on which the rule must report exactly the findings listed; each expected
 *   finding checks severity, messageId, evidence (including quote) and optionally the edits of
 *   its suggestions. Message prose is never asserted.
 * - every suggestion with edits, on every invalid case, is applied and the draft checked again:
 *   that finding must be gone and no new `error` finding may appear.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply.ts';
import { normaliseDraft } from '../../src/engine/check.ts';
import type { PolicyFile, ResolvedPolicy } from '../../src/engine/policy.ts';
import { RULES_BY_ID } from '../../src/engine/rules/index.ts';
import type { Draft, Edit, Evidence, Finding, Mailbox, RuleId, Severity } from '../../src/engine/types.ts';
import { parseAddressList } from '../../src/engine/text.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../src/policy/resolve.ts';
import { fillPlaceholders, placeholdersIn } from '../../src/ui/placeholders.ts';
import { checkAsCli } from './check-as-cli.ts';

/** A draft written the short way: recipients as "Name <email>; …" strings. */
export interface DraftSpec {
  from?: string;
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  bodyHtml?: string;
  date?: string;
  composeType?: Draft['composeType'];
  attachments?: string[];
  importance?: Draft['importance'];
}

export function mailboxes(spec: string | undefined): Mailbox[] {
  return spec ? parseAddressList(spec) : [];
}

export function makeDraft(spec: DraftSpec): Draft {
  return {
    from: spec.from ? mailboxes(spec.from)[0] : undefined,
    to: mailboxes(spec.to),
    cc: mailboxes(spec.cc),
    bcc: mailboxes(spec.bcc),
    subject: spec.subject ?? '',
    body: spec.body ?? '',
    ...(spec.bodyHtml ? { bodyHtml: spec.bodyHtml } : {}),
    date: spec.date ?? '2027-02-09T10:00:00Z',
    ...(spec.composeType ? { composeType: spec.composeType } : {}),
    ...(spec.attachments ? { attachments: spec.attachments.map((name) => ({ name })) } : {}),
    ...(spec.importance ? { importance: spec.importance } : {}),
  };
}

export interface CaseBase {
  /** What the case is, as a sentence. */
  name: string;
  draft: DraftSpec | Draft;
  /** The moment of sending; default the draft's date. */
  now?: string;
  /** Default: the tester's policy. */
  policy?: ResolvedPolicy;
}

export interface ValidCase extends CaseBase {
  /** Why this near miss passes. */
  why: string;
}

export interface ExpectedFinding {
  severity?: Severity;
  messageId?: string;
  evidence?: Partial<Evidence>;
  /** The edits of the suggestions that have edits, in order. */
  edits?: Edit[][];
}

export interface InvalidCase extends CaseBase {
  expect: ExpectedFinding[];
}

export interface RuleTests {
  policy?: ResolvedPolicy | PolicyFile;
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function toDraft(d: DraftSpec | Draft): Draft {
  return typeof (d as Draft).to === 'object' && Array.isArray((d as Draft).to) ? (d as Draft) : makeDraft(d as DraftSpec);
}

function toPolicy(p: ResolvedPolicy | PolicyFile | undefined): ResolvedPolicy {
  if (!p) return embeddedDefaultPolicy();
  return 'inferPeople' in p ? (p as ResolvedPolicy) : resolvePolicy(p as PolicyFile, 'test policy');
}

/** Findings of one rule only. */
export function findingsOf(ruleId: RuleId, draft: Draft, policy: ResolvedPolicy, now?: string): Finding[] {
  return checkAsCli(draft, policy, { now }).filter((f) => f.rule === ruleId);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.rule === b.rule &&
    a.messageId === b.messageId &&
    a.evidence.field === b.evidence.field &&
    (a.evidence.recipient ?? '') === (b.evidence.recipient ?? '') &&
    (a.evidence.quote ?? '') === (b.evidence.quote ?? '')
  );
}

/**
 * Apply each fix of each finding and check again: the finding goes and no new error appears.
 * Exported so corpus tests can run the same assertion.
 */
export function assertFixesWork(draft: Draft, policy: ResolvedPolicy, now: string | undefined, findings: Finding[]): void {
  const original = structuredClone(draft);
  const all = checkAsCli(draft, policy, { now });
  const errorsBefore = all.filter((f) => f.severity === 'error');
  for (const finding of findings) {
    for (const raw of finding.suggestions.filter((s) => s.edits.length > 0)) {
      // As the panel applies it: a fix that needs the user's words gets them first (a raw
      // "[reason]" left in the draft is leftover-placeholder's to stop).
      const suggestion = placeholdersIn(raw).length ? fillPlaceholders(raw, { reason: 'they lead on housing for the ward' }) : raw;
      const fixed = applyEdits(draft, suggestion.edits);
      const after = checkAsCli(fixed, policy, { now });
      const label = `${finding.rule} "${suggestion.title}"`;
      expect(after.some((f) => sameFinding(f, finding)), `${label}: the finding is still there after the fix`).toBe(false);
      const newErrors = after.filter((f) => f.severity === 'error' && !errorsBefore.some((b) => b.rule === f.rule));
      expect(newErrors.map((f) => `${f.rule}: ${f.message}`), `${label}: the fix added an error`).toEqual([]);
    }
  }
  expect(draft, 'checking and fixing never change the draft passed in').toEqual(original);
}

export function runRuleTests(ruleId: RuleId, tests: RuleTests): void {
  const defaultPolicy = toPolicy(tests.policy);
  describe(ruleId, () => {
    it('is a registered rule', () => {
      expect(RULES_BY_ID.has(ruleId)).toBe(true);
    });
    for (const c of tests.valid) {
      it(`passes: ${c.name}`, () => {
        const draft = toDraft(c.draft);
        const found = findingsOf(ruleId, draft, c.policy ?? defaultPolicy, c.now);
        expect(found.map((f) => ({ messageId: f.messageId, evidence: f.evidence })), c.why).toEqual([]);
      });
    }
    for (const c of tests.invalid) {
      it(`flags: ${c.name}`, () => {
        const draft = toDraft(c.draft);
        const policy = c.policy ?? defaultPolicy;
        const found = findingsOf(ruleId, draft, policy, c.now);
        expect(found.length, JSON.stringify(found.map((f) => [f.messageId, f.evidence]))).toBe(c.expect.length);
        c.expect.forEach((want, i) => {
          const got = found[i]!;
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (want.messageId) expect(got.messageId).toBe(want.messageId);
          if (want.evidence) expect(got.evidence).toMatchObject(want.evidence);
          if (got.evidence.start !== undefined && got.evidence.field === 'body') {
            const body = normaliseDraft(draft).body;
            expect(body.slice(got.evidence.start, got.evidence.end), 'evidence offsets point at the quote').toBe(got.evidence.quote);
          }
          expect(got.suggestions.length, 'every finding carries a suggestion').toBeGreaterThan(0);
          expect(got.citations.length, 'every finding cites a protocol').toBeGreaterThan(0);
          if (want.edits) expect(got.suggestions.filter((s) => s.edits.length).map((s) => s.edits)).toEqual(want.edits);
        });
        assertFixesWork(draft, policy, c.now, found);
      });
    }
  });
}
