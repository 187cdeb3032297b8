/**
 * The built send-time script as Outlook's JavaScript-only runtime would load it: one classic
 * script in a bare context with only an `Office` global (no window, no document, no DOM).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, inject, it, vi } from 'vitest';
import { TEST_BASE_URL } from '../global-setup.ts';
import { FakeComposeItem, officeNamespace } from '../doubles/office.ts';
import { validateManifest } from '../../scripts/manifest-schema.ts';

const SITE_DIR = inject('siteDir');
const script = readFileSync(join(SITE_DIR, 'send-check.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(SITE_DIR, 'manifest.json'), 'utf8'));

function load(item: FakeComposeItem, fetchImpl: (url: string) => Promise<Response>) {
  const associations = new Map<string, (event: unknown) => void>();
  const office = officeNamespace(item, { actions: { associate: (id: string, fn: (event: unknown) => void) => associations.set(id, fn) } });
  const context = { Office: office, fetch: fetchImpl, setTimeout, clearTimeout, console: { warn: () => {}, log: () => {}, error: () => {} } };
  runInNewContext(script, context, { filename: 'send-check.js' });
  return associations;
}

const notFound = async (_url: string) => new Response('', { status: 404 });
const OFFICER = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const BODY = '<p>Dear Cllr Hart,</p><p>The repairs are booked for Monday.</p><p>Kind regards</p><p>Sam Officer</p>';

function runSend(item: FakeComposeItem, fetchImpl: (url: string) => Promise<Response> = notFound) {
  const handlers = load(item, fetchImpl);
  const completed = vi.fn();
  return new Promise<unknown>((resolve) => {
    completed.mockImplementation((options: unknown) => resolve(options));
    handlers.get('onMessageSendHandler')!({ completed });
  });
}

describe('the built send-time script', () => {
  it('is a classic script with no module syntax and no DOM or React reference', () => {
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    expect(script).not.toMatch(/\b(document|window|localStorage|DOMParser)\s*\./);
    expect(script).not.toMatch(/react-dom|React\.createElement|__REACT|\buseState\b/);
  });

  it('sits at the path the manifest names, and the manifest validates', () => {
    const runtime = manifest.extensions[0].runtimes.find((r: { id: string }) => r.id === 'send_runtime');
    expect(runtime.code.script).toBe(`${TEST_BASE_URL}send-check.js`);
    expect(validateManifest(manifest)).toEqual([]);
  });

  it("registers the manifest's action at the top level", () => {
    const handlers = load(new FakeComposeItem({ body: BODY }), notFound);
    const actionIds = manifest.extensions[0].runtimes.flatMap((r: { actions: { id: string; type: string }[] }) => r.actions.filter((a) => a.type === 'executeFunction').map((a) => a.id));
    expect([...handlers.keys()]).toEqual(actionIds);
  });

  it("blocks a draft that Bccs a councillor", async () => {
    const item = new FakeComposeItem({ from: OFFICER, to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' }], bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' }], body: BODY });
    const options = (await runSend(item)) as { allowEvent: boolean; errorMessage: string };
    expect(options.allowEvent).toBe(false);
    // The dialog names the councillor as people do; the address is in the pane.
    expect(options.errorMessage).toContain('Cllr Ravi Shah copied in without saying so');
  });

  it('lets a clean draft go', async () => {
    const item = new FakeComposeItem({ from: OFFICER, to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' }], body: BODY });
    expect(await runSend(item)).toEqual({ allowEvent: true });
  });

  it('lets the mail go when the item throws', async () => {
    const item = new FakeComposeItem({ body: BODY, throwOnRead: true });
    expect(await runSend(item)).toEqual({ allowEvent: true });
  });

  it("reads the council's policy.json from the absolute base URL", async () => {
    const requested: string[] = [];
    const policy = { council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] }, sendTime: { mode: 'off' } };
    const item = new FakeComposeItem({ from: OFFICER, to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' }], bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' }], body: BODY });
    const options = await runSend(item, async (url: string) => {
      requested.push(url);
      return new Response(JSON.stringify(policy), { status: 200 });
    });
    expect(requested).toEqual([`${TEST_BASE_URL}policy.json`]);
    expect(options).toEqual({ allowEvent: true });
  });
});
