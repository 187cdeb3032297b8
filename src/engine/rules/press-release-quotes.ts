/**
 * press-release-quotes: outside a pre-election period, a council press release that quotes a
 * councillor who holds none of the offices the council's protocol allows, names a quoted
 * councillor's party, or goes to the media without passing through the communications team.
 */
import { findAttributions } from '../analysis/attribution.ts';
import { describeCouncillor } from '../analysis/councillor-references.ts';
import { concernsElection, electionTiming } from '../analysis/election-scope.ts';
import { publicationDate } from '../analysis/embargo.ts';
import { findPartyLabels } from '../analysis/party-labels.ts';
import { isElectionAdministration } from '../analysis/party-politics.ts';
import { assessPublicity } from '../analysis/publicity-kind.ts';
import type { CouncillorRole } from '../policy.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Edit, PackId } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'unapprovedSpeaker' | 'ceremonialOnly' | 'partyLabel' | 'notThroughComms';

// ---- Helpers ----

/**
 * The offices whose holders a council press release may quote, per pack:
 * crawley 8.4 (Cabinet Members and the Mayor; the Leader and Deputy Leader sit in Cabinet);
 * surrey-heath 7.6 (the Leader, a Portfolio Holder, a committee Chairman or Vice-Chairman, the
 * Mayor or Deputy Mayor about ceremonial events); district-model 12.3 and 13.2.3 (the Leader,
 * Deputy Leader, Executive Members and Chairs). With no pack, or a pack with no such paragraph,
 * any office that some pack allows.
 */
const ALLOWED_SPEAKERS: Partial<Record<PackId, readonly CouncillorRole[]>> = {
  crawley: ['leader', 'deputy-leader', 'cabinet', 'mayor'],
  'surrey-heath': ['leader', 'deputy-leader', 'cabinet', 'chair', 'vice-chair', 'mayor', 'deputy-mayor'],
  'district-model': ['leader', 'deputy-leader', 'cabinet', 'chair'],
};
const ANY_PACK: readonly CouncillorRole[] = ['leader', 'deputy-leader', 'cabinet', 'chair', 'vice-chair', 'mayor', 'deputy-mayor'];
// surrey-heath 7.6: the Mayor and Deputy Mayor are quoted about ceremonial events only.
const CEREMONIAL_ONLY: Partial<Record<PackId, readonly CouncillorRole[]>> = { 'surrey-heath': ['mayor', 'deputy-mayor'] };
// Civic and ceremonial occasions: the lexicon's publicity.ceremonial, in the subject or the writer's words.
function ceremonial(ctx: RuleContext): boolean {
  return ctx.lexicon.hits(ctx.subjectText, 'publicity.ceremonial').length > 0 || ctx.lexicon.hits(ctx.text, 'publicity.ceremonial').length > 0;
}

const ROLE_WORDS: Record<CouncillorRole, string> = {
  leader: 'the Leader',
  'deputy-leader': 'the Deputy Leader',
  cabinet: 'a cabinet member',
  chair: 'a committee chair',
  'vice-chair': 'a committee vice-chair',
  mayor: 'the Mayor',
  'deputy-mayor': 'the Deputy Mayor',
  'group-leader': 'a group leader',
  'opposition-leader': 'the opposition leader',
};

function allowedList(roles: readonly CouncillorRole[]): string {
  const words = [...new Set(roles.map((r) => ROLE_WORDS[r]))];
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? '');
}

