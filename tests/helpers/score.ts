/**
 * Per-rule precision and recall of the checker against a labelled corpus, and the table the
 * corpus tests and `scripts/corpus-score.ts` print. A draft counts once per rule: the rule fired
 * on it or not, labelled with it or not.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkAsCli } from './check-as-cli.ts';
import { type Finding, RULE_IDS, type RuleId } from '../../src/engine/types.ts';
import { type CorpusCase, corpusPolicy, loadCorpus } from './corpus.ts';

export interface RuleScore {
  rule: RuleId;
  /** Drafts labelled with the rule. */
  positives: number;
  tp: number;
  fp: string[];
  fn: string[];
  precision: number;
  recall: number;
}

export interface ScoredCase extends CorpusCase {
  /** The council folder the draft comes from. */
  council: string;
  findings: Finding[];
}

/** Every council folder (with labels.json) under `dir`, checked under its own policy. */
export async function checkCouncils(dir: string): Promise<ScoredCase[]> {
  if (!existsSync(dir)) return [];
  const out: ScoredCase[] = [];
  for (const council of readdirSync(dir).sort()) {
    const folder = join(dir, council);
    if (!existsSync(join(folder, 'labels.json')) || !existsSync(join(folder, 'policy.json'))) continue;
    const policy = corpusPolicy(folder);
    for (const c of await loadCorpus(folder)) out.push({ ...c, council, file: `${council}/${c.file}`, findings: checkAsCli(c.draft, policy) });
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scoreRules(cases: readonly ScoredCase[], rules: readonly RuleId[] = RULE_IDS): RuleScore[] {
  return rules.map((rule) => {
    let tp = 0;
    const fp: string[] = [];
    const fn: string[] = [];
    let positives = 0;
    for (const c of cases) {
      const got = c.findings.some((f) => f.rule === rule);
      const want = c.expect.includes(rule);
      if (want) positives += 1;
      if (got && want) tp += 1;
      else if (got) fp.push(c.file);
      else if (want) fn.push(c.file);
    }
    return { rule, positives, tp, fp, fn, precision: ratio(tp, tp + fp.length), recall: ratio(tp, tp + fn.length) };
  });
}

/** All rules together: micro-averaged over every (draft, rule) pair. */
export function overall(scores: readonly RuleScore[]): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  const tp = scores.reduce((n, s) => n + s.tp, 0);
  const fp = scores.reduce((n, s) => n + s.fp.length, 0);
  const fn = scores.reduce((n, s) => n + s.fn.length, 0);
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** Tables side by side: one column group per named score list. */
export function formatTables(groups: readonly { name: string; drafts: number; scores: readonly RuleScore[] }[]): string {
  const cell = (s: RuleScore) => `${String(s.positives).padStart(4)} ${String(s.tp).padStart(3)} ${String(s.fp.length).padStart(3)} ${String(s.fn.length).padStart(3)} ${s.precision.toFixed(2).padStart(5)} ${s.recall.toFixed(2).padStart(5)}`;
  const width = 4 + 1 + 3 + 1 + 3 + 1 + 3 + 1 + 5 + 1 + 5;
  const header1 = `${''.padEnd(30)} ${groups.map((g) => `${g.name} (${g.drafts} drafts)`.padEnd(width)).join(' | ')}`;
  const header2 = `${'rule'.padEnd(30)} ${groups.map(() => ' pos  tp  fp  fn  prec   rec').join(' | ')}`;
  const rows = groups[0]!.scores.map((_, i) => `${groups[0]!.scores[i]!.rule.padEnd(30)} ${groups.map((g) => cell(g.scores[i]!)).join(' | ')}`);
  const totals = `${'all rules'.padEnd(30)} ${groups
    .map((g) => {
      const o = overall(g.scores);
      return `${String(o.tp + o.fn).padStart(4)} ${String(o.tp).padStart(3)} ${String(o.fp).padStart(3)} ${String(o.fn).padStart(3)} ${o.precision.toFixed(2).padStart(5)} ${o.recall.toFixed(2).padStart(5)}`;
    })
    .join(' | ')}`;
  return [header1, header2, ...rows, totals].join('\n');
}

/** One line per mismatch: the file, the rule, what happened and the label's note. */
export function formatMismatches(cases: readonly ScoredCase[], scores: readonly RuleScore[]): string[] {
  const notes = new Map(cases.map((c) => [c.file, c]));
  return scores.flatMap((s) => [
    ...s.fp.map((f) => `  ${s.rule} false alarm  ${f}: ${notes.get(f)!.findings.filter((x) => x.rule === s.rule).map((x) => `"${x.evidence.quote ?? x.evidence.recipient ?? x.evidence.field}"`).join(', ')}`),
    ...s.fn.map((f) => `  ${s.rule} missed  ${f}: ${notes.get(f)!.note}`),
  ]);
}
