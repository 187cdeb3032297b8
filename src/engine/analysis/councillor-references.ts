/**
 * Does a phrase (a speaker, or a sentence) refer to a councillor, and which one?
 *
 * A phrase shows a councillor by title ("Cllr", "Councillor"), by an office only councillors hold
 * ("Cabinet Member for …", "the Mayor"), or by the directory's names; officers' job titles alone
 * never make one. Shared by the attribution and praise readers.
 */
import type { CouncillorEntry, CouncillorRole, ResolvedPolicy } from '../policy.ts';
import { peopleIndex } from '../people-index.ts';

export interface CouncillorReference {
  /** The person's name as written, when the phrase gives one ("Margaret Ellison", "Ellison"). */
  name?: string;
  /** The directory entry, when the name or a unique office identifies one. */
  entry?: CouncillorEntry;
  /** Offices the phrase itself states ("Cabinet Member for Housing" → cabinet). */
  statedRoles: CouncillorRole[];
  /** How the phrase shows a councillor: by title, office, directory name or as a candidate. */
  by: 'title' | 'office' | 'directory' | 'candidate';
  /** Where in the phrase the reference starts (the title, the name or the office). */
  at: number;
}

export const TITLED_NAME = /\b(?:Cllrs?\.?|[Cc]ouncillors?)\s+((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})/;
// A social media handle that is a councillor's title and name run together: "@CllrMartinClegg", "@Cllr_JoHart".
const COUNCILLOR_HANDLE = /@(?:Cllr|Councillor)_?((?:[A-Z][a-z'-]+){1,3})\b/;

/** A councillor's handle read as a titled name ("@CllrMartinClegg" → "Martin Clegg"), shaped as TITLED_NAME's match. */
function handleName(phrase: string): { 0: string; 1: string; index: number } | null {
  const m = COUNCILLOR_HANDLE.exec(phrase);
  return m ? { 0: m[0], 1: m[1]!.replace(/(?<=[a-z])(?=[A-Z])/g, ' '), index: m.index } : null;
}
// Offices only councillors hold (PRODUCT.md councillor roles), as releases write them. A run of
// spaces is read whole (`\s+(?!\s)`) and the free words before the office's noun are at most 40
// characters, so that no pattern backtracks over a long run of spaces.
export const OFFICES: { role: CouncillorRole; re: RegExp }[] = [
  { role: 'opposition-leader', re: /\bLeader\s+of\s+the\s+Opposition\b|\bOpposition\s+(?:Group\s+)?Leader\b/i },
  { role: 'group-leader', re: /\bLeader\s+of\s+the\s+(?:(?!\s)[\w\s'-]{1,40}?|(?<=\s\s))Group\b|\bGroup\s+Leader\b/i },
  { role: 'deputy-leader', re: /\bDeputy\s+Leader\b(?!\s+of\s+the\s+[\w\s'-]{1,40}?Group)/i },
  { role: 'leader', re: /\b(?<!Deputy\s)Leader\s+of\s+(?!\s)(?:the\s+(?!\s))?(?:[\w\s-]{1,41}(?<=\s))?(?:Council|Authority|Administration)\b|\bCouncil\s+Leader\b|^(?:the\s+)?Leader$/i },
  { role: 'cabinet', re: /\b(?:Cabinet|Executive|Lead)\s+(?:Member|Councillor|Lead)\b|\bPortfolio\s+Holder\b/i },
  { role: 'vice-chair', re: /\bVice[- ]?Chair(?:man|woman|person)?\b/i },
  { role: 'chair', re: /\b(?<!Vice[- ]?)Chair(?:man|woman|person)?(?:\s+of\s+(?!\s)(?:the\s+(?!\s))?[\w\s&'-]{0,40}?|,\s+)(?:Committee|Board|Panel|Council|Sub-Committee|Cabinet)\b|\b(?:Committee|Planning|Licensing|Scrutiny)\s+Chair(?:man|woman)?\b/i },
  { role: 'deputy-mayor', re: /\bDeputy\s+(?:Lord\s+)?Mayor\b/i },
  { role: 'mayor', re: /\b(?<!Deputy\s)(?:Lord\s+)?Mayor\b(?!'s)/i },
];
export const WARD_MEMBER = /\bward\s+(?:councillors?|members?)\b/i;
const CANDIDATE = /\bcandidates?\b/i;

/**
 * @summary Whether a phrase (a speaker, or a sentence) refers to a councillor, and which.
 * @example councillorIn('The Leader of the Council, Cllr Margaret Ellison,', policy)
 *   // { name: 'Margaret Ellison', statedRoles: ['leader'], by: 'title', entry: … }
 */
export function councillorIn(phrase: string, policy: ResolvedPolicy): CouncillorReference | undefined {
  const index = peopleIndex(policy);
  // Offices the phrase states, with where the first one starts.
  const lead = phrase.length - phrase.trimStart().length;
  const offices = OFFICES.map((o) => ({ role: o.role, match: o.re.exec(phrase.trim()) })).filter((o) => o.match);
  const statedRoles = offices.map((o) => o.role);
  const officeAt = Math.min(...offices.map((o) => o.match!.index + lead));
  const titled = TITLED_NAME.exec(phrase) ?? handleName(phrase);
  let name = titled?.[1];
  let entry: CouncillorEntry | undefined;
  if (name) {
    entry = index.councillorsByFullName.get(name.toLowerCase()) ?? (name.includes(' ') ? undefined : index.councillorsBySurname.get(name.toLowerCase()) ?? undefined);
    if (!entry && name.includes(' ')) entry = index.councillorsBySurname.get(name.split(/\s+/).pop()!.toLowerCase()) ?? undefined;
  }
  let by: CouncillorReference['by'] | undefined = titled ? 'title' : undefined;
  let at = titled?.index ?? -1;
  if (!entry) {
    // The directory's full names, looked up by the phrase's words (people-index.ts).
    const m = index.councillorNames.first(phrase);
    if (m) {
      entry = index.councillorsByFullName.get(m.phrase.toLowerCase());
      name ??= phrase.slice(m.start, m.end);
      by ??= 'directory';
      if (at < 0) at = m.start;
    }
  }
  if (!by && statedRoles.length) by = 'office';
  if (!by && WARD_MEMBER.test(phrase)) {
    by = 'office';
    at = WARD_MEMBER.exec(phrase)!.index;
  }
  if (!by && CANDIDATE.test(phrase)) {
    by = 'candidate';
    at = CANDIDATE.exec(phrase)!.index;
  }
  if (!by) return undefined;
  // The reference starts at its earliest form: "our Cabinet Member for Housing, Cllr Fiona Garside".
  if (at < 0 || officeAt < at) at = officeAt;
  // An office with no name: the directory's only holder of it ("the Mayor").
  if (!entry && !name) {
    for (const r of statedRoles) {
      const holder = index.councillorsByRole.get(r);
      if (holder) {
        entry = holder;
        break;
      }
    }
  }
  return { ...(name ? { name } : {}), ...(entry ? { entry } : {}), statedRoles, by, at: Math.max(0, at) };
}

/** The label to show for a councillor reference: "Cllr Margaret Ellison", "the Mayor". */
export function describeCouncillor(ref: CouncillorReference, phrase: string): string {
  if (ref.entry) return `Cllr ${ref.entry.name}`;
  if (ref.name) return `Cllr ${ref.name}`;
  return phrase.trim().replace(/^[,\s]+/, '').replace(/(?<![,:\s])[,:\s]+$/, '');
}

/** Whether a phrase is a councillor's name alone, titled ("Cllr Jane Doe", "the Leader Cllr Jane Doe") or from the directory. */
export function isCouncillorName(phrase: string, policy: ResolvedPolicy): boolean {
  const titled = TITLED_NAME.exec(phrase);
  if (titled && titled.index + titled[0].length === phrase.length) {
    const prefix = phrase.slice(0, titled.index).trim();
    return !prefix || /^the$/i.test(prefix) || OFFICES.some((o) => o.re.test(prefix));
  }
  const m = peopleIndex(policy).councillorNames.first(phrase);
  return !!m && m.start === 0 && m.end === phrase.length;
}
