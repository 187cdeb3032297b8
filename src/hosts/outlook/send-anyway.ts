/**
 * "Send anyway with a reason" from the taskpane the send-time dialog opened (issue 12): keep the
 * user's choice on the item, so that the send-time handler lets those problems through on the
 * next send (item-override.ts, and a dismissal the panel shows); seal the `overridden` record
 * into the mail's headers where the policy has an audit key; then send with `item.sendAsync`
 * (Mailbox 1.15), or, where this Outlook cannot send from an add-in, tell the user to select
 * Send again.
 */
import type { ResolvedPolicy } from '../../engine/policy.ts';
import type { SendAnywayChoice, SendAnywayResult } from '../../ui/SendAnyway.tsx';
import { readItemDismissals, writeItemDismissals } from './item-dismissals.ts';
import { writeItemOverride } from './item-override.ts';
import { type ItemWithStorage } from './item-storage.ts';
import { officeCall } from './office-async.ts';
import { overriddenRecord } from './overrides.ts';

type ComposeItem = ItemWithStorage & {
  internetHeaders?: unknown;
  sendAsync?: (callback: (r: Office.AsyncResult<void>) => void) => void;
};

export interface SendAnywayDeps {
  now?: () => Date;
  /** Diagnostics only: never the draft's content. */
  log?: (message: string) => void;
}

/** Whether this Outlook can send the message from the taskpane (Mailbox 1.15's sendAsync). */
export function canSendFromPane(item: ComposeItem): boolean {
  return typeof item.sendAsync === 'function';
}

export async function sendAnywayFromPane(item: ComposeItem, policy: ResolvedPolicy, choice: SendAnywayChoice, deps: SendAnywayDeps = {}): Promise<SendAnywayResult> {
  const log = deps.log ?? ((m: string) => console.warn(`[Protocol Checker] ${m}`));
  if (policy.sendTime.mode === 'block' || !choice.keys.length) return { kind: 'failed' };
  // Kept on the item first: without it the send-time handler would stop the send again.
  const earlier = await readItemDismissals(item);
  const kept = earlier.filter((d) => !choice.keys.includes(d.key));
  await writeItemDismissals(item, [...kept, ...choice.keys.map((key) => ({ key, reason: choice.dismissReason }))]);
  await writeItemOverride(item, { keys: [...choice.keys], reason: choice.reason, ...(choice.text ? { text: choice.text } : {}) });

  // The sealed record, where the policy has a key: loaded only now, to keep the sealing library
  // out of the pane's first download. A failure here does not stop the send: the send-time
  // handler writes the same record when it lets the send go.
  let recorded = false;
  if (policy.audit?.publicKey) {
    try {
      const { stampRecord } = await import('./override-stamp.ts');
      const passed = choice.rules.map((rule) => ({ rule, reason: choice.reason, ...(choice.text ? { reasonText: choice.text } : {}) }));
      recorded = await stampRecord(item, policy, overriddenRecord(passed, policy, deps.now?.() ?? new Date()));
    } catch (error) {
      log(`The override record could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (!canSendFromPane(item)) return { kind: 'sendAgain', recorded };
  try {
    // Nothing after a successful sendAsync is sure to run (the compose window closes): all the
    // work above is done first.
    await officeCall<void>((cb) => item.sendAsync!(cb));
    return { kind: 'sent', recorded };
  } catch (error) {
    // No read/write mailbox permission, or Outlook refused: the user can still select Send.
    log(`sendAsync failed: ${error instanceof Error ? error.message : String(error)}`);
    return { kind: 'sendAgain', recorded };
  }
}
