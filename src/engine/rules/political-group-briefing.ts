/**
 * political-group-briefing: an officer briefing one political group. A reminder of what the
 * council's protocol asks in return (offer it to the other groups, or keep it from them), and a
 * warning when people who are not councillors are copied in or will be present.
 */
import type { Lexicon } from '../lexicon/compile.ts';
import type { Recipient } from '../people.ts';
import { defineRule, type RuleReport } from '../rule.ts';
import type { TextModel } from '../text-model/model.ts';
import type { Evidence, PackId, Suggestion } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'offerToOtherGroups' | 'notifyAllCouncillors' | 'keepFromOtherGroups' | 'sameForOtherGroups' | 'oneGroupBriefing' | 'nonCouncillorsCopied' | 'nonCouncillorsPresent';

// ---- helpers: recognising a political group (vocabulary: lexicon/data/groups.json) ----

interface GroupCue {
  field: 'body' | 'subject';
  start: number;
  end: number;
  quote: string;
  /** A group named as political (by its party or as "the political group"), not only "your group". */
  strong: boolean;
}

function cuesIn(model: TextModel, lexicon: Lexicon, field: GroupCue['field']): GroupCue[] {
  const cues: GroupCue[] = [];
  for (const [id, strong] of [['groups.party-group', true], ['groups.political-group', true], ['groups.your-group', false]] as const) {
    for (const h of lexicon.hits(model, id)) cues.push({ field, start: h.start, end: h.end, quote: model.text.slice(h.start, h.end), strong });
  }
  return cues.sort((a, b) => a.start - b.start);
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

export default defineRule<MessageId>({
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
      nonCouncillorsPresent: 'People who are not councillors are expected at this group briefing (“{quote}”). Officers brief only councillors: ask the group to make sure only councillors are present, or leave.',
    },
    fixable: true,
  },
  check(ctx): RuleReport<MessageId>[] {
    // An officer briefing: a councillor writing about their own group is party business (officer-party-work).
    if (ctx.sender?.kind !== 'officer') return [];
    const councillors = ctx.recipients.filter((r) => r.person.kind === 'councillor');
    if (councillors.length === 0) return [];
    // One group: the councillors copied all belong to one party, as far as the directory says.
    const parties = new Set(councillors.map((r) => r.person.councillor?.party).filter((p): p is string => !!p));
    if (parties.size > 1) return [];

    const { lexicon, text, subjectText } = ctx;
    const cues = [...cuesIn(text, lexicon, 'body'), ...cuesIn(subjectText, lexicon, 'subject')];
    if (cues.length === 0) return [];
    if (lexicon.hits(text, 'groups.briefing').length === 0 && lexicon.hits(subjectText, 'groups.briefing').length === 0) return [];

    const reports: RuleReport<MessageId>[] = [];
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
      const councillorQuotes = ctx.layout.quoted.filter((q) => q.from && ctx.people.resolve(q.from).kind === 'councillor');
      const present = lexicon
        .hits(text, 'groups.outsiders-present')
        .find((h) => text.regionOf[h.first] === 'own' || councillorQuotes.some((q) => h.start >= q.bodyStart && h.start < q.end));
      if (present) {
        const quote = text.text.slice(present.start, present.end);
        reports.push({
          messageId: 'nonCouncillorsPresent',
          severity: 'warning',
          data: { quote },
          evidence: { field: 'body', start: present.start, end: present.end, quote },
          suggestions: [{ title: 'Ask the group leader to make sure only councillors are present while you brief the group', edits: [] }],
        });
      }
    }

    // The same briefing offered to every group needs no reminder.
    if (lexicon.hits(text, 'groups.every-group').length === 0 && lexicon.hits(subjectText, 'groups.every-group').length === 0) {
      const pack = ctx.policy.council.protocol;
      const reminder: ReminderId = pack ? REMINDER[pack] : 'oneGroupBriefing';
      const cue = cues.find((c) => c.strong && c.field === 'body') ?? cues.find((c) => c.strong) ?? cues[0]!;
      const named = cues.find((c) => c.strong)?.quote;
      const group = named ? (/^the\b/i.test(named) ? named : `the ${named}`) : parties.size === 1 ? `the ${[...parties][0]} group` : cue.quote;
      const evidence: Evidence = { field: cue.field, start: cue.start, end: cue.end, quote: cue.quote };
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
