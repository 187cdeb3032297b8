/**
 * check() with the options the CLI passes, for tests that check drafts the way users do: the
 * draft's Date: (else the clock) as the moment of sending, unless the test gives one, and the
 * maintained free-mail list (as the CLI, the send-time script and the pages all use).
 */
import { type CheckOptions, check, draftDateOr } from '../../src/engine/check.ts';
import { maintainedFreeMail } from '../../src/engine/free-mail-full.ts';
import type { ResolvedPolicy } from '../../src/engine/policy.ts';
import type { Draft, Finding } from '../../src/engine/types.ts';

export function checkAsCli(draft: Draft, policy: ResolvedPolicy, options: Partial<CheckOptions> = {}): Finding[] {
  return check(draft, policy, { ...options, now: options.now ?? draftDateOr(draft, new Date()), freeMail: options.freeMail ?? maintainedFreeMail });
}
