/**
 * The taskpane route of issue 12, at send time: the built send-time script in a bare context
 * (no window, no DOM, no WebCrypto) with a fake Office whose item has internet headers. After
 * "Send anyway with a reason" in the taskpane (the pane's own code, over the same item), the
 * next send goes and carries a sealed `overridden` record with the reason; a new problem that
 * nobody let through still stops it; `requireReasonFor` and `block` mode hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { PolicyFile } from '../../src/engine/policy.ts';
import { generateAuditKeyPair, openStamp } from '../../src/audit/seal.ts';
import { sendAnywayFromPane } from '../../src/hosts/outlook/send-anyway.ts';
import { resolvePolicy } from '../../src/policy/resolve.ts';
import { FakeComposeItem, installOffice, officeNamespace } from '../doubles/office.ts';

const script = readFileSync(join(inject('siteDir'), 'send-check.js'), 'utf8');
const HEADER = 'X-Protocol-Checker';

const OFFICER = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const HART = { displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' };
const SHAH = { displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' };
const LEE = { displayName: 'Cllr Ann Lee', emailAddress: 'ann.lee@westmoor.gov.uk' };
const BODY = '<p>Dear Cllr Hart,</p><p>The drainage repairs in Castle Street are booked for Monday.</p><p>Kind regards</p><p>Sam Officer</p>';
const SHAH_KEY = 'silent-copy|ravi.shah@westmoor.gov.uk';
const keys = generateAuditKeyPair();

/** The test council's policy; `audit: null` for one without an audit key. */
function policyWith(audit: Record<string, unknown> | null = {}, extra: Partial<PolicyFile> = {}): PolicyFile {
  return { council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] }, ...(audit ? { audit: { publicKey: keys.publicKey, ...audit } } : {}), ...extra } as PolicyFile;
}

interface Completed {
  allowEvent: boolean;
  errorMessage?: string;
  contextData?: string;
  sendModeOverride?: string;
}

/** Press Send: load the built script in a bare context and run its handler over the item. */
function send(item: FakeComposeItem, policy: PolicyFile): Promise<Completed> {
  const handlers = new Map<string, (event: unknown) => void>();
  const office = officeNamespace(item, { actions: { associate: (id: string, fn: (event: unknown) => void) => handlers.set(id, fn) } });
  const fetch = async () => new Response(JSON.stringify(policy), { status: 200 });
  runInNewContext(script, { Office: office, fetch, setTimeout, clearTimeout, console: { warn: () => {}, log: () => {}, error: () => {} } }, { filename: 'send-check.js' });
  return new Promise((resolve) => handlers.get('onMessageSendHandler')!({ completed: resolve }));
}

let uninstall: () => void = () => {};
afterEach(() => uninstall());

/** The taskpane's Send anyway, as the pane runs it (over the same item, with Office installed). */
async function sendAnywayInPane(item: FakeComposeItem, policy: PolicyFile, stopped: Completed, reason: string, text?: string) {
  uninstall = installOffice(item);
  const context = JSON.parse(stopped.contextData!) as { stoppedBy: string[]; rules: string[] };
  return sendAnywayFromPane(item as never, resolvePolicy(policy, 'policy.json'), { keys: context.stoppedBy, rules: context.rules, reason, ...(text ? { text } : {}), dismissReason: `Sent anyway: ${text ?? reason}` }, { log: () => {} });
}

const draft = (extra: Partial<ConstructorParameters<typeof FakeComposeItem>[0]> = {}) => new FakeComposeItem({ from: OFFICER, to: [HART], bcc: [SHAH], subject: 'Castle Street drainage', body: BODY, internetHeaders: {}, ...extra });

function opened(item: FakeComposeItem) {
  const value = item.internetHeaderValues?.[HEADER];
  if (!value) return undefined;
  const result = openStamp(value, keys.privateKey);
  if (!result.ok) throw new Error(`the stamp did not open: ${result.why}`);
  return result.record;
}

