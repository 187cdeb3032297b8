/**
 * Registers the maintained free-mail list (the `free-email-domains` package) with the engine.
 * Imported for its effect by every entry point: statically where size does not matter (CLI,
 * send-time script, tests), dynamically by the pages.
 */
import maintained from 'free-email-domains/domains.json';
import { registerFreeMailDomains } from './free-mail.ts';

registerFreeMailDomains(maintained as string[]);
