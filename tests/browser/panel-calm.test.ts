/**
 * The panel at the moment of action, in real Chromium over the office-js double: a draft with
 * nine problems fits about two screens at 320 px, one card per problem; after Apply or Dismiss
 * by keyboard the page does not move and focus is on the next problem; a dismissal is kept on
 * the item, so it is still there when the pane is opened again; axe is clean in three themes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, openSite, screenshot, type Site, type SiteOptions } from './harness.ts';
import { WESTMOOR_POLICY } from './fixtures.ts';
import { openDismiss } from './actions.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * An officer's late-evening email to a councillor's personal address, with a councillor in Bcc
 * and another at a personal address in Cc, a shouted line, a release that praises a councillor
 * in the pre-election period, exempt information going to the press, and a resident's email
 * forwarded: nine problems, each on its own card.
 */
const BUSY_ITEM = {
  from: { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' },
  to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart.home@gmail.com' }],
  cc: [
    { displayName: 'Cllr Ann Lee', emailAddress: 'ann.lee.oak@gmail.com' },
    { displayName: 'News desk', emailAddress: 'news@westmoorgazette.co.uk' },
  ],
  bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'cllr.ravi.shah@westmoor.gov.uk' }],
  subject: 'News release: new play area opens in Elm Park',
  bodyType: 'text' as const,
  body: "Dear Cllr Hart,\n\nHere is the news release for tomorrow.\n\nEnds\n\nSam Officer\nWestmoor Borough Council THIS IS COMPLETELY UNACCEPTABLE AND YOU MUST SIGN IT OFF TONIGHT.\n\nNews release\n\nNew play area opens in Elm Park\n\nA new play area opened in Elm Park today. Cllr Jo Hart said: \"This is a great day for families in Elm and shows what Labour has delivered.\"\n\nThe attached report is exempt information under Part 1 of Schedule 12A and is marked confidential.\n\nMrs Patel's complaint is below.\n\n-----Original Message-----\nFrom: Mary Patel <mary.patel@hotmail.co.uk>\nSent: 12 April 2027 09:14\nTo: Westmoor Council <contact@westmoor.gov.uk>\nSubject: Elm Park noise\n\nI live at 12 Elm Road and the building work starts at 6am every day. Please keep my details private.\n\nMary Patel",
};
/** Wednesday 14 April 2027, 21:30 in London: in the election period, outside working hours. */
const LATE = '2027-04-14T20:30:00Z';

async function openBusy(options: Partial<SiteOptions> = {}): Promise<Site> {
  const site = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: BUSY_ITEM, viewport: { width: 320, height: 800 }, now: LATE, ...options });
  await site.page.locator('[data-rule="out-of-hours"]').waitFor();
  return site;
}

const cardKeys = (page: Page) => page.locator('article[data-key]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-key')));
const focusedCard = (page: Page) => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-key') ?? document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