describe('send anyway with a reason, then Send again', () => {
  it('passes the dialog the keys and rule ids of what stopped the send, and nothing of the draft', async () => {
    const stopped = await send(draft(), policyWith());
    expect(stopped.allowEvent).toBe(false);
    expect(JSON.parse(stopped.contextData!)).toEqual({ stoppedBy: [SHAH_KEY], rules: ['silent-copy'] });
    expect(stopped.contextData).not.toMatch(/drainage|castle|monday/i);
  });

  it('lets the send go, carrying overridden with the reason, after the taskpane override', async () => {
    const item = draft();
    const policy = policyWith();
    const stopped = await send(item, policy);
    expect(opened(item)?.outcome).toBe('sent-anyway');

    const result = await sendAnywayInPane(item, policy, stopped, 'manager-approved');
    // No sendAsync in this Outlook: the pane tells the user to select Send again.
    expect(result).toEqual({ kind: 'sendAgain', recorded: true });
    expect(opened(item)).toMatchObject({ outcome: 'overridden', rules: ['silent-copy'], reason: 'manager-approved' });

    const again = await send(item, policy);
    expect(again).toEqual({ allowEvent: true });
    const record = opened(item)!;
    expect(record).toMatchObject({ outcome: 'overridden', rules: ['silent-copy'], reason: 'manager-approved', policy: 'Westmoor Borough Council' });
    expect(record.reasonText).toBeUndefined();
  });

  it('still stops a new problem that nobody let through, naming only it', async () => {
    const item = draft();
    const policy = policyWith();
    await sendAnywayInPane(item, policy, await send(item, policy), 'false-positive');
    // The writer then Bccs another councillor and presses Send.
    item.bcc.setAsync([SHAH, LEE]);
    const stopped = await send(item, policy);
    expect(stopped.allowEvent).toBe(false);
    expect(stopped.errorMessage).toContain('Cllr Ann Lee copied in without saying so');
    expect(stopped.errorMessage).not.toContain('Ravi Shah');
    expect(JSON.parse(stopped.contextData!).stoppedBy).toEqual(['silent-copy|ann.lee@westmoor.gov.uk']);
    // Whoever presses the dialog's Send Anyway now leaves a sent-anyway record.
    expect(opened(item)?.outcome).toBe('sent-anyway');
  });

  it('stops the send again once the user restores the problem in the panel', async () => {
    const item = draft();
    const policy = policyWith();
    await sendAnywayInPane(item, policy, await send(item, policy), 'urgent');
    // Restore takes the dismissal away (the panel writes the list without it).
    item.sessionValues.protocolCheckDismissed = '[]';
    const again = await send(item, policy);
    expect(again.allowEvent).toBe(false);
    expect(opened(item)?.outcome).toBe('sent-anyway');
  });

  it('seals the user’s own words only when the policy allows it', async () => {
    for (const includeReasonText of [true, false]) {
      const item = draft();
      const policy = policyWith({ includeReasonText });
      await sendAnywayInPane(item, policy, await send(item, policy), 'other', 'The resident asked for the reply to go this way');
      expect(await send(item, policy)).toEqual({ allowEvent: true });
      const record = opened(item)!;
      expect(record).toMatchObject({ outcome: 'overridden', reason: 'other' });
      expect(record.reasonText).toBe(includeReasonText ? 'The resident asked for the reply to go this way' : undefined);
    }
  });

  it('without an audit key, lets the send go and writes no header at all', async () => {
    const item = draft();
    const policy = policyWith(null);
    const result = await sendAnywayInPane(item, policy, await send(item, policy), 'urgent');
    expect(result).toEqual({ kind: 'sendAgain', recorded: false });
    expect(await send(item, policy)).toEqual({ allowEvent: true });
    expect(item.internetHeaderValues).toEqual({});
  });

  it('sends from the pane where Outlook has sendAsync, with the record already on the item', async () => {
    const item = draft({ sendAsync: true });
    const policy = policyWith();
    const result = await sendAnywayInPane(item, policy, await send(item, policy), 'urgent');
    expect(result).toEqual({ kind: 'sent', recorded: true });
    expect(item.sendCalls).toBe(1);
    expect(opened(item)).toMatchObject({ outcome: 'overridden', reason: 'urgent' });
  });

  it('still blocks in block mode, override or not', async () => {
    const item = draft();
    const policy = policyWith({}, { sendTime: { mode: 'block' } });
    const stopped = await send(item, policy);
    expect(stopped.allowEvent).toBe(false);
    // Whatever the pane may have stored, the send-time check does not let it through.
    item.sessionValues.protocolCheckOverride = JSON.stringify({ keys: [SHAH_KEY], reason: 'urgent' });
    item.sessionValues.protocolCheckDismissed = JSON.stringify([{ key: SHAH_KEY, reason: 'urgent' }]);
    const again = await send(item, policy);
    expect(again.allowEvent).toBe(false);
    expect(again.sendModeOverride).toBeUndefined();
    expect(item.internetHeaderValues).toEqual({});
  });
});

describe('a dismissal in the panel', () => {
  it('with a reason, lets the send go with the same overridden record (reason "other")', async () => {
    const item = draft({ sessionData: { protocolCheckDismissed: JSON.stringify([{ key: SHAH_KEY, reason: 'He chairs the drainage panel' }]) } });
    expect(await send(item, policyWith({ includeReasonText: true }))).toEqual({ allowEvent: true });
    expect(opened(item)).toMatchObject({ outcome: 'overridden', rules: ['silent-copy'], reason: 'other', reasonText: 'He chairs the drainage panel' });
  });

  it('without a reason, does not pass a rule the policy requires a reason for, and the dialog offers no Send Anyway', async () => {
    const policy = policyWith({ requireReasonFor: ['silent-copy'] });
    const item = draft({ sessionData: { protocolCheckDismissed: JSON.stringify([{ key: SHAH_KEY, reason: '' }]) } });
    const stopped = await send(item, policy);
    expect(stopped.allowEvent).toBe(false);
    expect(stopped.sendModeOverride).toBeUndefined();
    expect(stopped.errorMessage).toContain('send anyway with a reason');
    // Nothing to send anyway with from the dialog, so no sent-anyway record either.
    expect(item.internetHeaderValues).toEqual({});

    // A severity works as well as a rule id; with a reason the dismissal passes.
    const withReason = draft({ sessionData: { protocolCheckDismissed: JSON.stringify([{ key: SHAH_KEY, reason: 'Asked to be kept informed' }]) } });
    expect(await send(withReason, policyWith({ requireReasonFor: ['error'] }))).toEqual({ allowEvent: true });
    expect(opened(withReason)).toMatchObject({ outcome: 'overridden', reason: 'other' });
    expect(opened(withReason)!.reasonText).toBeUndefined();
  });
});
