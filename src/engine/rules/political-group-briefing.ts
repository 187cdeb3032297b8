/**
 * political-group-briefing: an officer briefing one political group. A reminder of what the
 * council's protocol asks in return (offer it to the other groups, or keep it from them), and a
 * warning when people who are not councillors are copied in or will be present.
 */
import { negatedBefore, sentencesOf } from '../analysis/clause-polarity.ts';
import { normalisedBody } from '../analysis/voice.ts';
import type { Recipient } from '../people.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { escapeRegExp, findAll, normaliseChars, type Span, type TextMatch } from '../text.ts';
import type { Evidence, PackId, Suggestion } from '../types.ts';

// ---- helpers: recognising a political group ----

// Party names used in UK councils, for councils whose policy lists no parties (and the embedded
// default). Matched case-sensitively, so "Green Group" is a party group and "a green group" is not.
const UK_PARTIES = [
  'Conservative', 'Conservatives', 'Labour', 'Labour Party', 'Liberal Democrat', 'Liberal Democrats', 'Lib Dem', 'Lib Dems',
  'Green', 'Greens', 'Green Party', 'Reform', 'Reform UK', 'SNP', 'Scottish National Party', 'Plaid Cymru', 'Plaid',
  'Independent', 'Independents', 'Alliance',
];

function partyNames(ctx: RuleContext): string[] {
  // Aliases of three letters or fewer ("Con", "LD") are abbreviations for ballot papers, not group names.
  const fromPolicy = ctx.policy.parties.flatMap((p) => [p.name, ...(p.aliases ?? [])]).filter((n) => n.replace(/\s/g, '').length > 3);
  return [...new Set([...fromPolicy, ...UK_PARTIES])];
}

const partyGroupCache = new Map<string, RegExp>();
/** "Green Group", "Labour group", "Liberal Democrat Group's", "Conservative caucus". */
function partyGroupPattern(names: string[]): RegExp {
  const key = names.join('|');
  let re = partyGroupCache.get(key);
  if (!re) {
    const alts = [...names].sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+'));
    re = new RegExp(`(?<![\\w-])(?:${alts.join('|')})(?:\\s+[Pp]arty)?\\s+(?:[Gg]roup|GROUP|[Cc]aucus)(?:'s)?(?![\\w-])`, 'g');
    partyGroupCache.set(key, re);
  }
  return re;
}

// The pattern for the policy's parties, looked up once per policy rather than on every check.
const policyPartyPatterns = new WeakMap<RuleContext['policy']['parties'], RegExp>();
function partyGroupPatternFor(ctx: RuleContext): RegExp {
  let re = policyPartyPatterns.get(ctx.policy.parties);
  if (!re) {
    re = partyGroupPattern(partyNames(ctx));
    policyPartyPatterns.set(ctx.policy.parties, re);
  }
  return re;
}

