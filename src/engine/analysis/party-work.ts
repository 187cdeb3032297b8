/**
 * What a councillor asks of an officer that is party work, for `officer-party-work`:
 * help with campaign material (a leaflet, an election address, canvassing data, attack posts
 * for their own account, printing the party's newsletter), or attendance at a party group
 * meeting.
 *
 * Campaign help is an ask and party content together: a sentence that asks or tells the
 * reader to act, and either campaign material named in it or the sentence after it (the
 * `campaigning.material` entry), or party-political content anywhere in the writer's words
 * (the same reading as letterhead-for-party-matters: one vocabulary, then the learned scorer). A group meeting counts
 * only when it is a political group: a party named, a political word, or "our group" in a
 * draft that names a party. Negation, quotation and reported speech come from the text model.
 */
import type { Hit } from '../lexicon/index.ts';
import { memoised, type RuleContext } from '../rule.ts';
import type { Span } from '../text.ts';
import { assessPartyContent } from './party-politics.ts';
import { scoreDraft } from './party-scorer.ts';

export interface PartyWorkHit extends Span {
  kind: 'campaign' | 'groupMeeting';
  quote: string;
}

const hitSpan = (ctx: RuleContext, h: { start: number; end: number }, kind: PartyWorkHit['kind']): PartyWorkHit => ({ kind, start: h.start, end: h.end, quote: ctx.draft.body.slice(h.start, h.end) });

/** Requests for campaign help and invitations to political group meetings, in the writer's own words. */
export function findPartyWork(ctx: RuleContext): PartyWorkHit[] {
  // Memoised: officer-party-work reports it, and letterhead-for-party-matters reads a campaign ask as party content.
  return memoised(ctx, 'analysis/party-work', () => partyWork(ctx));
}

function partyWork(ctx: RuleContext): PartyWorkHit[] {
  const { text: model, lexicon } = ctx;
  // A sentence stating the rules ("Please do not ask officers to help with campaign material") asks for no party work.
  const own = model.sentences.filter((s) => s.region === 'own' && lexicon.inSentence(model, s.index, ['campaigning.rules-talk']).length === 0);
  const asks = (i: number) => own[i] !== undefined && (own[i]!.request || own[i]!.instruction);
  const out: PartyWorkHit[] = [];

  // Campaign material asked for in this sentence or the next one of the same paragraph.
  const material = lexicon.hits(model, 'campaigning.material');
  let campaign: PartyWorkHit | undefined;
  for (let i = 0; i < own.length && !campaign; i++) {
    const s = own[i]!;
    const hit = material.find((h) => h.sentence === s.index);
    if (!hit) continue;
    const nextAsks = asks(i + 1) && own[i + 1]!.paragraph === s.paragraph;
    if (asks(i) || nextAsks) campaign = hitSpan(ctx, hit, 'campaign');
  }
  // An ask, and party content in the writer's words: the officer is being asked to do party work.
  if (!campaign && own.some((_, i) => asks(i))) {
    // Party organisation (a branch meeting) is the group-meeting part below, not campaign work.
    const signal = assessPartyContent(ctx).body.find((x) => x.kind !== 'private-business' && x.cue !== 'campaigning.party-organisation');
    if (signal) campaign = hitSpan(ctx, signal, 'campaign');
    else {
      // The same reading of party content as letterhead-for-party-matters: the learned scorer
      // when the lexicon finds nothing.
      const scored = scoreDraft(ctx)?.sentence;
      if (scored) campaign = hitSpan(ctx, scored, 'campaign');
    }
  }
  if (campaign) out.push(campaign);

  const meeting = findGroupMeeting(ctx, own.map((s) => s.index));
  if (meeting) out.push(hitSpan(ctx, meeting, 'groupMeeting'));
  return out;
}

function findGroupMeeting(ctx: RuleContext, ownSentences: number[]): Hit | undefined {
  const { text: model, lexicon } = ctx;
  const draftNamesParty = model.sentences.some((s) => s.region === 'own' && lexicon.partiesIn(model, s).length > 0) || ctx.subjectText.sentences.some((s) => lexicon.partiesIn(ctx.subjectText, s).length > 0);
  for (const hit of lexicon.hits(model, 'campaigning.group-meeting')) {
    if (!ownSentences.includes(hit.sentence)) continue;
    const s = model.sentences[hit.sentence]!;
    const political =
      lexicon.inSentence(model, s.index, ['campaigning.political-group']).length > 0 ||
      lexicon.partiesIn(model, s, true).length > 0 ||
      (draftNamesParty && lexicon.inSentence(model, s.index, ['campaigning.our-group']).length > 0);
    if (!political) continue;
    if (!(s.request || s.instruction || lexicon.inSentence(model, s.index, ['campaigning.invitation']).length > 0)) continue;
    return hit;
  }
  return undefined;
}
