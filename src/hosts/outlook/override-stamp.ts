/**
 * Write the sealed `overridden` record (contract 8) on the message being written, with
 * `item.internetHeaders.setAsync` (Mailbox 1.8). No `audit.publicKey` in the policy, or no
 * internet headers in this Outlook: nothing is written. The taskpane loads this module only
 * when the user sends anyway, so the sealing library stays out of its first download.
 */
import type { ResolvedPolicy } from '../../engine/policy.ts';
import { type AuditRecord, AUDIT_HEADER, stampValue } from '../../audit/seal.ts';

type HeadersApi = { setAsync(headers: Record<string, string>, callback: (r: Office.AsyncResult<void>) => void): void };

/** Resolves true when the record was written, false when there was nothing to write it with. */
export async function stampRecord(item: { internetHeaders?: unknown }, policy: ResolvedPolicy, record: AuditRecord): Promise<boolean> {
  const publicKey = policy.audit?.publicKey;
  const headers = item.internetHeaders as HeadersApi | undefined;
  if (!publicKey || !headers || typeof headers.setAsync !== 'function') return false;
  const value = stampValue(record, publicKey);
  await new Promise<void>((resolve, reject) => {
    headers.setAsync({ [AUDIT_HEADER]: value }, (r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? 'Outlook reported an error.'))));
  });
  return true;
}
