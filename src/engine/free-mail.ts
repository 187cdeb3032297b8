/**
 * Free-mail and ISP domains: an address there is personal (PRODUCT.md, "Personal address").
 * The list is the maintained `free-email-domains` package; UK ISP mail domains that it leaves
 * out are added below, each one a consumer mailbox provider.
 */
import maintained from 'free-email-domains/domains.json';

// UK consumer ISPs missing from the maintained list (checked against its 1.12 release).
const UK_ISP_SUPPLEMENT = ['talktalk.net', 'tiscali.co.uk', 'plus.net', 'plusnet.com', 'zen.co.uk', 'eclipse.co.uk', 'madasafish.com', 'o2.co.uk', 'orange.net', 'virgin.net'];

let domains: Set<string> | undefined;

/** True when `domain` (or a parent of it, such as `mail.btinternet.com`) is a free-mail or ISP domain. */
export function isFreeMailDomain(domain: string): boolean {
  domains ??= new Set([...(maintained as string[]), ...UK_ISP_SUPPLEMENT].map((d) => d.toLowerCase()));
  let d = domain.toLowerCase();
  for (;;) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot === -1 || d.indexOf('.', dot + 1) === -1) return false;
    d = d.slice(dot + 1);
  }
}
