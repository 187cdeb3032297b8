/**
 * What the learned scorers' build scripts share (scripts/party-scorer-cv.ts,
 * scripts/topic-scorer-cv.ts): the rule context of a draft, and a deterministic logistic
 * regression over sets of words (full-batch gradient descent from zero).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check } from '../src/engine/check.ts';
import type { CheckOptions } from '../src/engine/check.ts';
import type { RuleContext } from '../src/engine/rule.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The labelled councils a scorer may learn from, as [name, folder]: the tuning part of the
 * real-world corpus, Northbridge and Harrowfield; never the held-out part.
 */
export function trainingCouncils(): [string, string][] {
  const tuning = join(ROOT, 'tests/corpus/real-world/tuning');
  const folders: [string, string][] = readdirSync(tuning).map((c) => [c, join(tuning, c)]);
  folders.push(['northbridge', join(ROOT, 'tests/corpus/northbridge')], ['harrowfield', join(ROOT, 'tests/corpus/harrowfield')]);
  return folders.filter(([, dir]) => existsSync(join(dir, 'labels.json')));
}

/** The rule context check() builds, taken by a rule that reports nothing. */
export function contextOf(draft: Parameters<typeof check>[0], policy: Parameters<typeof check>[1], options: CheckOptions): RuleContext {
  let ctx: RuleContext | undefined;
  const probe = { meta: { id: 'probe', description: '', defaultSeverity: 'info', citations: {}, messages: {}, fixable: false }, check: (c: RuleContext) => ((ctx = c), []) };
  check(draft, policy, { ...options, rules: [probe as never] });
  return ctx!;
}

export interface TrainingExample {
  council: string;
  words: Set<string>;
  label: boolean;
}

export interface Trained {
  weights: Map<string, number>;
  bias: number;
  score: (words: Set<string>) => number;
}

export interface TrainingOptions {
  /** Words used at this many councils or more: a place, a name or one council's local word cannot carry a model to a council it has not seen. */
  minCouncils: number;
  /** Weights smaller than this are dropped and the rest rounded to two decimals, as shipped (0: keep every weight as trained). */
  prune?: number;
  l2?: number;
  epochs?: number;
  rate?: number;
}

export function train(data: readonly TrainingExample[], options: TrainingOptions): Trained {
  const { minCouncils, prune = 0, l2 = 0.01, epochs = 300, rate = 0.5 } = options;
  const councils = new Map<string, Set<string>>();
  for (const e of data) for (const w of e.words) (councils.get(w) ?? councils.set(w, new Set()).get(w)!).add(e.council);
  const vocabulary = [...councils].filter(([, c]) => c.size >= minCouncils).map(([w]) => w);
  const weights = new Map(vocabulary.map((w) => [w, 0]));
  let bias = 0;
  const z = (words: Set<string>) => [...words].reduce((sum, w) => sum + (weights.get(w) ?? 0), bias);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Map<string, number>();
    let biasGradient = 0;
    for (const e of data) {
      const error = 1 / (1 + Math.exp(-z(e.words))) - (e.label ? 1 : 0);
      biasGradient += error;
      for (const w of e.words) if (weights.has(w)) gradient.set(w, (gradient.get(w) ?? 0) + error);
    }
    bias -= (rate * biasGradient) / data.length;
    for (const w of vocabulary) weights.set(w, weights.get(w)! - rate * ((gradient.get(w) ?? 0) / data.length + l2 * weights.get(w)!));
  }
  if (prune > 0) {
    // What ships: small weights left out, the rest to two decimals; cross-validation scores the same.
    for (const [w, v] of weights) {
      if (Math.abs(v) < prune) weights.delete(w);
      else weights.set(w, Math.round(v * 100) / 100);
    }
    bias = Math.round(bias * 100) / 100;
  }
  return { weights, bias, score: (words) => 1 / (1 + Math.exp(-z(words))) };
}
