/**
 * ModernGov's `GetCouncillorsByWard` (mgWebService.asmx): councillorsbyward > wards > ward >
 * wardtitle, councillors > councillor > fullusername, politicalpartytitle, keyposts,
 * workaddress/email, homeaddress/email, termsofoffice. Read with fast-xml-parser; the shape is
 * the one councils' servers return (tests/fixtures/moderngov/ holds real ones).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { domainOf, emailsIn, inDomains, inferCouncilDomain } from './emails.ts';
import { councillorRolesFromPosts } from './key-posts.ts';
import { cleanName, isNoWard, isVacancy, type ImportedCouncillor, type Notes } from './people.ts';
import { InputError } from './text-input.ts';

interface RawCouncillor {
  name: string;
  ward?: string;
  party?: string;
  posts: string;
  work: string[];
  home: string[];
  malformed: string[];
}

const asList = <T>(v: T | T[] | undefined | null | ''): T[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').replace(/\s+/g, ' ').trim();

function addressEmails(address: unknown): { emails: string[]; malformed: string[] } {
  if (!address || typeof address !== 'object') return { emails: [], malformed: [] };
  const found = asList((address as { email?: unknown }).email).map((e) => emailsIn(text(e)));
  return { emails: found.flatMap((f) => f.emails), malformed: found.flatMap((f) => f.malformed) };
}

/** Parse the XML into councillors by ward, without deciding yet which address is the council's. */
function readXml(xml: string, source: string): RawCouncillor[] {
  const trimmed = xml.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('<')) throw new InputError(`${source}: expected ModernGov's GetCouncillorsByWard XML, got text that is not XML`);
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    throw new InputError(`${source}:${valid.err.line}:${valid.err.col}: the XML is not well formed (${valid.err.msg})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => ['ward', 'councillor', 'email', 'termofoffice'].includes(name),
  });
  const doc = parser.parse(trimmed) as Record<string, unknown>;
  const root = doc.councillorsbyward as { wards?: { ward?: unknown[] } } | undefined;
  if (!root || typeof root !== 'object') {
    const first = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
    const hint = /html/i.test(first) ? ' (a web page: check the address ends in mgWebService.asmx/GetCouncillorsByWard)' : '';
    throw new InputError(`${source}: expected ModernGov's GetCouncillorsByWard XML with a <councillorsbyward> root, got <${first}>${hint}`);
  }
  const out: RawCouncillor[] = [];
  for (const ward of asList(root.wards?.ward) as Record<string, unknown>[]) {
    const wardTitle = text(ward.wardtitle);
    const councillors = asList((ward.councillors as { councillor?: unknown[] } | undefined)?.councillor) as Record<string, unknown>[];
    for (const c of councillors) {
      const work = addressEmails(c.workaddress);
      const home = addressEmails(c.homeaddress);
      out.push({
        name: cleanName(text(c.fullusername)),
        ...(wardTitle && !isNoWard(wardTitle) ? { ward: wardTitle } : {}),
        ...(text(c.politicalpartytitle) ? { party: text(c.politicalpartytitle) } : {}),
        posts: typeof c.keyposts === 'string' ? c.keyposts : '',
        work: work.emails,
        home: home.emails,
        malformed: [...work.malformed, ...home.malformed],
      });
    }
  }
  return out;
}

export interface ModernGovImport {
  councillors: ImportedCouncillor[];
  /** The council's domains: as given, or read from the addresses. */
  domains: string[];
  notes: Notes;
}

/**
 * Councillors from a GetCouncillorsByWard response. The council address is the one at the
 * council's domain (work or home: some councils file it under home); any other address listed
 * for the councillor is a personal one. `domains` overrides the domain read from the addresses.
 */
export function importModernGov(xml: string, source: string, domains: readonly string[] = []): ModernGovImport {
  const raw = readXml(xml, source);
  const notes: Notes = [];
  const councilDomains = domains.length ? [...domains] : [inferCouncilDomain(raw.flatMap((r) => [...r.work, ...r.home]))].filter((d): d is string => Boolean(d));
  const byEmail = new Map<string, ImportedCouncillor>();
  const councillors: ImportedCouncillor[] = [];
  for (const r of raw) {
    const where = `${source}: ${r.ward ? `ward ${r.ward}` : 'no ward'}`;
    if (!r.name || isVacancy(r.name)) continue;
    for (const bad of r.malformed) notes.push(`${where}: ${r.name}: "${bad}" is not an email address; left out`);
    const all = [...r.work, ...r.home];
    if (all.length === 0) {
      notes.push(`${where}: ${r.name} has no email address in the directory; add them by hand with their council address`);
      continue;
    }
    const atCouncil = all.filter((e) => inDomains(domainOf(e), councilDomains));
    const email = atCouncil[0] ?? r.work[0] ?? r.home[0]!;
    if (atCouncil.length === 0) {
      notes.push(`${where}: ${r.name} has no address at ${councilDomains.join(' or ') || "the council's domain"}; ${email} is used as their address: check it`);
    }
    const personalEmails = all.filter((e) => e !== email && !inDomains(domainOf(e), councilDomains));
    const existing = byEmail.get(email);
    if (existing) {
      // Listed twice (the mayor under their own heading and under their ward): one person.
      existing.ward ??= r.ward;
      for (const role of councillorRolesFromPosts(r.posts, r.party)) if (!existing.roles.includes(role)) existing.roles.push(role);
      continue;
    }
    const councillor: ImportedCouncillor = {
      name: r.name,
      email,
      personalEmails,
      ...(r.ward ? { ward: r.ward } : {}),
      ...(r.party ? { party: r.party } : {}),
      roles: councillorRolesFromPosts(r.posts, r.party),
      where,
    };
    byEmail.set(email, councillor);
    councillors.push(councillor);
  }
  return { councillors, domains: councilDomains, notes };
}

/** `https://democracy.council.gov.uk` → its GetCouncillorsByWard address; a full address as it is. */
export function moderngovUrl(given: string): string {
  const url = new URL(given);
  if (!/getcouncillorsbyward/i.test(url.pathname)) {
    url.pathname = `${url.pathname.replace(/(?<!\/)\/+$/, '')}/mgWebService.asmx/GetCouncillorsByWard`;
  }
  return url.toString();
}
