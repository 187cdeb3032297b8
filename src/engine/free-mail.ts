/**
 * Free-mail and ISP domains: an address there is personal (PRODUCT.md, "Personal address").
 *
 * Which list a check uses is the caller's choice, passed as `check(draft, policy, { freeMail })`;
 * nothing is registered at import time, so a check's findings never depend on which modules
 * happened to load first. The lists:
 * - `coreFreeMail` (this module): the well-known providers contract 5 names and UK ISPs the
 *   maintained list lacks. It is the default when a caller passes nothing, because it is small
 *   enough for the taskpane's first download.
 * - `maintainedFreeMail` (free-mail-full.ts): the core list plus the maintained
 *   `free-email-domains` package (about 14,000 domains), kept as a compact coded set of their
 *   hashes (free-mail-set.ts: 36 KB gzipped instead of the list's 78 KB). The CLI and the
 *   send-time script import it statically, the pages with a dynamic import started with the
 *   policy's, so all three give the same findings.
 */

/** True when a domain (or a parent of it) is a free-mail or ISP domain. */
export type FreeMailLookup = (domain: string) => boolean;

// Contract 5's well-known providers, and UK consumer ISPs missing from the maintained list
// (checked against its 1.12 release).
export const CORE_FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'btinternet.com', 'btopenworld.com', 'sky.com', 'talktalk.net', 'tiscali.co.uk',
  'virginmedia.com', 'virgin.net', 'ntlworld.com', 'blueyonder.co.uk', 'aol.com', 'aol.co.uk', 'icloud.com', 'me.com',
  'mac.com', 'protonmail.com', 'proton.me', 'pm.me', 'gmx.com', 'gmx.co.uk', 'mail.com', 'zoho.com', 'yandex.com',
  'plus.net', 'plusnet.com', 'zen.co.uk', 'eclipse.co.uk', 'madasafish.com', 'o2.co.uk', 'orange.net', 'freeserve.co.uk',
];

/**
 * @summary A lookup over a list of free-mail domains that also matches their subdomains.
 * @example freeMailLookup(['btinternet.com'])('mail.btinternet.com') // true
 */
export function freeMailLookup(list: Iterable<string>): FreeMailLookup {
  const domains = new Set<string>();
  for (const d of list) domains.add(d.toLowerCase());
  return suffixLookup((d) => domains.has(d));
}

/**
 * @summary A lookup that asks `has` about a domain and each parent of it, down to two labels
 * (a bare suffix such as "uk" is never a provider); `has` receives lower-case domains.
 */
export function suffixLookup(has: (domain: string) => boolean): FreeMailLookup {
  return (domain) => {
    let d = domain.toLowerCase();
    for (;;) {
      if (has(d)) return true;
      const dot = d.indexOf('.');
      if (dot === -1 || d.indexOf('.', dot + 1) === -1) return false;
      d = d.slice(dot + 1);
    }
  };
}

/** The default list: the core providers only. */
export const coreFreeMail: FreeMailLookup = freeMailLookup(CORE_FREE_MAIL_DOMAINS);
