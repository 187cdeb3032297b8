/**
 * "Send anyway with a reason" in the Outlook taskpane (issue 12, acceptance 2), in real Chromium
 * over the office-js double with internet headers, sendAsync and the initialisation context the
 * send dialog's Review findings passes: the pane opens on the problem that stopped the send,
 * takes a reason by keyboard, seals the `overridden` record into the item's headers and sends;
 * where Outlook cannot send from an add-in it says to select Send again; axe is clean in both
 * states, and nothing leaves the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuditKeyPair, openStamp } from '../../src/audit/seal.ts';
import { axe, launch, openSite, screenshot, type Site } from './harness.ts';
import { WESTMOOR_POLICY } from './fixtures.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const keys = generateAuditKeyPair();
const SHAH_KEY = 'silent-copy|cllr.ravi.shah@westmoor.gov.uk';

/** An officer's reply to a councillor with another councillor in Bcc (a silent copy), sent after hours advice aside. */
const ITEM = {
  from: { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' },
  to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'cllr.jo.hart@westmoor.gov.uk' }],
  bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'cllr.ravi.shah@westmoor.gov.uk' }],
  subject: 'Missed bins in Elm Road',
  body: '<p>Dear Cllr Hart,</p><p>The missed collections in Elm Road will be picked up on Thursday morning.</p><p>Kind regards</p><p>Sam Officer</p>',
  internetHeaders: {},
  // What the send dialog passed when the user selected Review findings.
  initializationContext: JSON.stringify({ stoppedBy: [SHAH_KEY], rules: ['silent-copy'] }),
};

const POLICY = { ...WESTMOOR_POLICY, audit: { publicKey: keys.publicKey, reasons: ['manager-approved', 'urgent'], includeReasonText: true } };

interface ItemState {
  headers: Record<string, string> | undefined;
  sendCalls: number;
  session: Record<string, string>;
}

async function itemState(page: Page): Promise<ItemState> {
  return page.evaluate(() => {
    const i = (window as unknown as { __item: { internetHeaderValues?: Record<string, string>; sendCalls: number; sessionValues: Record<string, string> } }).__item;
    return { headers: i.internetHeaderValues ? { ...i.internetHeaderValues } : undefined, sendCalls: i.sendCalls, session: { ...i.sessionValues } };
  });
}

function record(state: ItemState) {
  const value = state.headers?.['X-Protocol-Checker'];
  if (!value) return undefined;
  const opened = openStamp(value, keys.privateKey);
  return opened.ok ? opened.record : undefined;
}

async function openFromDialog(item: Record<string, unknown>, policy: unknown = POLICY): Promise<Site> {
  const site = await openSite(browser, 'taskpane.html', { policy, officeItem: item, viewport: { width: 320, height: 800 } });
  await site.page.getByRole('heading', { name: 'Your email has not been sent' }).waitFor();
  return site;
}

