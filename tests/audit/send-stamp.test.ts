/**
 * The override record at send time (issue 12, acceptance 1), through the built send-time
 * script in a bare context (no window, no DOM, no WebCrypto, no TextEncoder), with a fake
 * Office whose item has internet headers (Mailbox 1.8). The stamp is then opened as the
 * monitoring officer would: by `protocol-check audit --key` over the sent mail.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateAuditKeyPair, openStamp } from '../../src/audit/seal.ts';
import { privateKeyFileText } from '../../src/cli/audit-command.ts';
import { runCli } from '../../src/cli/main.ts';
import { FakeComposeItem, type FakeItemOptions, officeNamespace } from '../doubles/office.ts';

const script = readFileSync(join(inject('siteDir'), 'send-check.js'), 'utf8');
const HEADER = 'X-Protocol-Checker';

type Callback = (r: Office.AsyncResult<void>) => void;
const ok = { status: 'succeeded', value: undefined } as unknown as Office.AsyncResult<void>;

/** A compose item with internet headers, as Outlook keeps them for the message being written. */
class ItemWithHeaders extends FakeComposeItem {
  readonly headers = new Map<string, string>();
  readonly internetHeaders = {
    setAsync: (values: Record<string, string>, a?: unknown, b?: unknown) => {
      for (const [k, v] of Object.entries(values)) this.headers.set(k, v);
      queueMicrotask(() => ((typeof a === 'function' ? a : b) as Callback | undefined)?.(ok));
    },
    removeAsync: (names: string[], a?: unknown, b?: unknown) => {
      for (const n of names) this.headers.delete(n);
      queueMicrotask(() => ((typeof a === 'function' ? a : b) as Callback | undefined)?.(ok));
    },
  };
  constructor(options: FakeItemOptions) {
    super(options);
  }
}

const OFFICER = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const HART = { displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' };
const SHAH = { displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' };
const BODY = '<p>Dear Cllr Hart,</p><p>The drainage repairs in Castle Street are booked for Monday.</p><p>Kind regards</p><p>Sam Officer</p>';
const keys = generateAuditKeyPair();
const policyWith = (extra: Record<string, unknown> = {}) => ({ council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] }, audit: { publicKey: keys.publicKey }, ...extra });

/** Press Send once: load the built script in a bare context and run its handler. */
function send(item: ItemWithHeaders, policy: unknown): Promise<{ allowEvent: boolean }> {
  const handlers = new Map<string, (event: unknown) => void>();
  const office = officeNamespace(item, { actions: { associate: (id: string, fn: (event: unknown) => void) => handlers.set(id, fn) } });
  const fetch = async () => new Response(JSON.stringify(policy), { status: 200 });
  runInNewContext(script, { Office: office, fetch, setTimeout, clearTimeout, console: { warn: () => {}, log: () => {}, error: () => {} } }, { filename: 'send-check.js' });
  return new Promise((resolve) => handlers.get('onMessageSendHandler')!({ completed: resolve }));
}