// "political group", "party group": singular, so "each political group" is caught as all groups below.
const GENERIC_GROUP = /\b(?:political|party)\s+group(?:'s)?\b/gi;
// "your group", "the group's meeting": only with a briefing word in the same sentence, and only
// with "your"/"the" right before "group", so "the village green group" does not count.
const WEAK_GROUP = /\b(?:your|the|their)\s+group(?:'s)?\b(?!\s+leaders?\b)/gi;
// The same offer to every group: "each political group", "the other groups", "Group Leaders".
const ALL_GROUPS = /\b(?:each|every|all|both|any)\s+(?:of\s+the\s+)?(?:other\s+)?(?:political\s+|party\s+)?groups?\b|\b(?:the\s+)?other\s+(?:political\s+|party\s+)?groups\b|\bgroup\s+leaders\b|\bthe\s+same\s+(?:briefing|note|information|presentation|session|offer|advice|figures)\b|\b(?:all|the)\s+other\s+(?:councillors|members)\b|\ball\s+councillors\b/gi;
// What an officer does for a group.
const BRIEFING = /\b(?:brief(?:s|ed|ing|ings)?|note|notes|presentation|present(?:ing)?|attend(?:ing)?|advice|advise|update|report|figures|options|session|talk\s+(?:you|them|the\s+group)\s+through|go\s+through|information|questions)\b/i;

// People who are not councillors, said to be present: "Richard and Sue from the association will be joining us".
const PRESENT = /\b(?:agents?|association|constituency|branch|party\s+(?:members?|officials?|chair(?:man)?|secretary|staff|workers?|activists?)|non-councillors?|non-members|guests?|supporters|activists|volunteers|candidates?)\b[^.!?\n]{0,60}?\b(?:will\s+be\s+|are\s+|is\s+)?(?:joining|attending|present|coming|sitting\s+in|in\s+attendance)\b/gi;

interface GroupCue {
  field: 'body' | 'subject';
  match: TextMatch;
  strong: boolean;
}

function cuesIn(text: string, span: Span, field: 'body' | 'subject', partyRe: RegExp, normal = normaliseChars(text)): GroupCue[] {
  const cues: GroupCue[] = [];
  for (const m of findAll(text, partyRe, span, normal)) cues.push({ field, match: m, strong: true });
  for (const m of findAll(text, GENERIC_GROUP, span, normal)) cues.push({ field, match: m, strong: true });
  // Sentences only when a weak cue needs one: splitting a long draft costs more than the search.
  let sents: Span[] | undefined;
  for (const m of findAll(text, WEAK_GROUP, span, normal)) {
    sents ??= sentencesOf(text, span);
    const s = sents.find((x) => m.start >= x.start && m.start < x.end);
    if (s && BRIEFING.test(normaliseChars(text.slice(s.start, s.end)))) cues.push({ field, match: m, strong: false });
  }
  return cues;
}

function offeredToAll(text: string, span: Span): boolean {
  return findAll(text, ALL_GROUPS, span).some((m) => !negatedBefore(text, m.start, span.start, 5));
}

// ---- helpers: the pack's reminder ----

type ReminderId = 'offerToOtherGroups' | 'notifyAllCouncillors' | 'keepFromOtherGroups' | 'sameForOtherGroups' | 'oneGroupBriefing';

const REMINDER: Record<PackId, ReminderId> = {
  crawley: 'offerToOtherGroups', // crawley 6.2: a briefing for one group is notified and offered to the others
  'town-council': 'notifyAllCouncillors', // town-council political groups: all other councillors are told what was given
  'surrey-heath': 'keepFromOtherGroups', // surrey-heath 6.10: the request and the advice stay confidential
  'tower-hamlets': 'keepFromOtherGroups', // tower-hamlets 7.4(vi), 13.16: requests and discussions are not passed on
  'district-model': 'sameForOtherGroups', // district-model §6, third paragraph: do not decline another group on the same subject
};

const FACTS_ONLY: Suggestion = { title: 'Keep to facts and options, with no recommendation to the group', edits: [] };

const REMINDER_ADVICE: Record<ReminderId, Suggestion> = {
  offerToOtherGroups: { title: 'Tell the other political groups about this briefing and offer them the same', edits: [] },
  notifyAllCouncillors: { title: 'Tell all other councillors what information the group was given', edits: [] },
  keepFromOtherGroups: { title: 'Keep the group’s request and your advice from the other groups; share only the facts if they ask', edits: [] },
  sameForOtherGroups: { title: 'Give another group the same help if it asks about this subject', edits: [] },
  oneGroupBriefing: { title: 'Check what your protocol says about offering this briefing to the other groups', edits: [] },
};

function fieldLabel(r: Recipient): string {
  return r.field === 'to' ? 'To' : r.field === 'cc' ? 'Cc' : 'Bcc';
}

// ---- rule ----

export default defineRule({
  meta: {
    id: 'political-group-briefing',
    description: 'An officer briefing one political group: what the protocol asks in return, and no one present who is not a councillor.',
    defaultSeverity: 'info',
    citations: {
      crawley: [{ paragraph: '6.2', summary: 'Officers serve the whole council: a briefing for one group is made known and offered to the others, kept to facts and options, and not given where non-members attend.' }],
      'tower-hamlets': [
        { paragraph: '7.4(ii), (iii), (vi)', section: '7 Officer Advice to Party Groups', summary: 'Officers do not attend group meetings with non-members present without the Chief Executive’s approval, give facts and options with no recommendation, and keep group discussions to themselves.' },
        { paragraph: '13.16', section: '13 Use of Council Information – Confidentiality', summary: 'A member’s request for information, and what a group said in private, is not passed to other members or groups.' },
      ],
      'district-model': [
        { paragraph: '§6, third paragraph', section: '6 Officer Advice to Party Groups (unnumbered; 6.3 by position)', summary: 'An officer who advises one group may not turn down another group asking about the same subject, though need not offer it unasked.' },
        { paragraph: '6.4', summary: 'Officer help to a group covers council business only, never party business.' },
        { paragraph: '6.6', summary: 'Only councillors should be in the room when officers attend a group meeting.' },
        { paragraph: '6.7', summary: 'Officers do not pass one group’s discussions on to another.' },
      ],
      'town-council': [{ paragraph: 'Political groups', section: 'unnumbered section after 2.6 (§3 in the original)', summary: 'Information given to a political group is confined to material facts with no officer recommendation, and every other councillor is told what was given.' }],
      'surrey-heath': [
        { paragraph: '6.9', summary: 'Officers give information on council business only, and leave before the group’s political discussion.' },
        { paragraph: '6.10', summary: 'A group’s request and the advice it gets are confidential from other groups, though the underlying facts are available to all on request.' },
        { paragraph: '6.13', summary: 'Only councillors may be present while officers brief a group; an officer who finds others there leaves without speaking.' },
      ],
    },
    messages: {
      offerToOtherGroups: 'This briefs one political group ({group}). Your protocol asks you to tell the other groups about it and offer them the same, and to keep to facts and options.',
      notifyAllCouncillors: 'This gives information to one political group ({group}). Your protocol asks you to tell all other councillors what was given, and to keep to material facts with no recommendation.',
      keepFromOtherGroups: 'This briefs one political group ({group}). Keep the group’s request and your advice confidential from other groups, and keep to facts and options with no political recommendation.',
      sameForOtherGroups: 'This briefs one political group ({group}). If another group asks about the same subject, do not turn it down; keep to facts and options on council business.',
      oneGroupBriefing: 'This briefs one political group ({group}). Treat every group even-handedly, keep to facts and options, and make no political recommendation.',
      nonCouncillorsCopied: 'This briefing for a political group is copied to {name}, who is not a councillor. Officers brief only councillors; people who are not councillors should not receive it or be present.',
      nonCouncillorsPresent: 'People who are not councillors are expected at this group briefing ("{quote}"). Officers brief only councillors: ask the group to make sure only councillors are present, or leave.',
    },
    fixable: true,
  },
  check(ctx): RuleReport[] {
    // An officer briefing: a councillor writing about their own group is party business (officer-party-work).
    if (ctx.sender?.kind !== 'officer') return [];
    const councillors = ctx.recipients.filter((r) => r.person.kind === 'councillor');
    if (councillors.length === 0) return [];
    // One group: the councillors copied all belong to one party, as far as the directory says.
    const parties = new Set(councillors.map((r) => r.person.councillor?.party).filter((p): p is string => !!p));
    if (parties.size > 1) return [];

    const body = ctx.draft.body;
    const subject = ctx.draft.subject;
    const ownSpan: Span = { start: ctx.own.start, end: ctx.layout.signature ? ctx.layout.signature.start : ctx.own.end };
    const partyRe = partyGroupPatternFor(ctx);
    const cues = [...cuesIn(body, ownSpan, 'body', partyRe, normalisedBody(ctx)), ...cuesIn(subject, { start: 0, end: subject.length }, 'subject', partyRe)];
    if (cues.length === 0) return [];
    if (!BRIEFING.test(normalisedBody(ctx).slice(ownSpan.start, ownSpan.end)) && !BRIEFING.test(subject)) return [];

    const reports: RuleReport[] = [];
    // Anyone who is neither a councillor nor at a council address: party officials, guests.
    // crawley 6.2, district-model 6.6, surrey-heath 6.13, tower-hamlets 7.4(ii).
    const outsiders = ctx.recipients.filter((r) => r.person.kind === 'external' && !r.person.councilAddress);
    for (const r of outsiders) {
      reports.push({
        messageId: 'nonCouncillorsCopied',
        severity: 'warning',
        data: { name: r.mailbox.name || r.person.email },
        evidence: { field: r.field, recipient: r.person.email },
        suggestions: [
          { title: `Remove ${r.mailbox.name || r.person.email} from ${fieldLabel(r)}`, edits: [{ kind: 'removeRecipient', field: r.field, email: r.mailbox.email }] },
          { title: 'Ask the group leader to make sure only councillors are present while you brief the group', edits: [] },
        ],
      });
    }
    if (outsiders.length === 0) {
      // Said in the text, by the officer or by the councillor they are replying to.
      const spans: Span[] = [ownSpan, ...ctx.layout.quoted.filter((q) => q.from && ctx.people.resolve(q.from).kind === 'councillor').map((q) => ({ start: q.bodyStart, end: q.end }))];
      const present = spans.flatMap((s) => findAll(body, PRESENT, s)).find((m) => !negatedBefore(body, m.start, Math.max(0, body.lastIndexOf('\n', m.start)), 5));
      if (present) {
        reports.push({
          messageId: 'nonCouncillorsPresent',
          severity: 'warning',
          data: { quote: present.quote },
          evidence: { field: 'body', start: present.start, end: present.end, quote: present.quote },
          suggestions: [{ title: 'Ask the group leader to make sure only councillors are present while you brief the group', edits: [] }],
        });
      }
    }

    // The same briefing offered to every group needs no reminder.
    if (!offeredToAll(body, ownSpan) && !offeredToAll(subject, { start: 0, end: subject.length })) {
      const pack = ctx.policy.council.protocol;
      const reminder: ReminderId = pack ? REMINDER[pack] : 'oneGroupBriefing';
      const cue = cues.find((c) => c.strong && c.field === 'body') ?? cues.find((c) => c.strong) ?? cues[0]!;
      const named = cues.find((c) => c.strong)?.match.quote.replace(/'s$/, '');
      const group = named ? (/^the\b/i.test(named) ? named : `the ${named}`) : parties.size === 1 ? `the ${[...parties][0]} group` : cue.match.quote.replace(/'s$/, '');
      const evidence: Evidence = { field: cue.field, start: cue.match.start, end: cue.match.end, quote: cue.match.quote };
      reports.push({
        messageId: reminder,
        severity: 'info',
        data: { group: group.replace(/\s+/g, ' ') },
        evidence,
        suggestions: [REMINDER_ADVICE[reminder], FACTS_ONLY],
      });
    }
    return reports;
  },
});
