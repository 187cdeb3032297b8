/**
 * What a councillor asks of an officer that is party work, for `officer-party-work`:
 * help with campaign material (a leaflet, an election address, canvassing data, checking
 * campaign wording), or attendance at a party group meeting.
 *
 * Cues are curated phrase families (own list, from UK party campaign vocabulary) that have no
 * council meaning in a councillor's mouth: "Focus leaflet", "election address", "canvassing",
 * "our campaign", a party name before "leaflet" or "newsletter". A cue only counts when the
 * writer asks for something in the same or the next sentence (a request), is not negated
 * ("I'm not asking you to check the leaflet"), and is not a third party's words relayed.
 * A group meeting counts only when it is a political group: a party named or "party",
 * "caucus", "branch"; "working group" or "steering group" meetings are council business.
 */
import type { PartyEntry } from '../policy.ts';
import type { RuleContext } from '../rule.ts';
import { escapeRegExp, type Span } from '../text.ts';
import { isNegated, isReportedSpeech, isRequest, normalisedBody, proseSentences } from './voice.ts';

// Built-in UK party names (the Electoral Commission register's main parties), merged with the policy's.
const UK_PARTY_NAMES = ['Conservative', 'Conservatives', 'Tory', 'Tories', 'Labour', 'Lib Dem', 'Lib Dems', 'Liberal Democrat', 'Liberal Democrats', 'Green Party', 'Green', 'Greens', 'Reform UK', 'Reform', 'Plaid Cymru', 'SNP', 'Independent', 'Independents', 'Residents\' Association'];

const partyCache = new WeakMap<readonly PartyEntry[], RegExp>();

/** A pattern for any party name the policy lists or the built-in list knows, as written (case-sensitive). */
function partyPattern(parties: readonly PartyEntry[]): RegExp {
  let re = partyCache.get(parties);
  if (!re) {
    const names = new Set(UK_PARTY_NAMES);
    for (const p of parties) for (const n of [p.name, ...(p.aliases ?? [])]) if (n.length > 2) names.add(n);
    const alts = [...names].sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+'));
    re = new RegExp(`\\b(?:${alts.join('|')})\\b`);
    partyCache.set(parties, re);
  }
  return re;
}

const MATERIAL = String.raw`(?:leaflets?|flyers?|newsletters?|literature|mailshots?|manifesto|election address|posters?|surveys?|petitions?|press releases?|website|social media posts?|campaign material)`;
// Campaign work with no council meaning in a councillor's request (own list).
const CAMPAIGN = new RegExp(
  [
    String.raw`\b(?:Focus|In Touch|election|campaign|party|group|branch|association|my|our) ${MATERIAL}`,
    String.raw`\belection address(?:es)?\b|\bmanifesto(?:es)?\b`,
    String.raw`\bcanvass(?:ing|ers?|ed)?\b(?! (?:form|period|return))|\bdoor-?knock\w*`,
    String.raw`\b(?:our|my|the election|the party|the re-?election) campaign(?:ing)?\b|\bcampaign (?:wording|material|literature|team|leaflets?|messages?|strategy)\b`,
    String.raw`\bre-?elect(?:ion)?\b|\bvote (?:for )?(?:me|us)\b`,
    String.raw`\b(?:target|swing|postal) voters\b|\bvoter (?:lists?|data|ID data)\b|\bmarked register\b`,
  ].join('|'),
  'gi',
);

const GROUP_MEETING = /\b(?:group|party|caucus|branch|ward party|association) (?:meeting|away ?day|briefing|session|AGM)s?\b/gi;
const NON_POLITICAL_GROUP = /\b(?:working|steering|task|project|focus|user|residents'?|community|friends|support|reference|advisory|liaison|tenants'?|officer|scrutiny|member|members'|cross-party|all-party)\s+$/i;
const POLITICAL_WORD = /\b(?:party|political|majority|opposition|administration|ruling|minority|caucus|branch)\b/i;
const INVITE = /\b(?:come (?:to|along)|attend|join us|speak (?:to|at)|present (?:to|at)|talk (?:to )?us|brief (?:us|the group|our group)|be at|invite you|see you at|run through|walk us through|talk us through)\b/i;

export interface PartyWorkHit extends Span {
  kind: 'campaign' | 'groupMeeting';
  quote: string;
}

/** Requests for campaign help and invitations to political group meetings, in the writer's prose. */
export function findPartyWork(ctx: RuleContext): PartyWorkHit[] {
  const body = normalisedBody(ctx);
  const prose = proseSentences(ctx);
  const party = partyPattern(ctx.policy.parties);
  const requests = prose.map((s) => isRequest(s.text));
  const wholeText = `${ctx.draft.subject}\n${ctx.ownText}`;
  const out: PartyWorkHit[] = [];
  let campaign = false;
  let meeting = false;
  for (let i = 0; i < prose.length; i++) {
    const s = prose[i]!;
    if (!campaign) {
      CAMPAIGN.lastIndex = 0;
      for (const m of s.text.matchAll(CAMPAIGN)) {
        const at = s.start + (m.index ?? 0);
        if (isNegated(body, s, at, 6) || isReportedSpeech(body, s, at)) continue;
        // Asked for in this sentence or the next one of the same paragraph.
        const next = prose[i + 1];
        const nextAsks = !!next && requests[i + 1] && !/\n\s*\n/.test(body.slice(s.end, next.start));
        if (!requests[i] && !nextAsks) continue;
        out.push({ kind: 'campaign', start: at, end: at + m[0].length, quote: ctx.draft.body.slice(at, at + m[0].length) });
        campaign = true;
        break;
      }
    }
    if (!meeting) {
      GROUP_MEETING.lastIndex = 0;
      for (const m of s.text.matchAll(GROUP_MEETING)) {
        const idx = m.index ?? 0;
        const at = s.start + idx;
        const lead = s.text.slice(Math.max(0, idx - 40), idx);
        if (NON_POLITICAL_GROUP.test(lead)) continue;
        const political = /^(?:party|caucus|branch|ward party)/i.test(m[0]) || party.test(lead) || POLITICAL_WORD.test(lead) || (/\b(?:our|my|the) $/i.test(lead) && party.test(wholeText));
        if (!political) continue;
        if (!(requests[i] || INVITE.test(s.text)) || isNegated(body, s, at, 6) || isReportedSpeech(body, s, at)) continue;
        out.push({ kind: 'groupMeeting', start: at, end: at + m[0].length, quote: ctx.draft.body.slice(at, at + m[0].length) });
        meeting = true;
        break;
      }
    }
  }
  return out;
}