describe('the taskpane opened from the send dialog', () => {
  it('shows what stopped the send, takes a reason by keyboard, stamps overridden and sends', async () => {
    const site = await openFromDialog({ ...ITEM, sendAsync: true });
    const { page } = site;
    const section = page.getByRole('region', { name: 'Your email has not been sent' });
    // The problem that stopped the send is in the section at the top, and focus is on it.
    await section.locator(`[data-key="${SHAH_KEY}"]`).waitFor();
    expect(await section.innerText()).toContain('Cllr Ravi Shah copied in without saying so');
    await page.waitForFunction((key) => document.activeElement?.closest('article')?.getAttribute('data-key') === key, SHAH_KEY);

    // Keyboard only: open the form, try to send without a reason, then choose one.
    await section.getByRole('button', { name: 'Send anyway with a reason' }).focus();
    await page.keyboard.press('Enter');
    const group = page.getByRole('group', { name: 'Why are you sending it anyway?' });
    await group.waitFor();
    // The council's reasons, then the two always offered.
    expect(await group.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.innerText.trim()))).toEqual([
      'My manager has approved it',
      'It is urgent',
      'This is a false positive: the checker is wrong here',
      'Other',
    ]);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.getByRole('button', { name: 'Send anyway', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose a reason.' }).waitFor();
    expect((await itemState(page)).sendCalls).toBe(0);

    await group.getByRole('radio', { name: 'This is a false positive: the checker is wrong here' }).check();
    // A choice made, the message about making one goes.
    expect(await page.getByText('Choose a reason.').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'taskpane-320-send-anyway-form');
    await page.getByRole('button', { name: 'Send anyway', exact: true }).click();
    await page.getByText('Sent anyway.').waitFor();

    const state = await itemState(page);
    expect(state.sendCalls).toBe(1);
    expect(record(state)).toMatchObject({ outcome: 'overridden', rules: ['silent-copy'], reason: 'false-positive', policy: 'Westmoor Borough Council' });
    // The header tells recipients nothing.
    expect(state.headers!['X-Protocol-Checker']).not.toMatch(/silent|false|shah|westmoor/i);
    // Kept on the item, for the send-time check.
    expect(JSON.parse(state.session.protocolCheckOverride!)).toEqual({ keys: [SHAH_KEY], reason: 'false-positive' });
    expect(site.remoteRequests).toEqual([]);
    await site.context.close();
  });

  it('without sendAsync, records the reason in the user’s own words and says to select Send again', async () => {
    const site = await openFromDialog(ITEM);
    const { page } = site;
    await page.getByRole('button', { name: 'Send anyway with a reason' }).click();
    await page.getByRole('radio', { name: 'Other' }).check();
    // Choosing Other moves focus to the box for the user's words.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.getByRole('button', { name: 'Send anyway', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Write the reason in your own words.' }).waitFor();
    await page.getByLabel('In your own words').fill('The chair asked to see replies on Elm Road');
    await page.getByRole('button', { name: 'Send anyway', exact: true }).click();

    const told = page.getByRole('status').filter({ hasText: 'Select Send again: the checker will let these through.' });
    await told.waitFor();
    // Focus is on what happened, so a screen reader reads it.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Select Send again');
    const state = await itemState(page);
    expect(state.sendCalls).toBe(0);
    expect(record(state)).toMatchObject({ outcome: 'overridden', rules: ['silent-copy'], reason: 'other', reasonText: 'The chair asked to see replies on Elm Road' });
    // The problem is now in the dismissed list, with the reason.
    await page.getByRole('button', { name: 'Show dismissed' }).click();
    await page.getByText('Dismissed: The chair asked to see replies on Elm Road (sent anyway)').waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'taskpane-320-send-again');
    expect(site.remoteRequests).toEqual([]);
    await site.context.close();
  });

  it('without an audit key, still lets the user send anyway and writes no header', async () => {
    const site = await openFromDialog(ITEM, WESTMOOR_POLICY);
    const { page } = site;
    await page.getByRole('button', { name: 'Send anyway with a reason' }).click();
    // Nothing is said about a sealed record when there is none.
    expect(await page.getByText(/sealed/).count()).toBe(0);
    await page.getByRole('radio', { name: 'It is urgent' }).check();
    await page.getByRole('button', { name: 'Send anyway', exact: true }).click();
    await page.getByText('Select Send again: the checker will let these through.').waitFor();
    const state = await itemState(page);
    expect(state.headers).toEqual({});
    expect(JSON.parse(state.session.protocolCheckOverride!)).toEqual({ keys: [SHAH_KEY], reason: 'urgent' });
    await site.context.close();
  });

  it('offers no Send anyway when the policy says block', async () => {
    const site = await openFromDialog({ ...ITEM, sendAsync: true }, { ...POLICY, sendTime: { mode: 'block' } });
    const { page } = site;
    await page.getByText('Your council’s settings do not allow sending with these problems. Fix them, then select Send.').waitFor();
    expect(await page.getByRole('button', { name: 'Send anyway with a reason' }).count()).toBe(0);
    await site.context.close();
  });

  it('Escape closes the form and puts focus back on its button', async () => {
    const site = await openFromDialog(ITEM);
    const { page } = site;
    const opener = page.getByRole('button', { name: 'Send anyway with a reason' });
    await opener.click();
    await page.getByRole('group', { name: 'Why are you sending it anyway?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Send anyway with a reason');
    await site.context.close();
  });
});
