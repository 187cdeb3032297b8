/**
 * The Outlook compose taskpane in real Chromium, over the office-js double (served in place of
 * Microsoft's office.js): it reads the item, shows the finding, and Apply moves a Bcc'd
 * councillor to Cc and adds the disclosure to the HTML body with its bold text, link and
 * signature intact; a fix computed on text the user has since changed is refused with a visible
 * message and the body left alone; edits to the body are noticed without any event; keyboard
 * only; axe clean in Office's light and dark themes and in high contrast; screenshots at 320 and
 * 800 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axe, launch, openSite, screenshot, type Site, type SiteOptions } from './harness.ts';
import { WESTMOOR_POLICY } from './fixtures.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SIGNATURE = '<table class="sig" style="border-top:1px solid #036"><tr><td><b>Sam Officer</b><br>Waste Officer<br>Westmoor Borough Council</td></tr></table>';
const LINK = '<a href="https://www.westmoor.gov.uk/bins">our collections page</a>';
const BODY = [
  '<div>',
  '<p>Dear Cllr Hart,</p>',
  `<p>The missed collections in <b>Elm Road</b> will be picked up on <b>Thursday morning</b>. The new round is on ${LINK}.</p>`,
  '<p>Kind regards</p>',
  SIGNATURE,
  '</div>',
].join('');

/** An officer writing to a councillor with another councillor in Bcc: a silent copy. */
const ITEM = {
  from: { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' },
  to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'cllr.jo.hart@westmoor.gov.uk' }],
  bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'cllr.ravi.shah@westmoor.gov.uk' }],
  subject: 'Missed bins in Elm Road',
  body: BODY,
};

interface ItemView {
  to: string[];
  cc: string[];
  bcc: string[];
  html: string;
  setBodyCalls: number;
}

/** What the compose item holds now, read from the double. */
async function item(page: Page): Promise<ItemView> {
  return page.evaluate(() => {
    type R = { emailAddress: string };
    const i = (window as unknown as { __item: { to: { value: R[] }; cc: { value: R[] }; bcc: { value: R[] }; bodyValue: string; setBodyCalls: number } }).__item;
    const emails = (list: R[]) => list.map((r) => r.emailAddress);
    return { to: emails(i.to.value), cc: emails(i.cc.value), bcc: emails(i.bcc.value), html: i.bodyValue, setBodyCalls: i.setBodyCalls };
  });
}

async function openTaskpane(options: Partial<SiteOptions> = {}): Promise<Site> {
  const site = await openSite(browser, 'taskpane.html', { policy: WESTMOOR_POLICY, officeItem: ITEM, viewport: { width: 320, height: 800 }, ...options });
  await site.page.getByText("Using Westmoor Borough Council's policy.").waitFor();
  return site;
}

