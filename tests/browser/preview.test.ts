/**
 * The browser preview in real Chromium: for each mission rule, a breaching draft shows its card
 * within a second of the last keystroke, and Apply makes the card go and changes the draft as
 * the catalogue's fix says. Also: keyboard-only use, Undo, axe in three themes, screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { applyDisclosure, openDismiss } from './actions.ts';
import { axe, launch, openSite, screenshot } from './harness.ts';
import { LETTERHEAD, PERSONAL_EMAIL, PRE_ELECTION, SILENT_COPY, WESTMOOR_POLICY, type PageDraft } from './fixtures.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const FIELDS = ['From', 'To', 'Cc', 'Bcc', 'Subject', 'Send date', 'Body'] as const;

async function open(width = 1000) {
  const site = await openSite(browser, 'preview.html', { policy: WESTMOOR_POLICY, viewport: { width, height: 1000 } });
  await site.page.getByText("Using Westmoor Borough Council's policy.").waitFor();
  return site;
}

/** Fill every field, typing the body's last characters as keystrokes; returns when the last key went in. */
async function typeDraft(page: Page, draft: PageDraft): Promise<number> {
  for (const name of FIELDS.filter((f) => f !== 'Body')) {
    const value = draft[name as keyof PageDraft];
    if (value) await page.getByLabel(name, { exact: true }).fill(value);
  }
  const body = page.getByLabel('Body', { exact: true });
  await body.fill(draft.Body.slice(0, -12));
  await body.pressSequentially(draft.Body.slice(-12));
  return Date.now();
}

async function fields(page: Page): Promise<Record<(typeof FIELDS)[number], string>> {
  const out = {} as Record<(typeof FIELDS)[number], string>;
  for (const name of FIELDS) out[name] = await page.getByLabel(name, { exact: true }).inputValue();
  return out;
}

async function expectCardWithinASecond(page: Page, rule: string, lastKey: number) {
  const card = page.locator(`[data-rule="${rule}"]`).first();
  await card.waitFor({ timeout: 3000 });
  expect(Date.now() - lastKey, 'card shown within one second of the last keystroke').toBeLessThan(1000);
  return card;
}

