/**
 * `npx tsx scripts/party-scorer-cv.ts [--write]`: does a learned scorer earn its place beside the lexicon
 * for letterhead-for-party-matters? (Issue: "a learned scorer only if it earns its place".)
 *
 * A bag-of-words logistic regression (binary presence of the writer's own words and the subject's,
 * three letters or more, common words left out) is trained on drafts sent from a council account,
 * labelled by whether the draft carries letterhead-for-party-matters, and scored by
 * leave-one-council-out cross-validation over the tuning councils, Northbridge and Harrowfield
 * (never the held-out part). It prints the model's precision and recall at several thresholds.
 *
 * With `--write` it then trains on every one of those drafts and writes the weights to
 * src/engine/lexicon/data/party-scorer.json, which letterhead-for-party-matters reads as a last
 * resort (src/engine/analysis/party-scorer.ts). Training is deterministic (full-batch gradient
 * descent from zero), so the file changes only when the corpora do.
 *
 * Written here rather than with a library: thirty lines of gradient descent, run at build time
 * only; the run-time side is a table lookup.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scorerWords } from '../src/engine/analysis/party-scorer.ts';
import { corpusPolicy, loadCorpus } from '../tests/helpers/corpus.ts';
import { contextOf, train, trainingCouncils } from './scorer-training.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The threshold the run-time scorer uses: the lowest whose leave-one-council-out precision was 1.00. */
const THRESHOLD = 0.4;
const MIN_COUNCILS = 3;
interface Example {
  council: string;
  words: Set<string>;
  label: boolean;
}

async function examples(): Promise<Example[]> {
  const out: Example[] = [];
  for (const [council, dir] of trainingCouncils()) {
    const policy = corpusPolicy(dir);
    for (const c of await loadCorpus(dir)) {
      const ctx = contextOf(c.draft, policy, { now: new Date(0) });
      // Only council-account mail: there the label says whether the content is party business.
      if (!ctx.sender?.councilAddress) continue;
      const words = scorerWords([ctx.text, ctx.subjectText]);
      out.push({ council, words, label: c.expect.includes('letterhead-for-party-matters') });
    }
  }
  return out;
}

const all = await examples();
const scores = new Map<Example, number>();
for (const council of new Set(all.map((e) => e.council))) {
  const model = train(all.filter((e) => e.council !== council), { minCouncils: MIN_COUNCILS });
  for (const e of all.filter((x) => x.council === council)) scores.set(e, model.score(e.words));
}
console.log(`${all.length} council-account drafts, ${all.filter((e) => e.label).length} labelled letterhead-for-party-matters; leave-one-council-out:`);
for (const threshold of [0.1, 0.2, 0.3, 0.4, 0.5, 0.7]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of all) {
    const got = scores.get(e)! >= threshold;
    if (got && e.label) tp += 1;
    else if (got) fp += 1;
    else if (e.label) fn += 1;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  console.log(`  threshold ${threshold.toFixed(1)}: precision ${precision.toFixed(2)}, recall ${(tp / (tp + fn)).toFixed(2)}`);
}

if (process.argv.includes('--write')) {
  const target = join(ROOT, 'src/engine/lexicon/data/party-scorer.json');
  const existing = JSON.parse(readFileSync(target, 'utf8')) as { commonWords: string[] };
  const model = train(all, { minCouncils: MIN_COUNCILS });
  const weights = Object.fromEntries(
    [...model.weights]
      .filter(([, w]) => Math.abs(w) >= 0.005)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([word, w]) => [word, Math.round(w * 1000) / 1000]),
  );
  const file = {
    commonWords: existing.commonWords,
    about:
      'Logistic-regression weights for party-political content in a council-account draft, trained by scripts/party-scorer-cv.ts on the tuning councils, Northbridge and Harrowfield (never the held-out part). Read by src/engine/analysis/party-scorer.ts.',
    trainedOn: all.length,
    positives: all.filter((e) => e.label).length,
    threshold: THRESHOLD,
    bias: Math.round(model.bias * 1000) / 1000,
    weights,
  };
  writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote src/engine/lexicon/data/party-scorer.json: ${Object.keys(weights).length} words`);
}
