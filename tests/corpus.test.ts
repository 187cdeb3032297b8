/**
 * The shared Northbridge corpus against its labels: per-rule precision and recall, printed as
 * a table, and every fix on every corpus finding applied and checked again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.ts';
import type { ResolvedPolicy } from '../src/engine/policy.ts';
import { RULE_IDS, type RuleId } from '../src/engine/types.ts';
import { type CorpusCase, corpusPolicy, loadCorpus } from './helpers/corpus.ts';
import { assertFixesWork } from './helpers/rule-tester.ts';

const MISSION_RULES: RuleId[] = ['silent-copy', 'personal-email', 'letterhead-for-party-matters', 'pre-election-publicity'];

interface Score {
  rule: RuleId;
  tp: number;
  fp: string[];
  fn: string[];
  precision: number;
  recall: number;
}

let cases: CorpusCase[];
let policy: ResolvedPolicy;
let scores: Score[];

beforeAll(async () => {
  cases = await loadCorpus();
  policy = corpusPolicy();
  const fired = new Map(cases.map((c) => [c.file, new Set(check(c.draft, policy).map((f) => f.rule))]));
  scores = RULE_IDS.map((rule) => {
    let tp = 0;
    const fp: string[] = [];
    const fn: string[] = [];
    for (const c of cases) {
      const got = fired.get(c.file)!.has(rule);
      const want = c.expect.includes(rule);
      if (got && want) tp += 1;
      else if (got) fp.push(c.file);
      else if (want) fn.push(c.file);
    }
    const precision = tp + fp.length === 0 ? 1 : tp / (tp + fp.length);
    const recall = tp + fn.length === 0 ? 1 : tp / (tp + fn.length);
    return { rule, tp, fp, fn, precision, recall };
  });
  const table = scores
    .map((s) => `${s.rule.padEnd(30)} ${String(s.tp).padStart(3)} ${s.precision.toFixed(2).padStart(9)} ${s.recall.toFixed(2).padStart(6)}${s.fp.length ? `  false alarms: ${s.fp.join(', ')}` : ''}${s.fn.length ? `  missed: ${s.fn.join(', ')}` : ''}`)
    .join('\n');
  console.log(`\nNorthbridge corpus, ${cases.length} drafts\n${'rule'.padEnd(30)} ${'hit'.padStart(3)} precision recall\n${table}\n`);
});

describe('Northbridge corpus', () => {
  it('parses every labelled draft', () => {
    expect(cases.length).toBe(81);
  });

  it.each(MISSION_RULES)('%s matches the labels exactly (precision and recall 1.0)', (rule) => {
    const s = scores.find((x) => x.rule === rule)!;
    expect({ falseAlarms: s.fp, missed: s.fn }).toEqual({ falseAlarms: [], missed: [] });
  });

  it('reaches precision and recall of at least 0.95 on every rule', () => {
    const below = scores.filter((s) => s.precision < 0.95 || s.recall < 0.95).map((s) => `${s.rule}: P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (false alarms ${s.fp.join(', ') || 'none'}; missed ${s.fn.join(', ') || 'none'})`);
    expect(below).toEqual([]);
  });

  it('fixes every fixable corpus finding without adding an error', () => {
    for (const c of cases) {
      const findings = check(c.draft, policy);
      assertFixesWork(c.draft, policy, undefined, findings);
    }
  });
});
