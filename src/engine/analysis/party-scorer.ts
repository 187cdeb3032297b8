/**
 * A learned last resort for letterhead-for-party-matters: a logistic regression over the words of
 * the writer's own text and the subject, trained at build time by scripts/party-scorer-cv.ts on
 * the tuning part of the real-world corpus, Northbridge and Harrowfield, and shipped as weights
 * (lexicon/data/party-scorer.json). At run time it is a table lookup: plain JavaScript, the same
 * result in the taskpane, the send-time script and the CLI.
 *
 * It is read only when the lexicon finds nothing, and only above a threshold at which its
 * leave-one-council-out precision was 1.00 (docs/rules/letterhead-for-party-matters.md gives the
 * figures and why it stays).
 */
import scorer from '../lexicon/data/party-scorer.json' with { type: 'json' };
import { memoised, type RuleContext } from '../rule.ts';
import { isElectionAdministration } from './party-politics.ts';
import type { Sentence, TextModel } from '../text-model/model.ts';

// Words too common to carry a topic: left out of training and scoring alike (kept with the weights).
const COMMON = new Set<string>(scorer.commonWords);
const WEIGHTS: Readonly<Record<string, number>> = scorer.weights;

function scoredWord(norm: string): boolean {
  if (norm.length < 3) return false;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return !COMMON.has(norm);
}

/** @summary The distinct scored words of the writer's own sentences in the models (body, subject). */
export function scorerWords(models: readonly TextModel[]): Set<string> {
  const out = new Set<string>();
  for (const model of models) {
    for (const s of model.sentences) {
      if (s.region !== 'own') continue;
      for (let k = s.first; k < s.last; k++) {
        const t = model.tokens[k]!;
        if (t.kind === 'word' && scoredWord(t.norm)) out.add(t.norm);
      }
    }
  }
  return out;
}

export interface ScorerVerdict {
  probability: number;
  /** The body sentence whose words weigh most towards party content: what a finding quotes. */
  sentence?: Sentence;
}

/**
 * @summary The scorer's reading of a draft: party-political when the probability reaches the
 * threshold; undefined below it.
 */
export function scorePartyContent(body: TextModel, subject: TextModel): ScorerVerdict | undefined {
  let z = scorer.bias;
  for (const word of scorerWords([body, subject])) z += WEIGHTS[word] ?? 0;
  const probability = 1 / (1 + Math.exp(-z));
  if (probability < scorer.threshold) return undefined;
  const best = weightiestSentence(body, WEIGHTS);
  return { probability, ...(best ? { sentence: best } : {}) };
}

/**
 * @summary The writer's sentence whose distinct words weigh most towards a scorer's idea (each
 * word counted once, negative weights as nothing): what a scorer's finding quotes.
 */
export function weightiestSentence(model: TextModel, weights: Readonly<Record<string, number>>): Sentence | undefined {
  let best: Sentence | undefined;
  let bestWeight = 0;
  for (const s of model.sentences) {
    if (s.region !== 'own') continue;
    const seen = new Set<string>();
    let weight = 0;
    for (let k = s.first; k < s.last; k++) {
      const norm = model.tokens[k]!.norm;
      if (seen.has(norm)) continue;
      seen.add(norm);
      weight += Math.max(0, weights[norm] ?? 0);
    }
    if (weight > bestWeight) {
      best = s;
      bestWeight = weight;
    }
  }
  return best;
}

/** @summary The scorer's reading of a check's draft (body and subject), once per check: letterhead and officer-party-work both ask. */
export function scoreDraft(ctx: RuleContext): ScorerVerdict | undefined {
  // A list of candidates and their parties in election administration is the election being run.
  return memoised(ctx, 'analysis/party-scorer', () => (isElectionAdministration(ctx) ? undefined : scorePartyContent(ctx.text, ctx.subjectText)));
}
