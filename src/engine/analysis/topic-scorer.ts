/**
 * Learned scorers for four text rules whose ideas real writers put in too many words for a
 * vocabulary to hold: favour-seeking, pressure-on-officers, employment-matter-to-member and
 * official-letter-from-member. Each is a logistic regression over the words of the writer's own
 * text and the subject (the party scorer's features, party-scorer.ts), trained at build time by
 * scripts/topic-scorer-cv.ts on the tuning part of the real-world corpus, Northbridge and
 * Harrowfield, and shipped as weights (lexicon/data/topic-scorers.json). At run time it is a
 * table lookup: plain JavaScript, the same result in the taskpane, the send-time script and the
 * CLI.
 *
 * A rule reads its scorer only when its own cues find nothing, only for the mail the rule is
 * about (a councillor writing to an officer, an officer to a councillor, a councillor to someone
 * outside the council), and only above the lowest threshold at which the scorer's
 * leave-one-council-out precision on the tuning councils was 1.00. Each rule's doc gives the
 * held-out figures that decided it stays.
 */
import scorers from '../lexicon/data/topic-scorers.json' with { type: 'json' };
import { memoised, type RuleContext } from '../rule.ts';
import type { Sentence } from '../text-model/model.ts';
import { scorerWords, weightiestSentence } from './party-scorer.ts';

/** The rules that have a learned scorer. */
export type ScoredRule = 'favour-seeking' | 'pressure-on-officers' | 'employment-matter-to-member' | 'official-letter-from-member';

interface ScorerData {
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

const SCORERS = scorers.scorers as Record<ScoredRule, ScorerData>;
/** The same weights in maps: a draft's few hundred words are looked up in each, every check. */
const WEIGHTS = new Map(Object.entries(SCORERS).map(([rule, data]) => [rule as ScoredRule, new Map(Object.entries(data.weights))]));

/**
 * @summary Whether a draft is the kind of mail a rule's scorer was trained on (and so may judge):
 * the same test at training and at run time.
 */
export function scorerEligible(rule: ScoredRule, ctx: RuleContext): boolean {
  const sender = ctx.sender?.kind;
  const to = (kind: string) => ctx.recipients.some((r) => r.person.kind === kind);
  switch (rule) {
    case 'favour-seeking':
    case 'pressure-on-officers':
      return sender === 'councillor' && to('officer');
    case 'employment-matter-to-member':
      return sender === 'officer' && to('councillor');
    case 'official-letter-from-member':
      return sender === 'councillor' && to('external');
  }
}

export interface TopicVerdict {
  probability: number;
  /** The writer's sentence whose words weigh most towards the idea: what a finding quotes. */
  sentence: Sentence;
}

/** @summary The probability a rule's scorer gives a draft (its own words and the subject), whatever the threshold. */
export function topicProbability(rule: ScoredRule, ctx: RuleContext): number {
  const scorer = SCORERS[rule];
  let z = scorer.bias;
  // The draft's words, once per check for every scorer.
  const words = memoised(ctx, 'analysis/topic-scorer/words', () => scorerWords([ctx.text, ctx.subjectText]));
  const weights = WEIGHTS.get(rule)!;
  for (const word of words) z += weights.get(word) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * @summary A rule's scorer's reading of the check's draft: a verdict when the draft is eligible
 * and the probability reaches the scorer's threshold; undefined otherwise. Memoised per rule.
 */
export function scoreTopic(rule: ScoredRule, ctx: RuleContext): TopicVerdict | undefined {
  return memoised(ctx, `analysis/topic-scorer/${rule}`, () => {
    if (!ctx.scorers || !scorerEligible(rule, ctx)) return undefined;
    const probability = topicProbability(rule, ctx);
    if (probability < SCORERS[rule].threshold) return undefined;
    const sentence = weightiestSentence(ctx.text, SCORERS[rule].weights);
    return sentence ? { probability, sentence } : undefined;
  });
}
