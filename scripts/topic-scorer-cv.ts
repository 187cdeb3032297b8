/**
 * `npx tsx scripts/topic-scorer-cv.ts [--write]`: do learned scorers earn their place beside the
 * lexicon for favour-seeking, pressure-on-officers, employment-matter-to-member and
 * official-letter-from-member? (Issue: "a learned scorer only if it earns its place".)
 *
 * For each rule, a bag-of-words logistic regression (the party scorer's features: the writer's
 * own words and the subject's, three letters or more, common words left out) is trained on the
 * drafts the rule's scorer may judge (src/engine/analysis/topic-scorer.ts, `scorerEligible`),
 * labelled by whether the draft carries the rule, and scored by leave-one-council-out
 * cross-validation over the tuning councils, Northbridge and Harrowfield (never the held-out
 * part). It prints the scorer's precision and recall, alone and beside the lexicon, at several
 * thresholds, and picks the lowest threshold whose leave-one-council-out precision is 1.00.
 *
 * With `--write` it trains each scorer on all of those drafts and writes the weights (words whose
 * weight is at least PRUNE in size, to keep the send-time script small; cross-validation scores
 * the same pruned models) and the chosen threshold
 * to src/engine/lexicon/data/topic-scorers.json. Training is deterministic (full-batch gradient
 * descent from zero), so the file changes only when the corpora do.
 *
 * Training (scripts/scorer-training.ts) runs at build time only.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, draftDateOr } from '../src/engine/check.ts';
import { maintainedFreeMail } from '../src/engine/free-mail-full.ts';
import { scorerWords } from '../src/engine/analysis/party-scorer.ts';
import { type ScoredRule, scorerEligible } from '../src/engine/analysis/topic-scorer.ts';
import { corpusPolicy, loadCorpus } from '../tests/helpers/corpus.ts';
import { contextOf, train, trainingCouncils } from './scorer-training.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RULES: readonly ScoredRule[] = ['favour-seeking', 'pressure-on-officers', 'employment-matter-to-member', 'official-letter-from-member'];
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
/** Words used at this many councils or more: a place, a name or one council's local word cannot carry a model to a council it has not seen. */
const MIN_COUNCILS = 3;
/**
 * Weights smaller than this are left out (in cross-validation as in the shipped file): the
 * send-time script carries the weights, and the small ones cost bytes and decide little.
 */
const PRUNE = 0.05;

interface Example {
  council: string;
  words: Set<string>;
  /** Per rule: eligible, labelled, and whether the rule's cues (the lexicon) fire on it. */
  eligible: Set<ScoredRule>;
  labels: Set<ScoredRule>;
  lexicon: Set<ScoredRule>;
}

async function examples(): Promise<Example[]> {
  const out: Example[] = [];
  for (const [council, dir] of trainingCouncils()) {
    const policy = corpusPolicy(dir);
    for (const c of await loadCorpus(dir)) {
      const now = draftDateOr(c.draft, new Date());
      const ctx = contextOf(c.draft, policy, { now, freeMail: maintainedFreeMail });
      const eligible = new Set(RULES.filter((r) => scorerEligible(r, ctx)));
      if (eligible.size === 0) continue;
      // What the rules find without their scorers: the lexicon's verdict.
      const findings = check(c.draft, policy, { now, freeMail: maintainedFreeMail, withoutScorers: true });
      out.push({
        council,
        words: scorerWords([ctx.text, ctx.subjectText]),
        eligible,
        labels: new Set(RULES.filter((r) => c.expect.includes(r))),
        lexicon: new Set(RULES.filter((r) => findings.some((f) => f.rule === r))),
      });
    }
  }
  return out;
}

function prf(pairs: readonly { predicted: boolean; label: boolean }[]): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    if (p.predicted && p.label) tp += 1;
    else if (p.predicted) fp += 1;
    else if (p.label) fn += 1;
  }
  return `precision ${(tp + fp === 0 ? 1 : tp / (tp + fp)).toFixed(2)}, recall ${(tp + fn === 0 ? 1 : tp / (tp + fn)).toFixed(2)} (${tp} found, ${fp} false, ${fn} missed)`;
}

const all = await examples();
const file: Record<string, unknown> = {};
for (const rule of RULES) {
  const data = all.filter((e) => e.eligible.has(rule)).map((e) => ({ council: e.council, words: e.words, label: e.labels.has(rule), lexicon: e.lexicon.has(rule) }));
  const scores = new Map<(typeof data)[number], number>();
  for (const council of new Set(data.map((e) => e.council))) {
    const model = train(data.filter((e) => e.council !== council), { minCouncils: MIN_COUNCILS, prune: PRUNE });
    for (const e of data.filter((x) => x.council === council)) scores.set(e, model.score(e.words));
  }
  console.log(`${rule}: ${data.length} eligible drafts, ${data.filter((e) => e.label).length} labelled; the lexicon alone: ${prf(data.map((e) => ({ predicted: e.lexicon, label: e.label })))}`);
  let chosen: number | undefined;
  for (const t of THRESHOLDS) {
    const alone = data.map((e) => ({ predicted: scores.get(e)! >= t, label: e.label }));
    const fp = alone.filter((p) => p.predicted && !p.label).length;
    const tp = alone.filter((p) => p.predicted && p.label).length;
    if (chosen === undefined && fp === 0 && tp > 0) chosen = t;
    console.log(`  threshold ${t.toFixed(1)}: scorer ${prf(alone)}; lexicon or scorer ${prf(data.map((e) => ({ predicted: e.lexicon || scores.get(e)! >= t, label: e.label })))}`);
  }
  console.log(`  chosen threshold (leave-one-council-out precision 1.00): ${chosen ?? 'none'}`);
  if (chosen === undefined) continue;
  const model = train(data, { minCouncils: MIN_COUNCILS, prune: PRUNE });
  const weights = Object.fromEntries(
    [...model.weights].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  file[rule] = { trainedOn: data.length, positives: data.filter((e) => e.label).length, threshold: chosen, bias: model.bias, weights };
}

if (process.argv.includes('--write')) {
  const target = join(ROOT, 'src/engine/lexicon/data/topic-scorers.json');
  const out = {
    about:
      'Logistic-regression weights for four text rules, trained by scripts/topic-scorer-cv.ts on the tuning councils, Northbridge and Harrowfield (never the held-out part). Read by src/engine/analysis/topic-scorer.ts.',
    scorers: file,
  };
  writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote src/engine/lexicon/data/topic-scorers.json: ${Object.entries(file).map(([r, s]) => `${r} ${Object.keys((s as { weights: object }).weights).length} words`).join(', ')}`);
}