describe('compact cards (defects 5 and 6)', () => {
  it('shows nine problems on nine cards, each title once, within 2.2 screens at 320 px', async () => {
    const site = await openBusy();
    const { page } = site;
    const keys = await cardKeys(page);
    expect(keys.length).toBe(9);
    expect(new Set(keys).size).toBe(keys.length);
    const titles = await page.locator('.pc-card-heading').allInnerTexts();
    expect(new Set(titles).size).toBe(titles.length);
    // At most one primary button per card.
    for (const card of await page.locator('article[data-key]').all()) expect(await card.locator('.pc-button-primary').count()).toBeLessThanOrEqual(1);
    await screenshot(page, 'taskpane-320-nine-problems');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `page height ${height} px`).toBeLessThanOrEqual(2.2 * 800);
    // The sticky summary says how many of each and jumps to the group.
    expect(await page.getByTestId('summary').innerText()).toMatch(/^5 must fix, 3 to check, 1 piece of advice\.$/);
    await page.getByRole('link', { name: '3 to check' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pc-group-warning');
    // Why? opens the evidence, with dates as people write them.
    const late = page.locator('[data-rule="out-of-hours"]');
    await late.getByRole('button', { name: /^Why\?/ }).click();
    expect(await late.innerText()).toContain('Wednesday 14 April 2027 at 21:30');
    expect(await late.innerText()).not.toContain('2027-04-14T');
    await site.context.close();
  });

  for (const [name, options, theme] of [
    ['light', {}, 'light'],
    ['dark', { officeTheme: { bodyBackgroundColor: '#262626' } }, 'dark'],
    ['high contrast', { forcedColors: 'active' as const }, 'highContrast'],
  ] as const) {
    it(`has no axe violations with nine problems in ${name}`, async () => {
      const site = await openBusy(options);
      expect(await site.page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(theme);
      await site.page.locator('[data-rule="out-of-hours"]').getByRole('button', { name: /^Why\?/ }).click();
      expect(await axe(site.page)).toEqual([]);
      await site.page.evaluate(() => window.scrollTo(0, 0));
      // Written to test-artifacts; docs/screenshots/taskpane-320-nine-problems-*.png are copies of these.
      await screenshot(site.page, `taskpane-320-nine-problems-${theme}`);
      await site.context.close();
    });
  }
});

describe('focus and scroll after acting (defect 3, acceptance 5)', () => {
  it('keyboard only: after Dismiss and after Apply the page stays put and focus is on the next problem', async () => {
    const site = await openBusy();
    const { page } = site;
    const keys = await cardKeys(page);
    // Read down to the fourth card, then act on it from the keyboard.
    const fourth = page.locator('article[data-key]').nth(3);
    await fourth.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await fourth.getByRole('button', { name: /^Why\?/ }).focus();
    await page.keyboard.press('Enter');
    await fourth.getByRole('button', { name: /^Dismiss/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Cleared with the Monitoring Officer');
    await page.keyboard.press('Tab');
    // The user reads the card from its top (just under the sticky summary) as they confirm.
    await fourth.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 140));
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator(`article[data-key="${keys[3]}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction((k) => document.activeElement?.closest('article')?.getAttribute('data-key') === k, keys[4]);
    expect(await page.evaluate(() => window.scrollY)).toBe(y);
    expect(await page.getByTestId('summary').innerText()).toContain('1 dismissed');

    // Apply the main fix of the card that now has focus (it takes the news desk out of Cc).
    const next = page.locator(`article[data-key="${keys[4]}"]`);
    const y2 = await page.evaluate(() => window.scrollY);
    await next.locator('.pc-button-primary').focus();
    await page.keyboard.press('Enter');
    await next.waitFor({ state: 'detached' });
    await page.waitForFunction((k) => document.activeElement?.closest('article')?.getAttribute('data-key') === k, keys[5]);
    expect(await page.evaluate(() => window.scrollY)).toBe(y2);
    expect(await focusedCard(page)).toBe(keys[5]);
    await site.context.close();
  });

  it('Escape closes the Dismiss form and puts focus back on Dismiss', async () => {
    const site = await openBusy();
    const { page } = site;
    const card = page.locator('article[data-key]').first();
    await openDismiss(card);
    await page.keyboard.press('Escape');
    expect(await card.locator('textarea').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Dismiss/);
    await site.context.close();
  });
});

describe('dismissals that stick (defect 4, acceptance 4)', () => {
  it('a dismissal is kept on the item: closed and opened again, the pane still has it dismissed, with its reason', async () => {
    const ITEM = { ...BUSY_ITEM, to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'cllr.jo.hart@westmoor.gov.uk' }], cc: [], body: 'Dear Cllr Hart,\n\nThe bins in Elm Road will be collected on Thursday.\n\nKind regards\n\nSam Officer', subject: 'Bins' };
    const first = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: ITEM, viewport: { width: 320, height: 800 } });
    const card = first.page.locator('[data-rule="silent-copy"]');
    await card.waitFor();
    await openDismiss(card);
    await first.page.getByLabel('Reason (optional)').fill('He asked to see the reply');
    await first.page.getByRole('button', { name: 'Dismiss finding' }).click();
    await card.waitFor({ state: 'detached' });
    const stored = await first.page.evaluate(() => (window as unknown as { __item: { sessionValues: Record<string, string> } }).__item.sessionValues);
    expect(Object.keys(stored)).toEqual(['protocolCheckDismissed']);
    await first.context.close();

    // The pane is opened again on the same draft: Outlook still holds the item's session data.
    const again = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: { ...ITEM, sessionData: stored }, viewport: { width: 320, height: 800 } });
    await again.page.getByText('No problems found. 1 dismissed.').waitFor();
    expect(await again.page.locator('[data-rule="silent-copy"]').count()).toBe(0);
    await again.page.getByRole('button', { name: 'Show dismissed' }).click();
    await again.page.getByText('Cllr Ravi Shah copied in without saying so — Dismissed: He asked to see the reply').waitFor();
    // Restore brings it back and puts focus on it.
    await again.page.getByRole('button', { name: /^Restore/ }).click();
    await again.page.locator('[data-rule="silent-copy"]').waitFor();
    await again.page.waitForFunction(() => document.activeElement?.closest('article')?.getAttribute('data-rule') === 'silent-copy');
    await again.context.close();

    // Another draft starts with nothing dismissed.
    const other = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: ITEM, viewport: { width: 320, height: 800 } });
    await other.page.locator('[data-rule="silent-copy"]').waitFor();
    await other.context.close();
  });
});

describe('a new problem does not move the card being read (defect 12)', () => {
  it('keeps the card under the pointer where it was when a more severe problem appears above it', async () => {
    const site = await openBusy();
    const { page } = site;
    const target = page.locator('[data-rule="out-of-hours"]');
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const before = await target.evaluate((el) => el.getBoundingClientRect().top);
    // The user puts another councillor in Bcc: a new "must fix" card, above the one being read.
    await page.evaluate(() => {
      const i = (window as unknown as { __item: { bcc: { value: { displayName: string; emailAddress: string }[] } } }).__item;
      i.bcc.value.push({ displayName: 'Cllr Ann Lee', emailAddress: 'cllr.ann.lee@westmoor.gov.uk' });
    });
    await page.waitForFunction(() => document.querySelectorAll('article[data-key]').length === 10, undefined, { timeout: 5000 }).catch(() => undefined);
    const count = await page.locator('article[data-key]').count();
    expect(count, 'a new card appeared').toBe(10);
    expect(Math.abs((await target.evaluate((el) => el.getBoundingClientRect().top)) - before)).toBeLessThanOrEqual(1);
    await site.context.close();
  });
});

describe('honest states (defects 8 and 11)', () => {
  it('asks a blank draft to start writing, and never calls it compliant', async () => {
    const site = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: { body: '', subject: '', to: [] }, viewport: { width: 320, height: 800 } });
    await site.page.getByText('Start writing, and Protocol Checker will read your draft as you go.').waitFor();
    expect(await site.page.getByText(/keeps to the protocol|No problems found/).count()).toBe(0);
    await site.context.close();
  });

  it('says what happened when the check cannot run, and offers Try again', async () => {
    const site = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: { body: '<p>Hello</p>', throwOnRead: true }, viewport: { width: 320, height: 800 } });
    await site.page.getByText('The check could not run on this draft. Your draft has not been changed.').waitFor();
    await site.page.getByRole('button', { name: 'Try again' }).waitFor();
    await site.context.close();
  });

  it('tells most users one plain line about a broken policy, with the detail behind a disclosure', async () => {
    const site = await openSite(browser, 'taskpane.html', { files: { 'policy.json': '{ "council": ' }, officeItem: { body: '<p>Hello</p>' }, viewport: { width: 320, height: 800 } });
    await site.page.getByText('Your council’s settings could not all be read, so some council-specific checks may be off. Tell your IT team.').waitFor();
    const detail = site.page.getByText(/policy\.json could not be used/);
    expect(await detail.isVisible()).toBe(false);
    await site.page.getByText('Details for the monitoring officer').click();
    expect(await detail.isVisible()).toBe(true);
    await site.context.close();
  });
});

describe('opened from the send dialog (defect 14)', () => {
  it('opens on the problem that stopped the send', async () => {
    const site = await openBusy({ officeItem: { ...BUSY_ITEM, initializationContext: JSON.stringify({ stoppedBy: ['confidential-information|'] }) } });
    await site.page.waitForFunction(() => document.activeElement?.closest('article')?.getAttribute('data-rule') === 'confidential-information');
    const inView = await site.page.locator('[data-rule="confidential-information"]').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await site.context.close();
  });
});
