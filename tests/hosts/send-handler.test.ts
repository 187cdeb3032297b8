/**
 * The send-time handler against the office-js double: errors stop the send and are named,
 * clean drafts go, and every failure (a throwing item, a broken policy, a slow body) lets the
 * email go with a notice. `event.completed` is called exactly once on every path.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PolicyFile } from '../../src/engine/policy.ts';
import type { Finding } from '../../src/engine/types.ts';
import { decide, handleMessageSend, MAX_CANCEL_LABEL, MAX_ERROR_MESSAGE, sendMessage } from '../../src/hosts/outlook/send-handler.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../src/policy/resolve.ts';
import { FakeComposeItem, installOffice } from '../doubles/office.ts';

const OFFICER = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const CLLR_HART = { displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' };
const CLLR_SHAH = { displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' };
const BODY = '<p>Dear Cllr Hart,</p><p>The repairs at 12 Mill Lane are booked for Monday.</p><p>Kind regards</p><p>Sam Officer</p>';

let uninstall: () => void = () => {};
afterEach(() => uninstall());

function item(extra: Partial<ConstructorParameters<typeof FakeComposeItem>[0]> = {}) {
  const it = new FakeComposeItem({ from: OFFICER, to: [CLLR_HART], subject: 'Repairs', body: BODY, ...extra });
  uninstall = installOffice(it);
  return it;
}

function event() {
  return { completed: vi.fn() };
}

const defaultPolicy = async () => ({ policy: embeddedDefaultPolicy() });
const withMode = (mode: 'softBlock' | 'promptUser' | 'block' | 'off') => async () => ({
  policy: resolvePolicy({ council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] }, sendTime: { mode } } as PolicyFile, 'policy.json'),
});

describe('the send-time check', () => {
  it("stops a draft that Bccs a councillor, naming the finding and offering the taskpane", async () => {
    const e = event();
    const decision = await handleMessageSend(e, { item: item({ bcc: [CLLR_SHAH] }).asCompose(), loadPolicy: defaultPolicy });
    expect(e.completed).toHaveBeenCalledTimes(1);
    const options = e.completed.mock.calls[0]![0];
    expect(options).toEqual(decision);
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toContain('ravi.shah@westmoor.gov.uk');
    expect(options.errorMessage).toContain('Councillor copied without saying so');
    expect(options.commandId).toBe('openProtocolCheck');
    expect(options.sendModeOverride).toBe('promptUser');
    expect(options.errorMessage.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect(options.cancelLabel.length).toBeLessThanOrEqual(MAX_CANCEL_LABEL);
  });

  it('lets a clean draft go without a prompt', async () => {
    const e = event();
    await handleMessageSend(e, { item: item().asCompose(), loadPolicy: defaultPolicy });
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('lets the email go with a notice when the item throws', async () => {
    const e = event();
    const broken = item({ throwOnRead: true });
    const added = vi.fn((_key: string, _msg: unknown, cb?: (r: unknown) => void) => cb?.({ status: 'succeeded' }));
    Object.assign(broken, { notificationMessages: { addAsync: added } });
    await handleMessageSend(e, { item: broken.asCompose(), loadPolicy: defaultPolicy });
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
    expect(added).toHaveBeenCalledTimes(1);
    expect((added.mock.calls[0]![1] as { message: string }).message).toMatch(/could not check this email/);
  });

  it('lets the email go when the policy cannot be loaded', async () => {
    const e = event();
    await handleMessageSend(e, { item: item({ bcc: [CLLR_SHAH] }).asCompose(), loadPolicy: () => Promise.reject(new Error('policy.json: not JSON')) });
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('lets the email go when reading the body takes longer than the time limit', async () => {
    const e = event();
    const started = Date.now();
    await handleMessageSend(e, { item: item({ bcc: [CLLR_SHAH], bodyDelayMs: 2000 }).asCompose(), loadPolicy: defaultPolicy, timeLimitMs: 100 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('skips the check when the policy turns it off', async () => {
    const e = event();
    await handleMessageSend(e, { item: item({ bcc: [CLLR_SHAH] }).asCompose(), loadPolicy: withMode('off') });
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it('blocks without "send anyway" when the policy says block', async () => {
    const e = event();
    await handleMessageSend(e, { item: item({ bcc: [CLLR_SHAH] }).asCompose(), loadPolicy: withMode('block') });
    const options = e.completed.mock.calls[0]![0];
    expect(options.allowEvent).toBe(false);
    expect(options.sendModeOverride).toBeUndefined();
    expect(options.errorMessage).not.toMatch(/send anyway/);
  });
});

describe('deciding', () => {
  const finding = (severity: 'error' | 'warning', recipient = 'a@b.gov.uk'): Finding => ({
    rule: 'silent-copy',
    severity,
    messageId: 'x',
    message: 'm',
    citations: [],
    evidence: { field: 'bcc', recipient },
    suggestions: [],
    docs: '',
  });

  it('mentions warnings but never blocks for them alone (softBlock)', () => {
    expect(decide([finding('warning')], 'softBlock')).toEqual({ allowEvent: true });
    const d = decide([finding('error'), finding('warning')], 'softBlock');
    expect(d.allowEvent).toBe(false);
    expect(d.errorMessage).toMatch(/Also check 1 warning/);
  });

  it('asks about warnings too in promptUser mode', () => {
    expect(decide([finding('warning')], 'promptUser').allowEvent).toBe(false);
  });

  it('keeps a long list within 500 characters and says how many more', () => {
    const many = Array.from({ length: 40 }, (_, i) => finding('error', `councillor.number.${i}@westmoor.gov.uk`));
    const text = sendMessage(many, [], true);
    expect(text.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect(text).toMatch(/and \d+ more/);
  });
});
