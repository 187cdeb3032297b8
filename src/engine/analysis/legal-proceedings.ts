/**
 * Mentions of legal proceedings, ongoing or contemplated, for `legal-proceedings`, read from the
 * text model with the `legal` lexicon family (`lexicon/data/legal.json`): possession claims,
 * prosecutions, judicial review and its pre-action letter, injunctions, tribunals, named courts,
 * court business and "to court".
 *
 * "Court" is ambiguous in UK addresses ("11 Castle Court", "Orchard Court hearing aid users",
 * "to Court Lane"): court business and "to court" count only where "court" is written in lower
 * case (or opens the sentence); a named court ("county court", "Crown Court") counts either way.
 * Planning appeals to the Planning Inspectorate are deliberately left out: they are an
 * administrative appeal in which councillors may take part through the published process.
 */
import type { Hit } from '../lexicon/index.ts';
import type { RuleContext } from '../rule.ts';
import type { Sentence, TextModel } from '../text-model/model.ts';
import type { Span } from '../text.ts';
import { cuesIn, isEnquiring, ownSentences, spanEvidence } from './requests.ts';

const MENTIONS = ['legal.proceedings', 'legal.named-court', 'legal.court-business', 'legal.to-court'];
// Entries whose "court" must be the common noun, not a capitalised place name.
const COMMON_NOUN_COURT = new Set(['legal.court-business', 'legal.to-court']);
// A request in the sentence before a mention, or in the three after, is about it.
const REQUEST_BEFORE = 1;
const REQUEST_AFTER = 3;

export interface ProceedingsMention extends Span {
  field: 'body' | 'subject';
  quote: string;
}

/** "Castle Court hearing", "to Court Lane": a capitalised "court" inside the sentence is a place. */
function isPlaceName(model: TextModel, hit: Hit): boolean {
  if (!COMMON_NOUN_COURT.has(hit.entry)) return false;
  const s = model.sentences[hit.sentence]!;
  for (let k = hit.first; k < hit.last; k++) {
    const t = model.tokens[k]!;
    if (t.norm === 'court' && t.capital && k !== s.first) return true;
  }
  return false;
}

function mentionsIn(ctx: RuleContext, model: TextModel, s: Sentence): Hit[] {
  return cuesIn(ctx, model, s, MENTIONS).filter((h) => !isPlaceName(model, h));
}

/** The sentence asks the reader something: a request, an instruction, a question or an enquiry ("whether", "do you know"). */
function asks(ctx: RuleContext, model: TextModel, s: Sentence): boolean {
  return isEnquiring(s) || cuesIn(ctx, model, s, ['legal.enquiry']).length > 0;
}

/**
 * Proceedings the writer asks about: a mention in a sentence of their own words that is not
 * negated ("no legal action is planned"), with a request in the same sentence, the one before or
 * the three after; or, failing that, a mention in the subject line with any request in the body.
 */
export function findProceedingsEnquiry(ctx: RuleContext): ProceedingsMention | undefined {
  const model = ctx.text;
  const own = ownSentences(model);
  const requests = own.map((s) => asks(ctx, model, s));
  for (let i = 0; i < own.length; i++) {
    const mention = mentionsIn(ctx, model, own[i]!)[0];
    if (!mention) continue;
    if (requests.slice(Math.max(0, i - REQUEST_BEFORE), i + REQUEST_AFTER + 1).some(Boolean)) {
      return spanEvidence(ctx, 'body', mention.start, mention.end) as ProceedingsMention;
    }
  }
  const subject = ctx.subjectText;
  const inSubject = subject.sentences.map((s) => mentionsIn(ctx, subject, s)[0]).find((h) => h !== undefined);
  if (inSubject && requests.some(Boolean)) return spanEvidence(ctx, 'subject', inSubject.start, inSubject.end) as ProceedingsMention;
  return undefined;
}
