/**
 * Favourable mentions: sentences of the writer's own words that credit, thank or praise a
 * councillor (or, in a photo call, feature one). Attributions are `attribution.ts`'s.
 */
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import { sentences, type Span } from '../text.ts';
import { findAttributions } from './attribution.ts';
import { type CouncillorReference, councillorIn } from './councillor-references.ts';
import type { PublicityKind } from './publicity-kind.ts';
import { normalisedBody } from './voice.ts';

export interface CouncillorMention extends Span {
  /** The whole sentence (what a fix removes). */
  quote: string;
  councillor: CouncillorReference;
  /** The words that make it favourable ("persistence", "championed", "photograph"). */
  cue: string;
}

// Praise and credit, with inflections (curated from council publicity guidance examples of what
// "promotes a councillor": crediting, thanking, praising, showing them delivering).
const FAVOURABLE =
  /\b(?:champion(?:ed|ing|s)?|persist(?:ence|ent|ently)|tireless(?:ly)?|hard[- ]work(?:ing)?|dedicat(?:ed|ion)|thank(?:s|ed|ing)?(?:\s+to)?|credit(?:ed)?|prais(?:e|ed|ing)|proud(?:ly)?|delight(?:ed)?|thrilled|pleased|congratulat\w*|commend\w*|instrumental|secured|delivered|deliver(?:ing|s)\s+on|achiev(?:ed|ement)|success(?:ful(?:ly)?)?|fought\s+for|pressed\s+for|pushed\s+for|campaigned\s+for|lobbied|led\s+the|leadership|would\s+not\s+have\s+happened\s+without|made\s+(?:it|this)\s+happen|promised?|pioneer(?:ed|ing)?|vision|welcom(?:ed|es|ing))\b/i;
// In a photo call, being pictured is the promotion.
const PHOTO_CUE = /\b(?:photograph\w*|photos?|pictured|unveil\w*|joined\s+by|will\s+(?:be\s+)?(?:join|attend|present|open|launch)\w*|cut\s+the\s+ribbon)\b/i;
const NEGATED_CUE = /\b(?:not|never|no|n't)\s+(?:\w+\s+){0,2}$/i;

/**
 * @summary Sentences of the writer's own words that name a councillor favourably (or, in a photo
 * call, feature one), other than attributions, which `findAttributions` reports.
 */
export function findFavourableMentions(ctx: RuleContext, kind?: PublicityKind): CouncillorMention[] {
  // Memoised: the rules and the by-election test (concernsElection) both ask.
  return memoised(ctx, `analysis/favourable/${kind ?? ''}`, () => favourableMentions(ctx, kind));
}

function favourableMentions(ctx: RuleContext, kind?: PublicityKind): CouncillorMention[] {
  const body = ctx.draft.body;
  const normal = normalisedBody(ctx);
  const attributions = findAttributions(ctx);
  const out: CouncillorMention[] = [];
  for (const s of sentences(normal, ctx.own)) {
    if (attributions.some((a) => a.start >= s.start && a.start < s.end)) continue;
    const sentence = normal.slice(s.start, s.end);
    // The cue first: it is cheaper than recognising a councillor.
    const cue = FAVOURABLE.exec(sentence) ?? (kind === 'photo call' ? PHOTO_CUE.exec(sentence) : null);
    if (!cue) continue;
    const ref = councillorIn(sentence, ctx.policy);
    // "Ward councillors" or "candidates" with no name is a generic audience, not a person promoted.
    if (!ref) continue;
    if (!ref.name && !ref.entry && !ref.statedRoles.length) continue;
    if (NEGATED_CUE.test(sentence.slice(0, cue.index))) continue;
    out.push({ start: s.start, end: s.end, quote: body.slice(s.start, s.end), councillor: ref, cue: cue[0] });
  }
  return out;
}