const blockedDraft = () => new ItemWithHeaders({ from: OFFICER, to: [HART], bcc: [SHAH], subject: 'Castle Street drainage', body: BODY });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the send handler stamps a sealed record on a send it stops', () => {
  it('stamps sent-anyway with the rule ids, which protocol-check audit --key opens from the sent mail', async () => {
    const item = blockedDraft();
    const decision = await send(item, policyWith());
    expect(decision.allowEvent).toBe(false);
    const value = item.headers.get(HEADER);
    expect(value).toMatch(/^v=1; [A-Za-z0-9_-]{200,}$/);
    const opened = openStamp(value!, keys.privateKey);
    expect(opened).toMatchObject({ ok: true, record: { outcome: 'sent-anyway', rules: ['silent-copy'], policy: 'Westmoor Borough Council', version: '0.1.0' } });

    // The user pressed Send Anyway: the sent copy carries the header. The monitoring officer's report opens it.
    const dir = mkdtempSync(join(tmpdir(), 'audit-stamp-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'key.txt'), privateKeyFileText(keys.privateKey, keys.publicKey, new Date()));
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policyWith()));
    const eml = [`From: Sam Officer <sam.officer@westmoor.gov.uk>`, 'To: Cllr Jo Hart <jo.hart@westmoor.gov.uk>', 'Bcc: Cllr Ravi Shah <ravi.shah@westmoor.gov.uk>', 'Subject: Castle Street drainage', 'Date: Mon, 12 Apr 2027 09:30:00 +0100', `${HEADER}: ${value}`, 'Content-Type: text/html; charset=utf-8', '', BODY, ''].join('\r\n');
    writeFileSync(join(dir, 'sent.eml'), eml);
    let out = '';
    const code = await runCli(['audit', '--policy', 'policy.json', '--key', 'key.txt', '--format', 'json', 'sent.eml'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {}, cwd: dir });
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ messages: 1, unreadable: 0, stamps: { found: 1, opened: 1 } });
    expect(report.rules['silent-copy']).toMatchObject({ findings: 1, sentAnyway: 1, overridden: 0, falsePositive: 0 });
  });

  it('shows no rule id, council, recipient or draft word in the header to anyone without the key', async () => {
    const item = blockedDraft();
    await send(item, policyWith());
    const value = item.headers.get(HEADER)!.toLowerCase();
    for (const word of ['silent', 'copy', 'sent-anyway', 'westmoor', 'ravi', 'shah', 'hart', 'castle', 'drainage', 'repairs', 'monday']) expect(value).not.toContain(word);
    expect(openStamp(item.headers.get(HEADER)!, generateAuditKeyPair().privateKey).ok).toBe(false);
  });

  it('turns the stamp into "fixed" with the rule that caught the problem when a re-check after the fix finds nothing', async () => {
    const item = blockedDraft();
    await send(item, policyWith());
    expect(openStamp(item.headers.get(HEADER)!, keys.privateKey)).toMatchObject({ ok: true, record: { outcome: 'sent-anyway' } });
    // The user moves the councillor from Bcc to Cc and presses Send again.
    item.bcc.setAsync([]);
    item.cc.setAsync([SHAH]);
    expect(await send(item, policyWith())).toEqual({ allowEvent: true });
    expect(openStamp(item.headers.get(HEADER)!, keys.privateKey)).toMatchObject({ ok: true, record: { outcome: 'fixed', rules: ['silent-copy'] } });
  });

  it('records as fixed only the rules the re-check no longer finds', async () => {
    const item = blockedDraft();
    await send(item, policyWith());
    // Send again unchanged: still stopped, still sent-anyway.
    expect((await send(item, policyWith())).allowEvent).toBe(false);
    expect(openStamp(item.headers.get(HEADER)!, keys.privateKey)).toMatchObject({ ok: true, record: { outcome: 'sent-anyway', rules: ['silent-copy'] } });
  });

  it('puts no stamp on a clean draft', async () => {
    const item = new ItemWithHeaders({ from: OFFICER, to: [HART], subject: 'Castle Street drainage', body: BODY });
    expect(await send(item, policyWith())).toEqual({ allowEvent: true });
    expect(item.headers.size).toBe(0);
  });

  it('puts no stamp on any mail when the policy has no audit key', async () => {
    const item = blockedDraft();
    const decision = await send(item, { council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] } });
    expect(decision.allowEvent).toBe(false);
    expect(item.headers.size).toBe(0);
  });

  it('puts no stamp on mail that block mode will not let go', async () => {
    const item = blockedDraft();
    const decision = await send(item, policyWith({ sendTime: { mode: 'block' } }));
    expect(decision.allowEvent).toBe(false);
    expect(item.headers.size).toBe(0);
  });

  it('never puts free text in a send-time record, even where the policy allows reason text', async () => {
    const item = blockedDraft();
    await send(item, policyWith({ audit: { publicKey: keys.publicKey, includeReasonText: true } }));
    const opened = openStamp(item.headers.get(HEADER)!, keys.privateKey);
    expect(opened.ok && Object.keys(opened.record).sort()).toEqual(['checkedAt', 'outcome', 'policy', 'rules', 'version']);
  });
});
