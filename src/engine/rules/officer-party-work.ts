/**
 * officer-party-work: a councillor asking an officer to help with party-political or campaign
 * work, or inviting an officer to a party group meeting other than by the route the council's
 * protocol names.
 */
import { findPartyWork } from '../analysis/party-work.ts';
import { isDirectorLevel, type Standing, standingOf } from '../analysis/seniority.ts';
import type { CouncillorRole } from '../policy.ts';
import type { Recipient } from '../people.ts';
import { peopleIndex } from '../people-index.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { PackId, Suggestion } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'campaign' | 'groupMeeting';

// ---- helpers ----

interface Route {
  /** May this sender ask, to these addressees? */
  allows(senderRoles: readonly CouncillorRole[], to: readonly Standing[]): boolean;
  /** The route in words, for the message. */
  words: string;
  /** The officer standing a fix may re-address the invitation to, when the directory names one. */
  fixTo?: Standing[];
}

const hasAny = <T>(list: readonly T[], wanted: readonly T[]) => list.some((x) => wanted.includes(x));

// The route each protocol names for inviting officers to a party group meeting.
const ROUTES: Record<PackId, Route> = {
  // surrey-heath 6.8: through the Chief Executive or Monitoring Officer.
  'surrey-heath': { allows: (_r, to) => hasAny(to, ['chief-executive', 'monitoring-officer']), words: 'through the Chief Executive or the Monitoring Officer', fixTo: ['chief-executive', 'monitoring-officer'] },
  // tower-hamlets 7.4(i): only to the appropriate Corporate Leadership Team member.
  'tower-hamlets': { allows: (_r, to) => to.some(isDirectorLevel), words: 'to the appropriate member of the Corporate Leadership Team' },
  // structural: the policy's role ids. district-model §6 third paragraph: via a Group Leader, Cabinet Member or Chair, to the relevant Senior Officer.
  'district-model': {
    allows: (r, to) => hasAny(r, ['group-leader', 'leader', 'opposition-leader', 'deputy-leader', 'cabinet', 'chair']) && to.some(isDirectorLevel),
    words: 'by a Group Leader, Cabinet Member or Chair, to the relevant Senior Officer',
  },
  // crawley 6.2: the Leader or the Opposition Group Leader, to the Chief Executive, Deputy Chief Executive or a Head of Service.
  crawley: {
    allows: (r, to) => hasAny(r, ['leader', 'opposition-leader']) && hasAny(to, ['chief-executive', 'senior']),
    words: 'by the Leader or the Opposition Group Leader, to the Chief Executive, Deputy Chief Executive or a Head of Service',
  },
  // town-council §3 (political groups): a group may invite the clerk.
  'town-council': { allows: (_r, to) => hasAny(to, ['clerk', 'chief-executive']), words: 'as an invitation to the clerk', fixTo: ['clerk', 'chief-executive'] },
};

function routeFor(ctx: RuleContext): Route {
  const pack = ctx.policy.council.protocol;
  if (pack) return ROUTES[pack];
  // No pack: any protocol's route will do (the embedded default cites them all).
  return {
    allows: (r, to) => Object.values(ROUTES).some((route) => route.allows(r, to)),
    words: 'through the Chief Executive, the Monitoring Officer or the senior officer your protocol names',
  };
}

/** A directory officer with the standing the route needs, to re-address the invitation. */
function routeOfficer(ctx: RuleContext, route: Route) {
  for (const standing of route.fixTo ?? []) {
    // A directory officer's standing comes from their roles, or for a clerk from the title in their name.
    const roled = standing === 'chief-executive' || standing === 'monitoring-officer';
    const candidates = roled ? (peopleIndex(ctx.policy).officersByRole.get(standing) ?? []) : ctx.policy.officers;
    const o = candidates.find((x) => standingOf(ctx, ctx.people.resolve({ name: x.name, email: x.email })) === standing);
    if (o) return { officer: o, standing };
  }
  return undefined;
}

const STANDING_WORDS: Partial<Record<Standing, string>> = { 'chief-executive': 'Chief Executive', 'monitoring-officer': 'Monitoring Officer', clerk: 'Clerk' };

