/**
 * The send-time handler against the office-js double: errors stop the send and are named,
 * clean drafts go, and every failure (a throwing item, a broken policy, a slow body) lets the
 * email go with a notice. `event.completed` is called exactly once on every path.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PolicyFile } from '../../src/engine/policy.ts';
import type { Finding } from '../../src/engine/types.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { inject } from 'vitest';
import { decide, handleMessageSend, MAX_CANCEL_LABEL, MAX_ERROR_MESSAGE, sendMessage } from '../../src/hosts/outlook/send-handler.ts';
import { problemsOf } from '../../src/ui/problems.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../src/policy/resolve.ts';
import { FakeComposeItem, installOffice, officeNamespace } from '../doubles/office.ts';

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
    expect(options.errorMessage).toContain('Cllr Ravi Shah copied in without saying so');
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
    const d = decide([finding('error'), finding('warning', 'someone.else@b.gov.uk')], 'softBlock');
    expect(d.allowEvent).toBe(false);
    expect(d.errorMessage).toMatch(/Also check 1 warning/);
  });

  it('asks about warnings too in promptUser mode', () => {
    expect(decide([finding('warning')], 'promptUser').allowEvent).toBe(false);
  });

  it('keeps a long list within 500 characters and says how many more', () => {
    const many = Array.from({ length: 40 }, (_, i) => finding('error', `councillor.number.${i}@westmoor.gov.uk`));
    const text = sendMessage(problemsOf(many), [], true);
    expect(text.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect(text).toMatch(/and \d+ more/);
  });
});

describe('the send-time dialog (defect 14)', () => {
  const f = (rule: Finding['rule'], severity: 'error' | 'warning', evidence: Finding['evidence']): Finding => ({
    rule,
    severity,
    messageId: 'x',
    message: 'm',
    citations: [],
    evidence,
    suggestions: [],
    docs: '',
  });

  it('lists each problem once, by a title that says what is wrong, and never shows the sender as a recipient', () => {
    const findings = [
      f('letterhead-for-party-matters', 'error', { field: 'from', recipient: 'cllr.ann.lee@westmoor.gov.uk' }),
      f('letterhead-for-party-matters', 'error', { field: 'body', quote: 'Westmoor Borough Council' }),
      f('discourteous-tone', 'error', { field: 'body', quote: 'URGENT' }),
    ];
    const d = decide(findings, 'softBlock');
    expect(d.errorMessage!.match(/Council branding on party or private business/g)).toHaveLength(1);
    expect(d.errorMessage).toContain('Wording that could read as discourteous');
    expect(d.errorMessage).not.toContain('cllr.ann.lee@westmoor.gov.uk');
    expect(d.errorMessage).toMatch(/^Protocol Checker found 2 things to fix before sending:/);
    expect(d.cancelLabel).toBe('Review findings');
    // The taskpane it opens is told which problems stopped the send, and their rules.
    expect(JSON.parse(d.contextData!)).toEqual({ stoppedBy: ['letterhead-for-party-matters|', 'discourteous-tone|'], rules: ['letterhead-for-party-matters', 'discourteous-tone'] });
  });

  it('calls warnings things to check in promptUser mode, and writes Markdown only when asked', () => {
    const d = decide([f('out-of-hours', 'warning', { field: 'date', quote: '2027-04-14T20:30:00.000Z' })], 'promptUser');
    expect(d.errorMessage).toMatch(/found 1 thing to check before sending/);
    expect(d.errorMessage).not.toMatch(/to fix/);
    expect(d.errorMessageMarkdown).toBeUndefined();
    const md = decide([f('out-of-hours', 'warning', { field: 'date' })], 'promptUser', { markdown: true });
    expect(md.errorMessageMarkdown).toContain('- **Arrives outside working hours**');
    expect(md.errorMessageMarkdown!.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
  });
});

describe('dismissals at send time (defect 4)', () => {
  const CLLR_LEE = { displayName: 'Cllr Ann Lee', emailAddress: 'ann.lee@westmoor.gov.uk' };

  it('lets a problem dismissed in the taskpane go, and still stops one that was not dismissed', async () => {
    const stored = JSON.stringify([{ key: 'silent-copy|ravi.shah@westmoor.gov.uk', reason: 'He asked to see the reply' }]);
    const e = event();
    const only = await handleMessageSend(e, { item: item({ bcc: [CLLR_SHAH], sessionData: { protocolCheckDismissed: stored } }).asCompose(), loadPolicy: defaultPolicy });
    expect(only).toEqual({ allowEvent: true });
    const both = await handleMessageSend(event(), { item: item({ bcc: [CLLR_SHAH, CLLR_LEE], sessionData: { protocolCheckDismissed: stored } }).asCompose(), loadPolicy: defaultPolicy });
    expect(both.allowEvent).toBe(false);
    expect(both.errorMessage).toContain('Cllr Ann Lee copied in without saying so');
    expect(both.errorMessage).not.toContain('Ravi Shah');
  });

  it('reads them from custom properties where Outlook has no session data', async () => {
    const stored = JSON.stringify([{ key: 'silent-copy|ravi.shah@westmoor.gov.uk', reason: '' }]);
    const d = await handleMessageSend(event(), { item: item({ bcc: [CLLR_SHAH], sessionData: false, customProperties: { protocolCheckDismissed: stored } }).asCompose(), loadPolicy: defaultPolicy });
    expect(d).toEqual({ allowEvent: true });
  });

  it('does the same in the built script, in a bare vm with only a fake Office', async () => {
    const script = readFileSync(join(inject('siteDir'), 'send-check.js'), 'utf8');
    const run = (fake: FakeComposeItem) => {
      const handlers = new Map<string, (event: unknown) => void>();
      const office = officeNamespace(fake, { actions: { associate: (id: string, fn: (event: unknown) => void) => handlers.set(id, fn) } });
      runInNewContext(script, { Office: office, fetch: async () => new Response('', { status: 404 }), setTimeout, clearTimeout, console: { warn: () => {}, log: () => {}, error: () => {} } });
      return new Promise<{ allowEvent: boolean; errorMessage?: string }>((resolve) => handlers.get('onMessageSendHandler')!({ completed: resolve }));
    };
    const stored = JSON.stringify([{ key: 'silent-copy|ravi.shah@westmoor.gov.uk', reason: 'Asked to be kept informed' }]);
    const fake = () => new FakeComposeItem({ from: OFFICER, to: [CLLR_HART], bcc: [CLLR_SHAH, CLLR_LEE], subject: 'Repairs', body: BODY, sessionData: { protocolCheckDismissed: stored } });
    const blocked = await run(fake());
    expect(blocked.allowEvent).toBe(false);
    expect(blocked.errorMessage).toContain('Cllr Ann Lee');
    expect(blocked.errorMessage).not.toContain('Ravi Shah');
    const onlyDismissed = new FakeComposeItem({ from: OFFICER, to: [CLLR_HART], bcc: [CLLR_SHAH], subject: 'Repairs', body: BODY, sessionData: { protocolCheckDismissed: stored } });
    expect(await run(onlyDismissed)).toEqual({ allowEvent: true });
  });
});
