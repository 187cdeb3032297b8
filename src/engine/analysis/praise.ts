/**
 * Favourable mentions: sentences of the writer's own words that credit, thank or praise a
 * councillor (or, in a photo call, feature one). Attributions are `attribution.ts`'s.
 *
 * Praise must be about the councillor, not merely share a sentence with one (the old bag of
 * words read "thanks to the heavy rain", "the vision for the town centre" and "welcomed residents
 * to the consultation" as praise). The cues are lexicon entries (`publicity.praise-*`,
 * lexicon/data/publicity.json); this module says where the councillor must stand for each:
 * - thanks, credit given, congratulations: the councillor follows within a few words, in the
 *   same clause ("thanks to Cllr Jones", "we congratulate the Mayor");
 * - an achievement (championed, secured, fought for) or a feeling (delighted, welcomed the
 *   funding): the councillor is its subject, before it in the sentence, or its agent after "by";
 * - a quality (tireless, persistence, vision): attached to the councillor, a few words either side
 *   ("Cllr Jones's persistence", "the tireless Cllr Jones");
 * - in a photo call, a councillor pictured or opening something anywhere in the sentence.
 * Negated cues and someone else's quoted words do not count (the text model).
 */
import type { Hit } from '../lexicon/compile.ts';
import type { RuleContext } from '../rule.ts';
import { memoised } from '../rule.ts';
import type { Sentence } from '../text-model/model.ts';
import type { Span } from '../text.ts';
import { findAttributions } from './attribution.ts';
import { type CouncillorReference, councillorIn } from './councillor-references.ts';
import type { PublicityKind } from './publicity-kind.ts';

export interface CouncillorMention extends Span {
  /** The whole sentence (what a fix removes). */
  quote: string;
  councillor: CouncillorReference;
  /** The words that make it favourable ("persistence", "championed", "photograph"). */
  cue: string;
}

type Relation = 'follows' | 'subject' | 'attached' | 'anywhere';

const CUES: readonly { entry: string; relation: Relation }[] = [
  { entry: 'publicity.praise-thanks', relation: 'follows' },
  { entry: 'publicity.praise-credit', relation: 'subject' },
  { entry: 'publicity.praise-feeling', relation: 'subject' },
  { entry: 'publicity.praise-quality', relation: 'attached' },
];
const PHOTO = { entry: 'publicity.photo-feature', relation: 'anywhere' as Relation };

/** How near (in tokens) the councillor must stand for each relation. */
const FOLLOWS_WITHIN = 5;
const SUBJECT_WITHIN = 15;
const ATTACHED_WITHIN = 4;
/** Words between "and" and "to" when thanks go on to someone else ("and especially to"). */
const THANKS_LINKS = new Set(['also', 'especially', 'particularly']);

/**
 * @summary Sentences of the writer's own words that name a councillor favourably (or, in a photo
 * call, feature one), other than attributions, which `findAttributions` reports.
 */
export function findFavourableMentions(ctx: RuleContext, kind?: PublicityKind): CouncillorMention[] {
  // Memoised: the rules and the by-election test (concernsElection) both ask.
  return memoised(ctx, `analysis/favourable/${kind ?? ''}`, () => favourableMentions(ctx, kind));
}

function favourableMentions(ctx: RuleContext, kind?: PublicityKind): CouncillorMention[] {
  const { text: model, lexicon } = ctx;
  const attributions = findAttributions(ctx);
  const cues = kind === 'photo call' ? [...CUES, PHOTO] : CUES;
  const out: CouncillorMention[] = [];
  for (const s of model.sentences) {
    if (s.region !== 'own') continue;
    if (attributions.some((a) => a.start >= s.start && a.start < s.end)) continue;
    // The cue first: it is cheaper than recognising a councillor.
    // Read as the council's publication: the words it quotes without saying who spoke them (a
    // post it passes on) are its words too; someone's reported words are not.
    const hits = cues.flatMap((c) => lexicon.inSentence(model, s.index, [c.entry], { published: true }).map((h) => ({ hit: h, relation: c.relation })));
    if (hits.length === 0) continue;
    const sentence = model.text.slice(s.start, s.end);
    const ref = councillorIn(sentence, ctx.policy);
    // "Ward councillors" or "candidates" with no name is a generic audience, not a person promoted.
    if (!ref) continue;
    if (!ref.name && !ref.entry && !ref.statedRoles.length) continue;
    const mention = tokenAt(ctx, s, s.start + ref.at);
    const found = hits.find(({ hit, relation }) => related(ctx, s, hit, mention, relation));
    if (!found) continue;
    out.push({ start: s.start, end: s.end, quote: sentence, councillor: ref, cue: model.text.slice(found.hit.start, found.hit.end) });
  }
  return out;
}

/** The token of the sentence that starts at or after an offset. */
function tokenAt(ctx: RuleContext, s: Sentence, offset: number): number {
  const { tokens } = ctx.text;
  for (let k = s.first; k < s.last; k++) if (tokens[k]!.start >= offset) return k;
  return s.last - 1;
}

function related(ctx: RuleContext, s: Sentence, hit: Hit, mention: number, relation: Relation): boolean {
  const model = ctx.text;
  switch (relation) {
    case 'anywhere':
      return true;
    case 'follows':
      if (mention < hit.last) return false;
      if (mention - hit.last <= FOLLOWS_WITHIN && model.clauseOf[mention] === model.clauseOf[hit.last - 1]) return true;
      // Thanks that go on to a second party: "thank you to everyone who came, and to Cllr Jones".
      for (let k = hit.last; k < mention; k++) {
        if (model.tokens[k]!.norm !== 'to') continue;
        const before = model.tokens[k - 1]?.norm;
        const and = before === 'and' || (THANKS_LINKS.has(before ?? '') && model.tokens[k - 2]?.norm === 'and');
        if (and && mention - k <= FOLLOWS_WITHIN) return true;
      }
      return false;
    case 'attached':
      return Math.min(Math.abs(mention - hit.first), Math.abs(mention - hit.last)) <= ATTACHED_WITHIN && model.clauseOf[mention] === model.clauseOf[hit.first];
    case 'subject': {
      if (mention < hit.first) return hit.first - mention <= SUBJECT_WITHIN;
      // "secured by Cllr Jones": the agent after "by".
      for (let k = hit.last; k < Math.min(s.last, hit.last + 3); k++) if (model.tokens[k]!.norm === 'by') return mention > k && mention - k <= 3;
      return false;
    }
  }
}
