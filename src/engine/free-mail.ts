/**
 * Free-mail and ISP domains: an address there is personal (PRODUCT.md, "Personal address").
 *
 * The full list is the maintained `free-email-domains` package (about 14,000 domains, 78 KB
 * gzipped). So that the taskpane's first download stays small, the engine starts with the
 * well-known providers contract 5 names (and UK ISPs the package lacks), and entry points
 * register the full list: the CLI and the send-time script statically
 * (`import './free-mail-full.ts'`), the pages with a dynamic import before their first check.
 */

// Contract 5's well-known providers, and UK consumer ISPs missing from the maintained list
// (checked against its 1.12 release).
const CORE = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'btinternet.com', 'btopenworld.com', 'sky.com', 'talktalk.net', 'tiscali.co.uk',
  'virginmedia.com', 'virgin.net', 'ntlworld.com', 'blueyonder.co.uk', 'aol.com', 'aol.co.uk', 'icloud.com', 'me.com',
  'mac.com', 'protonmail.com', 'proton.me', 'pm.me', 'gmx.com', 'gmx.co.uk', 'mail.com', 'zoho.com', 'yandex.com',
  'plus.net', 'plusnet.com', 'zen.co.uk', 'eclipse.co.uk', 'madasafish.com', 'o2.co.uk', 'orange.net', 'freeserve.co.uk',
];

const domains = new Set(CORE);
let fullListRegistered = false;

/** Add the maintained list (or any list) of free-mail domains. */
export function registerFreeMailDomains(list: readonly string[]): void {
  for (const d of list) domains.add(d.toLowerCase());
  fullListRegistered = true;
}

/** Whether the full maintained list has been registered (tests and hosts can assert it). */
export function hasFullFreeMailList(): boolean {
  return fullListRegistered;
}

/** True when `domain` (or a parent of it, such as `mail.btinternet.com`) is a free-mail or ISP domain. */
export function isFreeMailDomain(domain: string): boolean {
  let d = domain.toLowerCase();
  for (;;) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot === -1 || d.indexOf('.', dot + 1) === -1) return false;
    d = d.slice(dot + 1);
  }
}
