/**
 * The shared Northbridge corpus against its labels: per-rule precision and recall, printed as
 * a table, and every fix on every corpus finding applied and checked again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAsCli } from './helpers/check-as-cli.ts';
import type { ResolvedPolicy } from '../src/engine/policy.ts';
import type { RuleId } from '../src/engine/types.ts';
import { type CorpusCase, corpusPolicy, loadCorpus } from './helpers/corpus.ts';
import { assertFixesWork } from './helpers/rule-tester.ts';
import { formatMismatches, formatTables, type RuleScore, type ScoredCase, scoreRules } from './helpers/score.ts';

const MISSION_RULES: RuleId[] = ['silent-copy', 'personal-email', 'letterhead-for-party-matters', 'pre-election-publicity'];

let cases: CorpusCase[];
let policy: ResolvedPolicy;
let scores: RuleScore[];

beforeAll(async () => {
  cases = await loadCorpus();
  policy = corpusPolicy();
  const scored: ScoredCase[] = cases.map((c) => ({ ...c, council: 'northbridge', findings: checkAsCli(c.draft, policy) }));
  scores = scoreRules(scored);
  console.log(`\n${formatTables([{ name: 'Northbridge corpus', drafts: cases.length, scores }])}\n${formatMismatches(scored, scores).join('\n')}\n`);
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
      const findings = checkAsCli(c.draft, policy);
      assertFixesWork(c.draft, policy, undefined, findings);
    }
  });
});