describe('the Outlook taskpane', () => {
  it("moves a Bcc'd councillor to Cc and adds the disclosure to the HTML body, keeping its formatting", async () => {
    const site = await openTaskpane();
    const { page } = site;
    const card = page.locator('[data-rule="silent-copy"][data-severity="error"]');
    await card.waitFor({ timeout: 3000 });
    expect(await card.innerText()).toContain('Ravi Shah');
    await screenshot(page, 'taskpane-320-silent-copy');

    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await card.waitFor({ state: 'detached' });
    const after = await item(page);
    expect(after.bcc).toEqual([]);
    expect(after.cc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect(after.to).toEqual(['cllr.jo.hart@westmoor.gov.uk']);
    // The disclosure is in the HTML body, and the bold text, the link and the signature table are as they were.
    expect(after.html).toMatch(/Ravi Shah/);
    expect(after.html).toContain('<b>Elm Road</b>');
    expect(after.html).toContain('<b>Thursday morning</b>');
    expect(after.html).toContain(LINK);
    expect(after.html).toContain(SIGNATURE);
    // Told what happened, with Undo; nothing went anywhere but the site and office.js.
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    expect(site.remoteRequests).toEqual([]);

    // Undo puts the councillor back in Bcc and the body back as it was (Outlook's own markup aside).
    await page.getByRole('button', { name: 'Undo' }).click();
    await card.waitFor();
    const undone = await item(page);
    expect(undone.bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect(undone.cc).toEqual([]);
    expect(undone.html).not.toMatch(/Ravi Shah/);
    await site.context.close();
  });

  it('refuses a fix when the body changed after the check, says so, and leaves the draft alone', async () => {
    const site = await openTaskpane();
    const { page } = site;
    const card = page.locator('[data-rule="silent-copy"]');
    await card.waitFor({ timeout: 3000 });
    // The user types at the top of the body, and presses Apply before the next check has run.
    const typed = await page.evaluate(() => {
      const i = (window as unknown as { __item: { bodyValue: string } }).__item;
      i.bodyValue = i.bodyValue.replace('<p>Dear Cllr Hart,</p>', '<p>Dear Cllr Hart, and thank you for Friday,</p>');
      const apply = [...document.querySelectorAll<HTMLButtonElement>('[data-rule="silent-copy"] button')].find((b) => b.textContent?.startsWith('Apply'));
      apply!.click();
      return i.bodyValue;
    });
    await page.getByText(/^This change was not made: The draft changed after it was checked/).waitFor();
    const after = await item(page);
    expect(after.html).toBe(typed);
    expect(after.setBodyCalls).toBe(0);
    expect(after.bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect(after.cc).toEqual([]);
    // Checked again on the new text, the same fix now goes through.
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await card.waitFor({ state: 'detached' });
    expect((await item(page)).html).toContain('and thank you for Friday,');
    expect((await item(page)).cc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    await site.context.close();
  });

  it('re-checks recipients that changed without a RecipientsChanged event', async () => {
    const site = await openTaskpane({ officeItem: { ...ITEM, bcc: [] } });
    const { page } = site;
    await page.getByText('Nothing found: this draft keeps to the protocol.').waitFor();
    // The user adds a councillor's personal address (no RecipientsChanged: an address-book pick).
    await page.evaluate(() => {
      const i = (window as unknown as { __item: { cc: { value: { displayName: string; emailAddress: string }[] } } }).__item;
      i.cc.value.push({ displayName: 'Ann Lee', emailAddress: 'ann.lee.oak@gmail.com' });
    });
    await page.locator('[data-rule="personal-email"]').waitFor({ timeout: 4000 });
    await site.context.close();
  });

  it('follows Office when the user switches it to a dark theme', async () => {
    const site = await openTaskpane();
    const { page } = site;
    await page.locator('[data-rule="silent-copy"]').waitFor({ timeout: 3000 });
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('light');
    await page.evaluate(() =>
      (window as unknown as { Office: { fireMailboxEvent(type: string, args: unknown): void } }).Office.fireMailboxEvent('officeThemeChanged', {
        officeTheme: { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#2b2b2b', controlForegroundColor: '#ffffff' },
      }),
    );
    await page.locator('[data-theme="dark"]').waitFor();
    // The finding is still there, and nothing was re-applied or lost.
    expect(await page.locator('[data-rule="silent-copy"]').count()).toBe(1);
    await site.context.close();
  });

  it('works with the keyboard alone', async () => {
    const site = await openTaskpane();
    const { page } = site;
    await page.locator('[data-rule="silent-copy"]').waitFor({ timeout: 3000 });
    // Tab to the first Apply button and press Enter.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => /^Apply/.test(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(reached, 'an Apply button is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-rule="silent-copy"]').waitFor({ state: 'detached' });
    expect((await item(page)).cc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    // Focus moved to the result, whose Undo is the next stop.
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toMatch(/Applied|Undo/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await page.locator('[data-rule="silent-copy"]').waitFor();
    expect((await item(page)).bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    await site.context.close();
  });
});

describe('accessibility and looks of the taskpane', () => {
  const themes: { name: string; options: Partial<SiteOptions>; theme: string }[] = [
    { name: 'light', options: {}, theme: 'light' },
    { name: "Office's dark theme", options: { officeTheme: { bodyBackgroundColor: '#262626' } }, theme: 'dark' },
    { name: 'high contrast', options: { forcedColors: 'active' }, theme: 'highContrast' },
  ];
  for (const t of themes) {
    it(`has no axe violations in ${t.name}, with a finding showing`, async () => {
      const site = await openTaskpane(t.options);
      await site.page.locator('[data-rule="silent-copy"]').waitFor({ timeout: 3000 });
      expect(await site.page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(t.theme);
      expect(await axe(site.page)).toEqual([]);
      await screenshot(site.page, `taskpane-320-${t.theme}`);
      await site.context.close();
    });
  }

  it('fits 320 px without sideways scrolling, and takes an 800 px screenshot', async () => {
    const site = await openTaskpane();
    await site.page.locator('[data-rule="silent-copy"]').waitFor({ timeout: 3000 });
    expect(await site.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await site.page.setViewportSize({ width: 800, height: 800 });
    await screenshot(site.page, 'taskpane-800-silent-copy');
    await site.context.close();
  });
});
