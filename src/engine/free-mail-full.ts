/**
 * The maintained free-mail list (the `free-email-domains` package) with the core list, for
 * `check(draft, policy, { freeMail: maintainedFreeMail })`. A module of its own so that the
 * pages can load it apart from their first download (see free-mail.ts).
 */
import maintained from 'free-email-domains/domains.json';
import { CORE_FREE_MAIL_DOMAINS, type FreeMailLookup, freeMailLookup } from './free-mail.ts';

export const maintainedFreeMail: FreeMailLookup = freeMailLookup([...CORE_FREE_MAIL_DOMAINS, ...(maintained as string[])]);
