/**
 * Issue 11, the rest of the panel, in real Chromium: "About this rule" opens a page a councillor
 * or officer can read (defect 9); a placeholder the add-in once left in a draft is a problem that
 * must be fixed (acceptance 2); a press release in the Teams tab is spoken of as publicity, not
 * as an email to deliver or send from another account (defect 10).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, openSite } from './harness.ts';
import { WESTMOOR_POLICY } from './fixtures.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const OFFICER = { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' };
const CLLR_HART = { displayName: 'Cllr Jo Hart', emailAddress: 'cllr.jo.hart@westmoor.gov.uk' };
const CLLR_SHAH = { displayName: 'Cllr Ravi Shah', emailAddress: 'cllr.ravi.shah@westmoor.gov.uk' };

describe('rule pages for users (defect 9)', () => {
  it('"About this rule" opens a page in plain words: what is wrong, what it means, what to do, the protocol', async () => {
    const site = await openSite(browser, 'taskpane.html', {
      policy: WESTMOOR_POLICY,
      officeItem: { from: OFFICER, to: [CLLR_HART], bcc: [CLLR_SHAH], subject: 'Bins', body: '<p>Dear Cllr Hart,</p><p>The bins will be emptied on Friday.</p><p>Sam</p>' },
      viewport: { width: 320, height: 800 },
    });
    const card = site.page.locator('[data-rule="silent-copy"]');
    await card.getByRole('button', { name: /Why\?/ }).click();
    const [page] = await Promise.all([site.context.waitForEvent('page'), card.getByRole('link', { name: /About this rule/ }).click()]);
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Councillor copied in without saying so');
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings).toEqual(['What it means', 'For example', 'What is fine', 'What to do', 'The protocol']);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Crawley protocol, paragraph 6.2');
    // None of the developer page: no rule id as title, no severity in code font, no corpus or implementation notes.
    expect(text).not.toMatch(/corpus|How it recognises|catalogue|Configuration/);
    expect(await page.locator('code').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await site.context.close();
  });
});

describe('a leftover placeholder (acceptance 2)', () => {
  it('is a problem to fix before sending, and taking the sentence out leaves the copy to be explained in the card', async () => {
    const site = await openSite(browser, 'taskpane.html', {
      policy: WESTMOOR_POLICY,
      officeItem: {
        from: OFFICER,
        to: [CLLR_HART],
        cc: [CLLR_SHAH],
        subject: 'Bins',
        bodyType: 'text',
        body: 'Dear Cllr Hart,\n\nI have copied in Cllr Ravi Shah because [reason].\n\nThe bins will be emptied on Friday.\n\nSam',
      },
      viewport: { width: 320, height: 800 },
    });
    const gap = site.page.locator('[data-rule="leftover-placeholder"]');
    await gap.waitFor();
    expect(await gap.getAttribute('data-severity')).toBe('error');
    expect(await gap.innerText()).toContain('Gap for your own words not filled in');
    await gap.getByRole('button', { name: /^Apply/ }).click();
    await gap.waitFor({ state: 'detached' });
    const body = await site.page.evaluate(() => (window as unknown as { __item: { bodyValue: string } }).__item.bodyValue);
    expect(body).not.toContain('[reason]');
    expect(body).toContain('The bins will be emptied on Friday.');
    // The copy is undisclosed again: the silent-copy card asks for the reason before it writes anything.
    await site.page.locator('[data-rule="silent-copy"]').waitFor();
    await site.context.close();
  });
});

describe('publicity words in the Teams tab (defect 10)', () => {
  it('speaks of a press release, not an email: no delivery to schedule, no "send from a party account"', async () => {
    const site = await openSite(browser, 'teams.html', { policy: WESTMOOR_POLICY, viewport: { width: 360, height: 780 }, touch: true });
    const page = site.page;
    await page.getByText("Using Westmoor Borough Council's policy.").waitFor();
    // One name for the product everywhere (defect 16): the tab's title too.
    expect(await page.title()).toBe('Protocol Checker');
    await page.getByLabel('Headline', { exact: true }).fill('Vote Labour on 6 May');
    await page.getByLabel('Text', { exact: true }).fill('Vote Labour on 6 May\n\nOur Labour team has delivered for Elm ward. Vote Labour on 6 May to keep it that way.\n\nEnds');
    await page.getByLabel('To', { exact: true }).fill('Cllr Jo Hart <cllr.jo.hart@westmoor.gov.uk>');
    await page.getByLabel('From', { exact: true }).fill('sam.officer@westmoor.gov.uk');
    // Tuesday 9 February 2027, 21:30: outside working hours, before the election period.
    await page.getByLabel('Publication date', { exact: true }).fill('2027-02-09T21:30');
    const findings = page.locator('#findings');
    await findings.locator('[data-rule="letterhead-for-party-matters"]').waitFor();
    await findings.locator('[data-rule="out-of-hours"]').waitFor();
    const why = findings.getByRole('button', { name: /Why\?/ });
    while ((await why.count()) > 0) await why.first().click();
    const text = await findings.innerText();
    expect(text).toContain('This press release');
    expect(text).not.toMatch(/this email|Schedule delivery|party or personal account|send it when/i);
    expect(await findings.getByRole('button', { name: /Schedule delivery/ }).count()).toBe(0);
    await site.context.close();
  });
});
