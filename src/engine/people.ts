/**
 * People resolution: who is the sender and who are the recipients, as far as the policy
 * (or, for the embedded default, the address and display name) tells.
 */
import type { FreeMailLookup } from './free-mail.ts';
import type { CouncillorEntry, CouncillorRole, OfficerEntry, OfficerRole, PartyEntry, ResolvedPolicy } from './policy.ts';
import type { Mailbox, RecipientField } from './types.ts';
import { bareName, type PeopleIndex, peopleIndex } from './people-index.ts';

export type PersonKind = 'councillor' | 'officer' | 'external';

export interface Person {
  /** Lower-cased address. */
  email: string;
  domain: string;
  /** The display name as written, or the directory name. */
  name?: string;
  kind: PersonKind;
  /** The directory entry, when the policy lists this person. */
  councillor?: CouncillorEntry;
  officer?: OfficerEntry;
  councillorRoles: CouncillorRole[];
  officerRoles: OfficerRole[];
  /** At one of the council's domains (or, with the embedded default, gov.uk/gov.wales/gov.scot). */
  councilAddress: boolean;
  /** A free-mail/ISP address, or one the directory lists under personalEmails. */
  personalAddress: boolean;
  /** A personal address the Monitoring Officer has approved. */
  approvedPersonal: boolean;
  /** The communications team's shared address or an officer with the comms role. */
  commsTeam: boolean;
  /** At a media domain. */
  media: boolean;
  /** At a political party's domain. */
  party?: PartyEntry;
  /** The display name marks a councillor ("Cllr …", "Councillor …", "… (Councillor)"). */
  titledCouncillor: boolean;
}

export interface Recipient {
  field: RecipientField;
  mailbox: Mailbox;
  person: Person;
}

// Public-sector mail domains the embedded default treats as council accounts (contract 5).
const INFERRED_COUNCIL_DOMAIN = /(?:^|\.)gov\.(?:uk|wales|scot)$/i;
// "Cllr" or "Councillor", with an optional kind ("Ward Councillor"), but not a team or post that
// serves councillors ("Councillor Services", "Councillor Support Officer", "Councillor's PA").
const TITLE_WORD = String.raw`(?:(?:ward|borough|district|county|town|parish|city|elected)\s+)?(?:cllr\.?|councillor)(?!['’]s\b|\s+(?:support|services?|liaison|enquiries|team|pa|assistant|secretary|officer|admin\w*|office|development|allowances?|training|portal|hub)\b)`;
// "Cllr Jane Smith", "Councillor J. Smith"
const TITLE_FIRST = new RegExp(String.raw`^\s*${TITLE_WORD}\s+\S`, 'i');
// "Jane Smith Cllr", "Smith, Jane Cllr", "Jane Smith - Councillor", "Jane Smith | Ward Councillor"
const TITLE_LAST = new RegExp(String.raw`(?:^|[\s,|\u2013\u2014-])${TITLE_WORD}\s*$`, 'i');
// "Jane Smith (Cllr)", "Jane Smith (Councillor, Castle ward)", "Jane Smith (Ward Councillor)"
const TITLE_OPENS_BRACKET = new RegExp(String.raw`\(\s*${TITLE_WORD}\b`, 'i');

/**
 * The title opens the brackets that end the name: what `\(\s*TITLE\b[^)]*\)\s*$` finds, read
 * without rescanning the rest of the name from every "(" (the name ends with ")" and spaces; the
 * title opens a bracket after the ")" before that one).
 */
function titleInClosingBrackets(name: string): boolean {
  const text = name.trimEnd();
  if (!text.endsWith(')')) return false;
  const from = text.lastIndexOf(')', text.length - 2) + 1;
  return TITLE_OPENS_BRACKET.test(text.slice(from, -1));
}

function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1).toLowerCase();
}

export { bareName };

export function isTitledCouncillor(name: string | undefined): boolean {
  return !!name && (TITLE_FIRST.test(name) || titleInClosingBrackets(name) || TITLE_LAST.test(name));
}

/**
 * Resolves addresses through the policy's people index (people-index.ts, built once per
 * policy): `resolve` is a few map look-ups, whatever the size of the directory.
 * `isFreeMail` says which addresses are personal by domain (free-mail.ts: the caller's list).
 */
export class People {
  private readonly index: PeopleIndex;
  private readonly cache = new Map<string, Person>();

  constructor(
    private readonly policy: ResolvedPolicy,
    private readonly isFreeMail: FreeMailLookup,
  ) {
    this.index = peopleIndex(policy);
  }

  isCouncilDomain(domain: string): boolean {
    if (this.index.isCouncilDomain(domain)) return true;
    return this.policy.inferPeople && INFERRED_COUNCIL_DOMAIN.test(domain.toLowerCase());
  }

  partyForDomain(domain: string): PartyEntry | undefined {
    return this.index.partyForDomain(domain);
  }

  isMediaDomain(domain: string): boolean {
    return this.index.isMediaDomain(domain);
  }

  /** The directory councillor with this (display) name, if any. */
  councillorNamed(name: string): CouncillorEntry | undefined {
    return this.index.councillorsByBareName.get(bareName(name));
  }

  resolve(mailbox: Mailbox): Person {
    const email = mailbox.email.trim().toLowerCase();
    const key = `${email}\u0000${mailbox.name ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const person = this.resolveUncached(email, mailbox.name);
    this.cache.set(key, person);
    return person;
  }

  private resolveUncached(email: string, displayName: string | undefined): Person {
    const domain = emailDomain(email);
    const councilAddress = this.isCouncilDomain(domain);
    const freeMail = this.isFreeMail(domain);
    const titled = isTitledCouncillor(displayName);
    let councillor = this.index.councillorByEmail.get(email);
    const officer = councillor ? undefined : this.index.officerByEmail.get(email);
    // A councillor at an address the directory does not list: match the display name, but only
    // for addresses that are not the council's own (where an unlisted name is an officer) and
    // only where the name is titled, or the address is personal or a party's (a resident may
    // share a name; a councillor writing from the party's domain is still the councillor).
    if (!councillor && !officer && displayName && (titled || freeMail || !!this.partyForDomain(domain))) {
      councillor = this.councillorNamed(displayName);
    }
    let kind: PersonKind;
    if (councillor) kind = 'councillor';
    else if (officer) kind = 'officer';
    else if (titled) kind = 'councillor';
    else if (councilAddress) kind = 'officer';
    else kind = 'external';

    const listedPersonal = !!councillor && [...(councillor.personalEmails ?? []), ...(councillor.approvedPersonalEmails ?? [])].some((e) => e.toLowerCase() === email);
    const approvedPersonal = !!councillor && (councillor.approvedPersonalEmails ?? []).some((e) => e.toLowerCase() === email);
    const officerRoles = officer?.roles ?? [];
    return {
      email,
      domain,
      name: displayName || councillor?.name || officer?.name,
      kind,
      councillor,
      officer,
      councillorRoles: councillor?.roles ?? [],
      officerRoles,
      councilAddress: councilAddress && !listedPersonal,
      personalAddress: listedPersonal || (freeMail && !councilAddress),
      approvedPersonal,
      commsTeam: this.index.commsAddresses.has(email) || officerRoles.includes('comms'),
      media: this.isMediaDomain(domain),
      party: this.partyForDomain(domain),
      titledCouncillor: titled,
    };
  }
}
