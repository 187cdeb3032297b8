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
import { applyDisclosure } from './actions.ts';

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

    await applyDisclosure(card);
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

  it('Undo after more typing takes out only the fix and keeps the typing (defect 1)', async () => {
    const site = await openTaskpane();
    const { page } = site;
    const card = page.locator('[data-rule="silent-copy"]');
    await card.waitFor({ timeout: 3000 });
    await applyDisclosure(card);
    await card.waitFor({ state: 'detached' });
    expect((await item(page)).html).toMatch(/I have copied in Cllr Ravi Shah because he is a ward councillor for the area/);
    // The user writes a new paragraph, and the pane sees it (the poll re-reads the body).
    await page.evaluate(() => {
      const i = (window as unknown as { __item: { bodyValue: string } }).__item;
      i.bodyValue = i.bodyValue.replace(/<p[^>]*>Kind regards<\/p>/, '<p>I will ring you on Friday about the new round.</p>$&');
    });
    await page.waitForTimeout(2000);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(/^Undone: /).waitFor();
    const undone = await item(page);
    expect(undone.html).toContain('I will ring you on Friday about the new round.');
    expect(undone.html).not.toMatch(/I have copied in/);
    expect(undone.html).toContain('<b>Elm Road</b>');
    expect(undone.bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect(undone.cc).toEqual([]);
    await card.waitFor();
    await site.context.close();
  });

  it('withdraws Undo once the words the fix wrote are changed, and never overwrites them (defect 1)', async () => {
    const site = await openTaskpane();
    const { page } = site;
    const card = page.locator('[data-rule="silent-copy"]');
    await card.waitFor({ timeout: 3000 });
    await applyDisclosure(card);
    await card.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await page.evaluate(() => {
      const i = (window as unknown as { __item: { bodyValue: string } }).__item;
      i.bodyValue = i.bodyValue.replace('because he is a ward councillor for the area', 'because he chairs the waste panel');
    });
    await page.getByText(/Undo is no longer offered/).waitFor({ timeout: 4000 });
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    expect((await item(page)).html).toContain('because he chairs the waste panel');
    await site.context.close();
  });

  it('refuses a fix when the body changed after the check, says so, and leaves the draft alone', async () => {
    const site = await openTaskpane();
    const { page } = site;
    const card = page.locator('[data-rule="silent-copy"]');
    await card.waitFor({ timeout: 3000 });
    // The user gives the reason, types at the top of the body, and presses Apply before the next check has run.
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await card.getByRole('radio', { name: 'It concerns their ward' }).check();
    const typed = await page.evaluate(() => {
      const i = (window as unknown as { __item: { bodyValue: string } }).__item;
      i.bodyValue = i.bodyValue.replace('<p>Dear Cllr Hart,</p>', '<p>Dear Cllr Hart, and thank you for Friday,</p>');
      const apply = [...document.querySelectorAll<HTMLButtonElement>('[data-rule="silent-copy"] button')].find((b) => b.textContent === 'Apply');
      apply!.click();
      return i.bodyValue;
    });
    await page.getByText(/^Nothing was changed\. The draft changed after it was checked/).waitFor();
    const after = await item(page);
    expect(after.html).toBe(typed);
    expect(after.setBodyCalls).toBe(0);
    expect(after.bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect(after.cc).toEqual([]);
    // Checked again on the new text, the same fix now goes through.
    await applyDisclosure(card, { choice: 'It concerns their ward' });
    await card.waitFor({ state: 'detached' });
    expect((await item(page)).html).toContain('and thank you for Friday,');
    expect((await item(page)).html).toContain('I have copied in Cllr Ravi Shah because it concerns their ward.');
    expect((await item(page)).cc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    await site.context.close();
  });

  it('re-checks recipients that changed without a RecipientsChanged event', async () => {
    const site = await openTaskpane({ officeItem: { ...ITEM, bcc: [] } });
    const { page } = site;
    await page.getByText('No problems found.', { exact: true }).waitFor();
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

  it('works with the keyboard alone: Apply asks why, then focus stays in the findings and Undo is one Tab away', async () => {
    const site = await openTaskpane();
    const { page } = site;
    await page.locator('[data-rule="silent-copy"]').waitFor({ timeout: 3000 });
    // Tab to the first Apply button and press Enter.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => /^Apply/.test(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(reached, 'an Apply button is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    // The fix asks why the councillor is copied in; focus is on the first reason.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply');
    await page.keyboard.press('Enter');
    await page.locator('[data-rule="silent-copy"]').waitFor({ state: 'detached' });
    expect((await item(page)).cc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect((await item(page)).html).toContain('because it concerns their ward.');
    // Nothing is left to fix: focus is on the summary, and Undo is the next stop.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.querySelector('[data-testid]')?.getAttribute('data-testid'))).toBe('summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await page.locator('[data-rule="silent-copy"]').waitFor();
    expect((await item(page)).bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    await site.context.close();
  });
});

describe('fixes that need the user’s words (defect 2)', () => {
  it('never writes a bracketed placeholder: Apply asks for the reason, and refuses none or a placeholder', async () => {
    const site = await openTaskpane();
    const { page } = site;
    const card = page.locator('[data-rule="silent-copy"]');
    await card.waitFor({ timeout: 3000 });
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    // The card shows the sentence as it will read, and the usual reasons.
    await card.getByText('Your message will say: “I have copied in Cllr Ravi Shah because …”').waitFor();
    expect(await card.getByRole('radio').count()).toBeGreaterThanOrEqual(4);
    await card.getByRole('button', { name: 'Apply', exact: true }).click();
    await card.getByRole('alert').getByText('Choose a reason, or write your own.').waitFor();
    await card.getByRole('radio', { name: 'Something else' }).check();
    await card.getByLabel('In your own words').fill('[reason]');
    await card.getByRole('button', { name: 'Apply', exact: true }).click();
    await card.getByText('Write the reason itself, not a placeholder in square brackets.').waitFor();
    let now = await item(page);
    expect(now.setBodyCalls).toBe(0);
    expect(now.bcc).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    // Escape closes the question and leaves the draft alone.
    await page.keyboard.press('Escape');
    expect(await card.getByRole('radio').count()).toBe(0);
    await applyDisclosure(card, { choice: 'They asked to be kept informed' });
    await card.waitFor({ state: 'detached' });
    now = await item(page);
    expect(now.html).toContain('I have copied in Cllr Ravi Shah because they asked to be kept informed.');
    expect(now.html).not.toMatch(/\[[a-z ]+\]/);
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
