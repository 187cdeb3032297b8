/**
 * The send handler's stamping step (contract 8). No event tells an add-in that the user chose
 * Send Anyway, but headers set before the handler completes go out with the mail if they do.
 * So when the check stops a send that the user may still send anyway, the item is stamped
 * `X-Protocol-Checker: v=1; <sealed record>` with outcome `sent-anyway` and the rule ids that
 * stopped it; when a re-check lets the mail go because the user fixed those problems, the stamp
 * becomes `fixed` with the rules that caught them; when the mail cannot be sent anyway, or
 * nothing ever stopped it, there is no stamp. Without `audit.publicKey` in the policy nothing is ever set.
 *
 * DOM-free: the send-time script bundles it. Best effort: a failure to stamp never changes the
 * decision about the send.
 */
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Finding } from '../engine/types.ts';
import { problemsOf } from '../ui/problems.ts';
import { type AuditRecord, AUDIT_HEADER, stampValue } from './seal.ts';
import { ADDIN_VERSION } from './version.ts';

type HeadersApi = {
  setAsync(headers: Record<string, string>, callback: (r: Office.AsyncResult<void>) => void): void;
  removeAsync(names: string[], callback: (r: Office.AsyncResult<void>) => void): void;
};

function call(invoke: (cb: (r: Office.AsyncResult<void>) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    invoke((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? 'Outlook reported an error.'))));
  });
}

/** The rule ids of the problems that stopped the send (the dialog's contextData keys), each once, sorted. */
export function stoppedRules(findings: readonly Finding[], stoppedBy: readonly string[]): string[] {
  const keys = new Set(stoppedBy);
  return [...new Set(problemsOf([...findings]).filter((p) => keys.has(p.key)).map((p) => p.rule))].sort();
}

/** The record for a send that stopped: never the draft's words, only ids, the policy name, the time and the version. */
export function sentAnywayRecord(rules: string[], policy: ResolvedPolicy, checkedAt: Date): AuditRecord {
  return { outcome: 'sent-anyway', rules, policy: policy.council.name, checkedAt: checkedAt.toISOString(), version: ADDIN_VERSION };
}

/** The record for a send that goes after the writer fixed what stopped an earlier one: the rules that caught a real problem. */
export function fixedRecord(rules: string[], policy: ResolvedPolicy, checkedAt: Date): AuditRecord {
  return { outcome: 'fixed', rules, policy: policy.council.name, checkedAt: checkedAt.toISOString(), version: ADDIN_VERSION };
}

export interface StampOutcome {
  /** What was done to the item. */
  action: 'stamped' | 'removed' | 'none';
}

/**
 * Set or remove the stamp for one send decision.
 * @param decision what the handler tells Outlook (allowEvent, contextData).
 * @param canSendAnyway false in `block` mode: the mail cannot go, so no record is needed.
 */
export async function stampForSend(
  item: { internetHeaders?: unknown },
  policy: ResolvedPolicy,
  findings: readonly Finding[],
  decision: { allowEvent: boolean; contextData?: string },
  options: {
    now: Date;
    canSendAnyway: boolean;
    log?: (message: string) => void;
    /** Rules that stopped an earlier send of this draft and find nothing now: the writer fixed them. */
    fixedRules?: readonly string[];
  },
): Promise<StampOutcome> {
  const publicKey = policy.audit?.publicKey;
  const headers = item.internetHeaders as HeadersApi | undefined;
  // No key: no record at all (contract 8). No internetHeaders (before Mailbox 1.8): nothing to do.
  if (!publicKey || !headers || typeof headers.setAsync !== 'function') return { action: 'none' };
  try {
    if (decision.allowEvent && options.fixedRules?.length) {
      // The user fixed what stopped an earlier send: the sent-anyway stamp becomes a fixed one.
      const record = fixedRecord([...new Set(options.fixedRules)].sort(), policy, options.now);
      await call((cb) => headers.setAsync({ [AUDIT_HEADER]: stampValue(record, publicKey) }, cb));
      return { action: 'stamped' };
    }
    if (decision.allowEvent || !options.canSendAnyway) {
      // A clean re-check with nothing stopped before, or a mail that cannot go: no record.
      if (typeof headers.removeAsync === 'function') await call((cb) => headers.removeAsync([AUDIT_HEADER], cb));
      return { action: 'removed' };
    }
    const stoppedBy = (JSON.parse(decision.contextData ?? '{}') as { stoppedBy?: string[] }).stoppedBy ?? [];
    const record = sentAnywayRecord(stoppedRules(findings, stoppedBy), policy, options.now);
    await call((cb) => headers.setAsync({ [AUDIT_HEADER]: stampValue(record, publicKey) }, cb));
    return { action: 'stamped' };
  } catch (error) {
    options.log?.(`The override record could not be written: ${error instanceof Error ? error.message : String(error)}`);
    return { action: 'none' };
  }
}