export default defineRule<MessageId>({
  meta: {
    id: 'officer-party-work',
    description: 'A councillor asks an officer to help with party or campaign work, or invites an officer to a party group meeting outside the route the protocol sets.',
    defaultSeverity: 'error',
    citations: {
      'district-model': [
        { paragraph: '1.4', summary: 'The LGA guidance quoted there says councillors must not ask officers for party-political work.' },
        { paragraph: '2.3(ii)', summary: 'Members must not ask Officers for work that helps a political party or makes them look partisan.' },
        { paragraph: '§6, third paragraph', section: 'Officer Advice to Party Groups (unnumbered; 6.3 by position)', summary: 'Requests for officers’ advice or attendance come through Group Leaders, Cabinet Members or committee Chairs, to the relevant Senior Officer.' },
        { paragraph: '6.4(i)', summary: 'Officers advise party groups only on Council business, never on party business.' },
        { paragraph: '7.2', summary: 'Council support services are for Council business, never for campaigning.' },
      ],
      'tower-hamlets': [
        { paragraph: '9.2', section: '§9 Support for Members (printed "~~9.28.3~~")', summary: 'Members must not ask officers for help with personal, business or party-political matters.' },
        { paragraph: '7.4(i)', section: '§7 Officer advice to party groups', summary: 'Officer attendance at a political group is requested only from the appropriate Corporate Leadership Team member.' },
        { paragraph: '7.4(iii)', section: '§7 Officer advice to party groups', summary: 'Officer support to groups is limited to facts and options on Council business, with no political content.' },
      ],
      'surrey-heath': [
        { paragraph: '6.8', summary: 'Invitations for officers to attend a party group go through the Chief Executive or Monitoring Officer, and cannot be insisted on.' },
        { paragraph: '6.9', summary: 'Officers give information on Council business only and take no part in party business.' },
      ],
      crawley: [
        { paragraph: '2.6', summary: 'Councillors must not compromise officers’ political impartiality.' },
        { paragraph: '6.2', section: '6.2 Political Groups', summary: 'Group briefings are requested by the Leader or Opposition Group Leader from the Chief Executive, Deputy Chief Executive or a Head of Service, and officers serve the whole Council.' },
      ],
      'town-council': [
        { paragraph: '2.5(ii)', summary: 'There are limits on asking officers for advice on party-political issues.' },
        { paragraph: 'Political groups', section: 'unnumbered section after 2.6 (§3 in the original)', summary: 'A political group may ask the clerk to a meeting, where advice is confined to facts about council matters.' },
      ],
    },
    messages: {
      campaign: 'This asks an officer to help with party or campaign work (“{quote}”). Officers cannot help with campaign material or party business.',
      groupMeeting: 'This invites {officers} to a party group meeting directly. Ask {route}.',
    },
    fixable: true,
  },

  check(ctx) {
    if (ctx.sender?.kind !== 'councillor') return [];
    const officers = ctx.recipients.filter((r) => r.person.kind === 'officer');
    if (officers.length === 0) return [];
    const reports: RuleReport<MessageId>[] = [];
    for (const hit of findPartyWork(ctx)) {
      if (hit.kind === 'campaign') {
        // district-model 2.3(ii), tower-hamlets 9.2, surrey-heath 6.9: no officer help with party work, whoever is asked.
        reports.push({
          messageId: 'campaign',
          data: { quote: hit.quote },
          evidence: { field: 'body', start: hit.start, end: hit.end, quote: hit.quote },
          suggestions: [{ title: 'Use published figures, and ask your party, not council officers, to check campaign material', edits: [] }],
        });
        continue;
      }
      const route = routeFor(ctx);
      const to: Recipient[] = ctx.recipients.filter((r) => r.field === 'to' && r.person.kind === 'officer');
      const addressees = to.length ? to : officers;
      const standings = addressees.map((r) => standingOf(ctx, r.person));
      if (route.allows(ctx.sender.councillorRoles, standings)) continue;
      const suggestions: Suggestion[] = [];
      const target = routeOfficer(ctx, route);
      if (target && addressees.length === 1 && addressees[0]!.field === 'to') {
        const from = addressees[0]!;
        const role = STANDING_WORDS[target.standing] ?? 'the right officer';
        suggestions.push({
          title: `Send the invitation to ${target.officer.name} (${role}) instead of ${from.mailbox.name ?? from.person.email}`,
          edits: [{ kind: 'replaceRecipient', field: 'to', from: from.person.email, to: { name: target.officer.name, email: target.officer.email } }],
        });
      }
      suggestions.push({ title: `Make the request ${route.words}`, edits: [] });
      reports.push({
        messageId: 'groupMeeting',
        data: { officers: addressees.map((r) => r.mailbox.name ?? r.person.email).join(', '), route: route.words },
        evidence: { field: 'body', start: hit.start, end: hit.end, quote: hit.quote },
        suggestions,
      });
    }
    return reports;
  },
});
