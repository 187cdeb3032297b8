/**
 * personal-email: council business belongs on council email. Flags an officer writing to a
 * councillor's personal address, a councillor doing council business from a personal account,
 * council business sent to another councillor's personal address, and an officer sending
 * council material to a personal mailbox (their own, or a colleague's). Addresses the
 * Monitoring Officer has approved are allowed both ways; party-political or private content
 * from a personal account is not council business and is left alone.
 */
import type { Person, Recipient } from '../people.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import { bareName } from '../people.ts';
import { peopleIndex } from '../people-index.ts';
import type { Suggestion } from '../types.ts';
import { classifyContent, isOwnMailbox, samePerson, titledName } from '../analysis/recipients.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'officerToPersonal' | 'toPersonal' | 'fromPersonal' | 'officerDataToPersonal';

// ---- Helpers ----

const FIELD_LABEL = { to: 'To', cc: 'Cc', bcc: 'Bcc' } as const;

/** A personal address in the protocols' sense: free-mail/ISP or listed, not approved, not a party's. */
function isUnapprovedPersonal(person: Person): boolean {
  return person.personalAddress && !person.approvedPersonal && !person.party && !person.councilAddress;
}

/** The council address to use instead, when the directory knows it. */
function councilAddressFor(person: Person): { name: string; email: string } | undefined {
  const entry = person.councillor;
  if (!entry || !entry.email || entry.email.toLowerCase() === person.email) return undefined;
  return { name: `Cllr ${entry.name}`, email: entry.email };
}

function useCouncilAddress(r: Recipient): Suggestion {
  const name = titledName(r.person);
  const council = councilAddressFor(r.person);
  if (council) {
    return {
      title: `Send to ${name}’s council address (${council.email}) instead`,
      edits: [{ kind: 'replaceRecipient', field: r.field, from: r.mailbox.email, to: council }],
    };
  }
  return { title: `Use ${name}’s council email address instead of ${r.mailbox.email}`, edits: [] };
}

/** A directory officer whose name is on this personal mailbox (a colleague's home account). */
function officerNamed(ctx: RuleContext, r: Recipient): boolean {
  if (!r.mailbox.name) return false;
  return peopleIndex(ctx.policy).officerBareNames.has(bareName(r.mailbox.name));
}

// ---- The rule ----

export default defineRule<MessageId>({
  meta: {
    id: 'personal-email',
    description: 'Council business sent to or from a personal email account instead of a council one.',
    defaultSeverity: 'warning',
    citations: {
      'town-council': [
        {
          paragraph: '2.6',
          section: 'Housekeeping',
          summary: 'Each councillor gets a council email account for council work only, and officers may not send council data to councillors’ private addresses.',
        },
      ],
      'tower-hamlets': [
        {
          paragraph: '9.5',
          section: '9 Support for Members and Members’ Use of Council Facilities: Council Facilities',
          summary: 'Council IT, email included, is for genuine council purposes; officers write to members at their council addresses unless the Monitoring Officer has agreed another.',
        },
      ],
    },
    messages: {
      officerToPersonal: '{name} is addressed at a personal email address ({email}). Officers write to councillors at their council address.',
      toPersonal: '{name} is addressed at a personal email address ({email}). Council business goes to councillors’ council addresses.',
      fromPersonal: 'This is council business sent from a personal email account ({email}). Council business belongs on your council account.',
      officerDataToPersonal: 'This sends council material to a personal mailbox ({email}). Council data stays on council systems.',
    },
    fixable: true,
  },

  check(ctx) {
    const reports: RuleReport<MessageId>[] = [];
    const sender = ctx.sender;
    const officer = sender?.kind === 'officer';
    // Party-political or private content is not council business (PRODUCT.md, "Personal address").
    // An officer's email to a councillor is council business by definition.
    const councilBusiness = () => !classifyContent(ctx).notCouncilBusiness;

    for (const r of ctx.recipients) {
      const person = r.person;
      if (sender && person.email === sender.email) continue;
      if (!isUnapprovedPersonal(person)) continue;
      if (person.kind === 'councillor') {
        // A service writing back to a councillor about their own private affairs (their council
        // tax account), at the address they wrote from, deals with them as a resident.
        if (officer && classifyContent(ctx).reason !== 'private') {
          // town-council 2.6; tower-hamlets 9.5: officers use councillors' council addresses.
          reports.push({
            messageId: 'officerToPersonal',
            severity: 'error',
            data: { name: titledName(person), email: r.mailbox.email },
            evidence: { field: r.field, recipient: r.mailbox.email },
            suggestions: [useCouncilAddress(r)],
          });
        } else if (sender?.kind === 'councillor' && councilBusiness()) {
          // tower-hamlets 9.5: council business on council IT, whoever sends it.
          reports.push({
            messageId: 'toPersonal',
            severity: 'warning',
            data: { name: titledName(person), email: r.mailbox.email },
            evidence: { field: r.field, recipient: r.mailbox.email },
            suggestions: [useCouncilAddress(r)],
          });
        }
        continue;
      }
      // An officer sending council material home: their own personal mailbox, or a colleague's.
      // A resident's free-mail address is an ordinary external recipient, not this rule.
      if (officer && sender && (isOwnMailbox(sender, r.mailbox) || officerNamed(ctx, r))) {
        reports.push({
          messageId: 'officerDataToPersonal',
          severity: 'warning',
          data: { email: r.mailbox.email },
          evidence: { field: r.field, recipient: r.mailbox.email },
          suggestions: [
            { title: `Remove ${r.mailbox.email} from ${FIELD_LABEL[r.field]}`, edits: [{ kind: 'removeRecipient', field: r.field, email: r.mailbox.email }] },
            { title: 'Work on it through your council account or remote access instead', edits: [] },
          ],
        });
      }
    }

    // A councillor writing on council business from a personal account (town-council 2.6).
    // Mail to their own council account moves material onto council systems: not a breach.
    const others = sender ? ctx.recipients.filter((r) => !samePerson(r.person, sender)) : [];
    if (sender?.kind === 'councillor' && isUnapprovedPersonal(sender) && others.length > 0 && councilBusiness()) {
      reports.push({
        messageId: 'fromPersonal',
        severity: 'warning',
        data: { email: sender.email },
        evidence: { field: 'from', recipient: sender.email },
        suggestions: [{ title: `${ctx.draft.publicity ? 'Publish' : 'Send'} this from your council account${sender.councillor?.email ? ` (${sender.councillor.email})` : ''}`, edits: [] }],
      });
    }
    return reports;
  },
});