describe('the browser preview', () => {
  it('silent-copy: moves the Bcc’d councillor to Cc and says so in the body', async () => {
    const { page, context, remoteRequests } = await open();
    const card = await expectCardWithinASecond(page, 'silent-copy', await typeDraft(page, SILENT_COPY));
    expect(await card.getAttribute('data-severity')).toBe('error');
    await screenshot(page, 'preview-800-silent-copy');
    await applyDisclosure(card);
    await page.locator('[data-rule="silent-copy"]').waitFor({ state: 'detached' });
    const after = await fields(page);
    expect(after.Bcc).toBe('');
    expect(after.Cc).toContain('cllr.ravi.shah@westmoor.gov.uk');
    expect(after.Body).toMatch(/Ravi Shah/);
    expect(after.Body).toContain('The missed collections in Elm Road');
    expect(remoteRequests).toEqual([]);
    await context.close();
  });

  it("personal-email: replaces the councillor's personal address with the council one", async () => {
    const { page, context } = await open();
    const card = await expectCardWithinASecond(page, 'personal-email', await typeDraft(page, PERSONAL_EMAIL));
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await page.locator('[data-rule="personal-email"]').waitFor({ state: 'detached' });
    const after = await fields(page);
    expect(after.To).toContain('cllr.jo.hart@westmoor.gov.uk');
    expect(after.To).not.toContain('gmail.com');
    await context.close();
  });

  it('letterhead-for-party-matters: takes the council signature off a party email', async () => {
    const { page, context } = await open();
    const card = await expectCardWithinASecond(page, 'letterhead-for-party-matters', await typeDraft(page, LETTERHEAD));
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await page.locator('[data-rule="letterhead-for-party-matters"]').waitFor({ state: 'detached' });
    const after = await fields(page);
    expect(after.Body).not.toContain('Westmoor Borough Council');
    expect(after.Body).not.toContain('Town Hall, High Street');
    expect(after.Body).toContain('Can you help us canvass Oak Road');
    await context.close();
  });

  it('pre-election-publicity: replaces the councillor’s attribution with the spokesperson', async () => {
    const { page, context } = await open();
    const card = await expectCardWithinASecond(page, 'pre-election-publicity', await typeDraft(page, PRE_ELECTION));
    expect(await card.getAttribute('data-severity')).toBe('error');
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await page.locator('[data-rule="pre-election-publicity"][data-severity="error"]').waitFor({ state: 'detached' });
    const after = await fields(page);
    expect(after.Body).not.toMatch(/Cllr Jo Hart said/);
    expect(after.Body.toLowerCase()).toContain('a westmoor council spokesperson');
    await context.close();
  });

  it('works with the keyboard alone: reach Apply, apply it, then Undo', async () => {
    const { page, context } = await open();
    await typeDraft(page, SILENT_COPY);
    await page.locator('[data-rule="silent-copy"]').waitFor();
    // Tab from the body until an Apply button has focus, then press Enter.
    await page.getByLabel('Body', { exact: true }).focus();
    let name = '';
    for (let i = 0; i < 40 && !name.startsWith('Apply'); i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    }
    expect(name).toMatch(/^Apply/);
    await page.keyboard.press('Enter');
    // Why the councillor is copied in: the first reason, then Apply.
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-rule="silent-copy"]').waitFor({ state: 'detached' });
    expect((await fields(page)).Bcc).toBe('');
    // Focus lands on the summary (nothing is left), whose result line's Undo is the next stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await page.locator('[data-rule="silent-copy"]').waitFor();
    const restored = await fields(page);
    expect(restored.Bcc).toContain('cllr.ravi.shah@westmoor.gov.uk');
    expect(restored.Body).toBe(SILENT_COPY.Body);
    await context.close();
  });

  it('dismisses a finding with a reason, for this draft only', async () => {
    const { page, context } = await open();
    await typeDraft(page, SILENT_COPY);
    const card = page.locator('[data-rule="silent-copy"]');
    await openDismiss(card);
    await page.getByLabel('Reason (optional)').fill('Agreed with the Monitoring Officer');
    await page.getByRole('button', { name: 'Dismiss finding' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByText('1 problem dismissed for this draft').waitFor();
    // Not "keeps to the protocol": the summary says one was dismissed.
    expect(await page.getByTestId('summary').innerText()).toBe('No problems found. 1 dismissed.');
    await context.close();
  });

  it('shows a broken policy file’s problems, naming the file and field, and keeps the current policy', async () => {
    const { page, context } = await open();
    const broken = JSON.stringify({ council: { name: 'Eastfield' }, councillors: [{ name: 'Jane Smith', email: 'jane smith' }] });
    await page.getByLabel('Load a policy file').setInputFiles({ name: 'eastfield.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.getByText(/eastfield\.json: councillors\[0\]\.email/).waitFor();
    await context.close();
  });
});

describe("the policy's rules overrides in the panel", () => {
  it('shows a rule at the severity the policy gives it, and not at all when it is off', async () => {
    const policy = { ...WESTMOOR_POLICY, rules: { 'silent-copy': { severity: 'warning' }, 'personal-email': 'off' } };
    const { page, context } = await openSite(browser, 'preview.html', { policy, viewport: { width: 1000, height: 1000 } });
    await page.getByText("Using Westmoor Borough Council's policy.").waitFor();
    await typeDraft(page, SILENT_COPY);
    const card = page.locator('[data-rule="silent-copy"]');
    await card.waitFor({ timeout: 3000 });
    expect(await card.getAttribute('data-severity')).toBe('warning');
    expect(await page.getByTestId('summary').innerText()).toBe('1 to check.');

    // The same personal-address draft that shows a card under the council's usual policy.
    await page.getByLabel('Bcc', { exact: true }).fill('');
    await typeDraft(page, PERSONAL_EMAIL);
    await page.getByText('No problems found.', { exact: true }).waitFor();
    expect(await page.locator('[data-rule="personal-email"]').count()).toBe(0);
    await context.close();
  });
});

describe('accessibility of the preview', () => {
  for (const [theme, opts] of [
    ['light', { colorScheme: 'light' as const }],
    ['dark', { colorScheme: 'dark' as const }],
    ['highContrast', { forcedColors: 'active' as const }],
  ] as const) {
    it(`has no axe violations in the ${theme} theme, with findings showing`, async () => {
      const site = await openSite(browser, `preview.html?theme=${theme}`, { policy: WESTMOOR_POLICY, viewport: { width: 1000, height: 1000 }, ...opts });
      await site.page.getByText("Using Westmoor Borough Council's policy.").waitFor();
      await typeDraft(site.page, SILENT_COPY);
      await site.page.locator('[data-rule="silent-copy"]').waitFor();
      expect(await axe(site.page)).toEqual([]);
      await screenshot(site.page, `preview-1000-${theme}`);
      await site.context.close();
    });
  }

  it('fits a 320 px wide pane', async () => {
    const site = await openSite(browser, 'preview.html', { policy: WESTMOOR_POLICY, viewport: { width: 320, height: 900 } });
    await site.page.getByText("Using Westmoor Borough Council's policy.").waitFor();
    await typeDraft(site.page, PRE_ELECTION);
    await site.page.locator('[data-rule="pre-election-publicity"]').first().waitFor();
    const overflow = await site.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(site.page, 'preview-320-pre-election');
    await site.context.close();
  });
});
