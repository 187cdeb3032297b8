/**
 * Email addresses as the directory exports write them: pulled out of surrounding text
 * ("jane@council.gov.uk (for ward issues)", "SMTP:jane@council.gov.uk"), checked with the same
 * pattern the policy's schema uses, and sorted into the council's and everyone else's.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';

const EMAIL_FORMAT = fullFormats.email as RegExp;
// A candidate starts where a run of address characters starts (the lookbehind): the search does not
// re-read a long run from each of its characters. The same matches: in a run, the first part takes
// everything up to the run's last usable "@", so a run never holds a second candidate.
const CANDIDATE = /(?<![^\s<>()",;:[\]])[^\s<>()",;:[\]]+@[^\s<>()"',;:[\]]+/g;

/** Is this a well-formed address, by the policy schema's own rule? */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL_FORMAT.test(text);
}

/** Every address in a piece of text, lower-cased, in order, once each; malformed ones are returned apart. */
export function emailsIn(text: string | undefined): { emails: string[]; malformed: string[] } {
  const emails: string[] = [];
  const malformed: string[] = [];
  for (const m of (text ?? '').matchAll(CANDIDATE)) {
    // An apostrophe belongs in an address (michael.o'brien@…) but not around one ('jane@…').
    const candidate = m[0].replace(/^'+|(?<!')'+$/g, '').replace(/^mailto:/i, '').replace(/(?<!\.)\.+$/, '').toLowerCase();
    if (isEmail(candidate)) {
      if (!emails.includes(candidate)) emails.push(candidate);
    } else if (!malformed.includes(candidate)) malformed.push(candidate);
  }
  return { emails, malformed };
}

export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Is `domain` one of `domains` or a subdomain of one? */
export function inDomains(domain: string, domains: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return domains.some((c) => d === c || d.endsWith(`.${c}`));
}

// UK public-sector second-level domains: a council's own domain is the label before one of these.
const PUBLIC_SUFFIXES = ['gov.uk', 'gov.wales', 'llyw.cymru', 'gov.scot', 'org.uk', 'co.uk', 'ac.uk', 'nhs.uk'];

/** `councillors.sefton.gov.uk` → `sefton.gov.uk`: the domain a council owns, whatever mailbox host it uses. */
export function organisationalDomain(domain: string): string {
  const d = domain.toLowerCase();
  for (const suffix of PUBLIC_SUFFIXES) {
    if (d.endsWith(`.${suffix}`)) {
      const label = d.slice(0, -(suffix.length + 1)).split('.').at(-1)!;
      return `${label}.${suffix}`;
    }
  }
  const parts = d.split('.');
  return parts.slice(-2).join('.');
}

/**
 * The council's own domain, read from its councillors' addresses: the commonest organisational
 * domain among public-sector addresses (a gov.uk, gov.wales or gov.scot one), else among all.
 * `undefined` when no address is given at all.
 */
export function inferCouncilDomain(emails: readonly string[]): string | undefined {
  const count = new Map<string, number>();
  for (const email of emails) {
    const org = organisationalDomain(domainOf(email));
    count.set(org, (count.get(org) ?? 0) + 1);
  }
  const ranked = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const publicSector = ranked.find(([d]) => /\.(?:gov\.uk|gov\.wales|llyw\.cymru|gov\.scot)$/.test(d));
  return (publicSector ?? ranked[0])?.[0];
}
