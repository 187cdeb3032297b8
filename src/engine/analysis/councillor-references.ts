/**
 * Does a phrase (a speaker, or a sentence) refer to a councillor, and which one?
 *
 * A phrase shows a councillor by title ("Cllr", "Councillor"), by an office only councillors hold
 * ("Cabinet Member for …", "the Mayor"), or by the directory's names; officers' job titles alone
 * never make one. Shared by the attribution and praise readers.
 */
import type { CouncillorEntry, CouncillorRole, ResolvedPolicy } from '../policy.ts';
import { escapeRegExp } from '../text.ts';

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

export const TITLED_NAME = /\b(?:Cllr\.?|Councillor|councillor|Cllrs\.?)\s+((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})/;
// Offices only councillors hold (PRODUCT.md councillor roles), as releases write them.
export const OFFICES: { role: CouncillorRole; re: RegExp }[] = [
  { role: 'opposition-leader', re: /\bLeader\s+of\s+the\s+Opposition\b|\bOpposition\s+(?:Group\s+)?Leader\b/i },
  { role: 'group-leader', re: /\bLeader\s+of\s+the\s+[\w\s'-]{1,40}?Group\b|\bGroup\s+Leader\b/i },
  { role: 'deputy-leader', re: /\bDeputy\s+Leader\b(?!\s+of\s+the\s+[\w\s'-]{1,40}?Group)/i },
  { role: 'leader', re: /\b(?<!Deputy\s)Leader\s+of\s+(?:the\s+)?(?:[\w\s-]{0,40}\s)?(?:Council|Authority|Administration)\b|\bCouncil\s+Leader\b|^(?:the\s+)?Leader$/i },
  { role: 'cabinet', re: /\b(?:Cabinet|Executive|Lead)\s+(?:Member|Councillor|Lead)\b|\bPortfolio\s+Holder\b/i },
  { role: 'vice-chair', re: /\bVice[- ]?Chair(?:man|woman|person)?\b/i },
  { role: 'chair', re: /\b(?<!Vice[- ]?)Chair(?:man|woman|person)?(?:\s+of\s+(?:the\s+)?[\w\s&'-]{0,40}?|,\s+)(?:Committee|Board|Panel|Council|Sub-Committee|Cabinet)\b|\b(?:Committee|Planning|Licensing|Scrutiny)\s+Chair(?:man|woman)?\b/i },
  { role: 'deputy-mayor', re: /\bDeputy\s+(?:Lord\s+)?Mayor\b/i },
  { role: 'mayor', re: /\b(?<!Deputy\s)(?:Lord\s+)?Mayor\b(?!'s)/i },
];
export const WARD_MEMBER = /\bward\s+(?:councillors?|members?)\b/i;
const CANDIDATE = /\bcandidates?\b/i;

interface DirectoryIndex {
  fullNames: RegExp | undefined;
  byFullName: Map<string, CouncillorEntry>;
  bySurname: Map<string, CouncillorEntry | null>;
  byRole: Map<CouncillorRole, CouncillorEntry | null>;
  officerNames: RegExp | undefined;
}
const directoryCache = new WeakMap<readonly CouncillorEntry[], DirectoryIndex>();

function directoryIndex(policy: ResolvedPolicy): DirectoryIndex {
  let index = directoryCache.get(policy.councillors);
  if (index) return index;
  const byFullName = new Map<string, CouncillorEntry>();
  const bySurname = new Map<string, CouncillorEntry | null>();
  const byRole = new Map<CouncillorRole, CouncillorEntry | null>();
  for (const c of policy.councillors) {
    const name = c.name.trim();
    byFullName.set(name.toLowerCase(), c);
    const surname = name.split(/\s+/).pop()!.toLowerCase();
    bySurname.set(surname, bySurname.has(surname) ? null : c);
    for (const r of c.roles ?? []) byRole.set(r, byRole.has(r) ? null : c);
  }
  const names = policy.councillors.map((c) => escapeRegExp(c.name.trim()).replace(/\s+/g, '\\s+'));
  const officers = policy.officers.map((o) => escapeRegExp(o.name.trim()).replace(/\s+/g, '\\s+'));
  index = {
    fullNames: names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'g') : undefined,
    byFullName,
    bySurname,
    byRole,
    officerNames: officers.length ? new RegExp(`\\b(?:${officers.join('|')})\\b`) : undefined,
  };
  directoryCache.set(policy.councillors, index);
  return index;
}

/**
 * @summary Whether a phrase (a speaker, or a sentence) refers to a councillor, and which.
 * @example councillorIn('The Leader of the Council, Cllr Margaret Ellison,', policy)
 *   // { name: 'Margaret Ellison', statedRoles: ['leader'], by: 'title', entry: … }
 */
export function councillorIn(phrase: string, policy: ResolvedPolicy): CouncillorReference | undefined {
  const index = directoryIndex(policy);
  // Offices the phrase states, with where the first one starts.
  const lead = phrase.length - phrase.trimStart().length;
  const offices = OFFICES.map((o) => ({ role: o.role, match: o.re.exec(phrase.trim()) })).filter((o) => o.match);
  const statedRoles = offices.map((o) => o.role);
  const officeAt = Math.min(...offices.map((o) => o.match!.index + lead));
  const titled = TITLED_NAME.exec(phrase);
  let name = titled?.[1];
  let entry: CouncillorEntry | undefined;
  if (name) {
    entry = index.byFullName.get(name.toLowerCase()) ?? (name.includes(' ') ? undefined : index.bySurname.get(name.toLowerCase()) ?? undefined);
    if (!entry && name.includes(' ')) entry = index.bySurname.get(name.split(/\s+/).pop()!.toLowerCase()) ?? undefined;
  }
  let by: CouncillorReference['by'] | undefined = titled ? 'title' : undefined;
  let at = titled?.index ?? -1;
  if (!entry && index.fullNames) {
    index.fullNames.lastIndex = 0;
    const m = index.fullNames.exec(phrase);
    if (m) {
      entry = index.byFullName.get(m[0].replace(/\s+/g, ' ').toLowerCase());
      name ??= m[0];
      by ??= 'directory';
      if (at < 0) at = m.index;
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
      const holder = index.byRole.get(r);
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
  return phrase.trim().replace(/^[,\s]+|[,:\s]+$/g, '');
}

/** Whether a phrase is a councillor's name alone, titled ("Cllr Jane Doe", "the Leader Cllr Jane Doe") or from the directory. */
export function isCouncillorName(phrase: string, policy: ResolvedPolicy): boolean {
  const titled = TITLED_NAME.exec(phrase);
  if (titled && titled.index + titled[0].length === phrase.length) {
    const prefix = phrase.slice(0, titled.index).trim();
    return !prefix || /^the$/i.test(prefix) || OFFICES.some((o) => o.re.test(prefix));
  }
  const { fullNames } = directoryIndex(policy);
  if (!fullNames) return false;
  fullNames.lastIndex = 0;
  const m = fullNames.exec(phrase);
  return !!m && m.index === 0 && m[0].length === phrase.length;
}