export default defineRule<MessageId>({
  meta: {
    id: 'press-release-quotes',
    description: 'A council press release that quotes a councillor the protocol does not allow, names a quoted councillor’s party, or bypasses the communications team.',
    defaultSeverity: 'warning',
    citations: {
      crawley: [
        { paragraph: '8.1', summary: 'The Communications Team issues press releases, and all council communications stay free of party politics.' },
        { paragraph: '8.4', summary: 'As a rule only Cabinet Members and the Mayor are quoted in council press releases.' },
      ],
      'surrey-heath': [
        {
          paragraph: '7.6',
          summary: 'Council releases may quote the Leader, a portfolio holder, a committee chairman or vice-chairman, or the Mayor or Deputy Mayor on ceremonial matters, and never give a member’s party.',
        },
      ],
      'district-model': [
        { paragraph: '12.3', summary: 'The Council’s media spokespeople are the Leader, the Deputy Leader, Executive Members and committee Chairs, and its releases go out through the Communications Team (two paragraphs carry this number).' },
        { paragraph: '12.5(b)', summary: 'A member wanting a non-party release issued asks the Communications Team for help.' },
        { paragraph: '13.2.3', summary: 'Only the Leader, the Deputy Leader, Executive Members and committee Chairs speak to the media for the Council.' },
      ],
    },
    messages: {
      unapprovedSpeaker: 'This {kind} quotes {councillor}, who is not {allowed}: the protocol limits council press releases to quotes from those office holders.',
      ceremonialOnly: 'This {kind} quotes {councillor} as Mayor, but the protocol allows the Mayor to be quoted only about ceremonial events.',
      partyLabel: 'This {kind} names a councillor’s party (“{label}”). Council press releases do not give party affiliations.',
      notThroughComms: 'This {kind} goes to the media straight from {sender}, not through the communications team.',
    },
    fixable: true,
  },

  check(ctx) {
    const publicity = assessPublicity(ctx);
    if (!publicity.isPublicity || publicity.kind === 'newsletter') return [];
    // In (not approaching) a pre-election period, pre-election-publicity takes over.
    const timing = electionTiming(ctx.policy, publicationDate(ctx).isoDate, (e) => concernsElection(ctx, e));
    if (timing?.status === 'in-period') return [];

    const kind = publicity.kind ?? 'press release';
    const pack = ctx.policy.council.protocol;
    const allowed = (pack && ALLOWED_SPEAKERS[pack]) || ANY_PACK;
    const ceremonialOnly = (pack && CEREMONIAL_ONLY[pack]) || [];
    const spokesperson = ctx.policy.communications.spokesperson;
    const reports: RuleReport<MessageId>[] = [];

    for (const a of findAttributions(ctx)) {
      // Roles come from the directory: a councillor it does not list (or the embedded default) cannot be judged.
      const entry = a.councillor.entry;
      if (!entry) continue;
      const roles = entry.roles ?? [];
      const councillor = describeCouncillor(a.councillor, a.speaker);
      const giveToSpokesperson = { title: `Give the quote to ${spokesperson} instead of ${councillor}`, edits: [{ kind: 'replaceText' as const, field: 'body' as const, start: a.start, end: a.end, text: a.replacement }] };
      const permitted = roles.filter((r) => allowed.includes(r));
      if (permitted.length === 0) {
        // crawley 8.4; surrey-heath 7.6; district-model 12.3: quotes only from the named offices.
        reports.push({
          messageId: 'unapprovedSpeaker',
          data: { kind, councillor, allowed: allowedList(allowed) },
          evidence: { field: 'body', start: a.start, end: a.end, quote: a.quote },
          suggestions: [giveToSpokesperson, { title: `Ask the communications team to quote ${allowedList(allowed)} instead`, edits: [] }],
        });
      } else if (permitted.every((r) => ceremonialOnly.includes(r)) && !ceremonial(ctx)) {
        // surrey-heath 7.6: the Mayor or Deputy Mayor about ceremonial events only.
        reports.push({
          messageId: 'ceremonialOnly',
          data: { kind, councillor },
          evidence: { field: 'body', start: a.start, end: a.end, quote: a.quote },
          suggestions: [giveToSpokesperson, { title: 'Ask the communications team to quote the relevant portfolio holder instead', edits: [] }],
        });
      }
    }

    // surrey-heath 7.6; crawley 8.1: no party affiliation for a member in council releases. A
    // release crediting the administration's party is party content (letterhead-for-party-matters).
    // A statutory election notice (persons nominated, declaration of results) must print each
    // candidate's party description: not a label the council gives a councillor.
    const statutoryNotice = isElectionAdministration(ctx) && ctx.lexicon.hits(ctx.text, 'election-admin.statutory-notice').length + ctx.lexicon.hits(ctx.subjectText, 'election-admin.statutory-notice').length > 0;
    for (const label of statutoryNotice ? [] : findPartyLabels(ctx).filter((l) => l.of === 'councillor')) {
      reports.push({
        messageId: 'partyLabel',
        data: { kind, label: label.quote.trim() },
        evidence: { field: 'body', start: label.start, end: label.end, quote: label.quote },
        suggestions: [{ title: `Remove the party label “${label.quote.trim()}”`, edits: [{ kind: 'replaceText', field: 'body', start: label.removal.start, end: label.removal.end, text: label.removal.text }] }],
      });
    }

    // crawley 8.1; district-model 12.3: releases are issued by the communications team. An officer
    // outside the team sending one straight to the media bypasses it.
    const sender = ctx.sender;
    const toOutside = publicity.mediaRecipients.length > 0 || ctx.recipients.some((r) => r.person.kind === 'external');
    if (sender?.kind === 'officer' && !publicity.throughComms && toOutside && publicity.kind !== 'media reply') {
      const team = ctx.policy.communications.teamAddresses[0];
      const suggestions: RuleReport['suggestions'] = [];
      if (team) {
        // Send it to the team instead of the media: the team issues it.
        const outside = ctx.recipients.filter((r) => r.person.media || r.person.kind === 'external');
        const edits: Edit[] = outside.map((r, i) =>
          i === 0 ? { kind: 'replaceRecipient', field: r.field, from: r.mailbox.email, to: { name: 'Communications team', email: team } } : { kind: 'removeRecipient', field: r.field, email: r.mailbox.email },
        );
        suggestions.push({ title: `Send it to the communications team (${team}) to issue, instead of straight to the media`, edits });
      }
      suggestions.push({ title: 'Send the release through the communications team', edits: [] });
      reports.push({
        messageId: 'notThroughComms',
        data: { kind, sender: sender.name ?? sender.email },
        evidence: { field: 'from', recipient: sender.email },
        suggestions,
      });
    }
    return reports;
  },
});
