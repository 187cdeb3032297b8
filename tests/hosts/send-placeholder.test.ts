/**
 * A leftover placeholder blocks at send (issue 11, acceptance 2): the built send-time script, in a
 * bare vm with only a fake Office, stops an email that still says "because [reason]" and lets
 * the same email go once the reason is written in, or once the user dismissed that finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, inject, it } from 'vitest';
import { FakeComposeItem, officeNamespace } from '../doubles/office.ts';

const OFFICER = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const CLLR_HART = { displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' };
const CLLR_SHAH = { displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' };
const body = (disclosure: string) =>
  `<p>Dear Cllr Hart,</p><p>${disclosure}</p><p>The repairs at 12 Mill Lane are booked for Monday.</p><p>Kind regards</p><p>Sam Officer</p>`;

type Outcome = { allowEvent: boolean; errorMessage?: string };

function sendWithBuiltScript(fake: FakeComposeItem): Promise<Outcome> {
  const script = readFileSync(join(inject('siteDir'), 'send-check.js'), 'utf8');
  const handlers = new Map<string, (event: unknown) => void>();
  const office = officeNamespace(fake, { actions: { associate: (id: string, fn: (event: unknown) => void) => handlers.set(id, fn) } });
  runInNewContext(script, { Office: office, fetch: async () => new Response('', { status: 404 }), setTimeout, clearTimeout, console: { warn: () => {}, log: () => {}, error: () => {} } });
  return new Promise<Outcome>((resolve) => handlers.get('onMessageSendHandler')!({ completed: resolve }));
}

describe('a leftover placeholder at send time (built send-check.js, bare vm)', () => {
  it('stops an email that still says "because [reason]", naming the gap', async () => {
    const fake = new FakeComposeItem({ from: OFFICER, to: [CLLR_HART], cc: [CLLR_SHAH], subject: 'Repairs', body: body('I have copied in Cllr Ravi Shah because [reason].') });
    const outcome = await sendWithBuiltScript(fake);
    expect(outcome.allowEvent).toBe(false);
    expect(outcome.errorMessage).toContain('Gap for your own words not filled in');
  });

  it('lets the same email go once the reason is written in', async () => {
    const fake = new FakeComposeItem({ from: OFFICER, to: [CLLR_HART], cc: [CLLR_SHAH], subject: 'Repairs', body: body('I have copied in Cllr Ravi Shah because the work affects his ward too.') });
    expect(await sendWithBuiltScript(fake)).toEqual({ allowEvent: true });
  });

  it('lets it go when the user dismissed that finding in the taskpane', async () => {
    const stored = JSON.stringify([{ key: 'leftover-placeholder|', reason: 'The brackets are meant' }]);
    const fake = new FakeComposeItem({ from: OFFICER, to: [CLLR_HART], cc: [CLLR_SHAH], subject: 'Repairs', body: body('I have copied in Cllr Ravi Shah because [reason].'), sessionData: { protocolCheckDismissed: stored } });
    expect(await sendWithBuiltScript(fake)).toEqual({ allowEvent: true });
  });
});
