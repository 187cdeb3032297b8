/**
 * The Teams personal tab in real Chromium, inside a double of the Teams web client that speaks
 * teams-js's postMessage protocol (tests/doubles/teams-host.ts): it starts inside Teams with the
 * user's address, follows Teams' theme, fixes a pre-election release, copies the text, fits a
 * phone, and has no axe violations in Teams' three themes. Also opened on its own, outside Teams.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import { ARTIFACTS, launch, openSite, type Site } from './harness.ts';
import { WESTMOOR_POLICY } from './fixtures.ts';
import { openInTeams, TEAMS_VALID_ORIGINS_CDN, type TeamsHostDouble, type TeamsTheme } from '../doubles/teams-host.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A press officer: a council account, so what they issue is council publicity. */
const USER = { userPrincipalName: 'press.office@westmoor.gov.uk', displayName: 'Westmoor Press Office' };

const RELEASE = {
  headline: 'New play area opens in Elm Park',
  text: 'New play area opens in Elm Park\n\nA new play area opened in Elm Park today, with swings, a zip wire and a sensory garden.\n\nCllr Jo Hart said: "This is a great day for families in Elm and shows what we have delivered."\n\nEnds',
  // Inside WESTMOOR_POLICY's pre-election period (26 March to 6 May 2027).
  date: '2027-04-14T10:00',
};

/** The personal tab as the built manifest declares it: what Teams would load. */
function staticTab(): { contentUrl: string; entityId: string } {
  const manifest = JSON.parse(readFileSync(join(inject('siteDir'), 'manifest.json'), 'utf8')) as { staticTabs: { contentUrl: string; entityId: string }[] };
  const tab = manifest.staticTabs[0];
  if (!tab) throw new Error('manifest.json has no staticTabs');
  return tab;
}

interface InTeams extends Site {
  host: TeamsHostDouble;
  tab: Frame;
}

async function openTeams(options: { theme?: TeamsTheme; viewport?: { width: number; height: number }; touch?: boolean } = {}): Promise<InTeams> {
  // about:blank first, so the Teams page's route is in place before anything loads.
  const site = await openSite(browser, 'about:blank', { policy: WESTMOOR_POLICY, viewport: options.viewport ?? { width: 800, height: 900 }, touch: options.touch ?? false });
  const host = await openInTeams(site.context, site.page, { ...staticTab(), theme: options.theme ?? 'default', user: USER });
  const tab = host.tab;
  await tab.getByText("Using Westmoor Borough Council's policy.").waitFor();
  return { ...site, host, tab };
}

async function writeRelease(tab: Frame): Promise<void> {
  await tab.getByLabel('Headline', { exact: true }).fill(RELEASE.headline);
  await tab.getByLabel('Publication date', { exact: true }).fill(RELEASE.date);
  await tab.getByLabel('Text', { exact: true }).fill(RELEASE.text);
}

/** The FluentProvider's theme name and its computed background colour as [r, g, b]. */
async function providerTheme(tab: Frame): Promise<{ theme: string | null; rgb: number[] }> {
  return tab.locator('[data-theme]').first().evaluate((el) => ({
    theme: el.getAttribute('data-theme'),
    rgb: (getComputedStyle(el).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number),
  }));
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
function luminance([r = 0, g = 0, b = 0]: number[]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** harness.axe for a frame: axe-core run in the tab's own document. */
async function axeFrame(frame: Frame): Promise<{ id: string; help: string; targets: string[] }[]> {
  const source = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  await frame.addScriptTag({ content: source });
  return frame.evaluate(async () => {
    type AxeResult = { violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.trim()) }));
  });
}

/** Grow the viewport to the tab's full height, so one screenshot shows the whole tab. */
async function screenshotWholeTab(site: InTeams, width: number, name: string): Promise<string> {
  const height = await site.tab.evaluate(() => document.documentElement.scrollHeight);
  await site.page.setViewportSize({ width, height });
  await site.tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await site.page.screenshot({ path: file });
  return file;
}

describe('dismissals in the Teams tab (defect 4)', () => {
  it('a dismissal belongs to this draft: a new draft starts with nothing dismissed', async () => {
    const site = await openTeams();
    const { tab } = site;
    await writeRelease(tab);
    const card = tab.locator('[data-rule="pre-election-publicity"]').first();
    await card.waitFor();
    await card.getByRole('button', { name: /^Why\?/ }).click();
    await card.getByRole('button', { name: /^Dismiss/ }).click();
    await tab.getByRole('button', { name: 'Dismiss finding' }).click();
    await tab.getByText(/1 dismissed\./).waitFor();
    await tab.getByRole('button', { name: 'Start a new draft' }).click();
    expect(await tab.getByLabel('Text', { exact: true }).inputValue()).toBe('');
    await writeRelease(tab);
    await tab.locator('[data-rule="pre-election-publicity"]').first().waitFor();
    expect(await tab.getByText(/dismissed/).count()).toBe(0);
    await site.context.close();
  });
});

describe('the Teams tab inside Teams', () => {
  it('starts inside Teams with the user’s address and fixes a pre-election release', async () => {
    const site = await openTeams();
    const { tab, host } = site;
    await tab.getByRole('heading', { name: 'Check before you publish' }).waitFor();
    expect(await tab.getByText(/open outside Teams/).count()).toBe(0);
    expect(await tab.getByLabel('From', { exact: true }).inputValue()).toBe(USER.userPrincipalName);
    // It asked Teams what teams-js asks for, and listens for theme changes.
    expect(await host.requests()).toEqual(expect.arrayContaining(['initialize', 'getContext', 'registerHandler']));
    expect((await host.state()).registered).toContain('themeChange');

    await writeRelease(tab);
    const card = tab.locator('[data-rule="pre-election-publicity"][data-severity="error"]');
    await card.waitFor({ timeout: 3000 });
    await card.getByRole('button', { name: /^Apply/ }).first().click();
    await card.waitFor({ state: 'detached' });
    const text = await tab.getByLabel('Text', { exact: true }).inputValue();
    expect(text).not.toContain('Cllr Jo Hart said');
    expect(text.toLowerCase()).toContain('a westmoor council spokesperson');
    expect(text).toContain('A new play area opened in Elm Park today');

    // Nothing left the page but teams-js's own attempt to fetch Microsoft's valid-origins list
    // (refused here; teams-js then uses the list it carries, which names teams.microsoft.com).
    expect(site.remoteRequests).toEqual([TEAMS_VALID_ORIGINS_CDN]);
    await site.context.close();
  });

  it('follows Teams’ theme: default, then dark, then high contrast', async () => {
    const site = await openTeams();
    const { tab, host } = site;
    await host.waitForHandler('themeChange');
    const light = await providerTheme(tab);
    expect(light.theme).toBe('light');
    expect(luminance(light.rgb)).toBeGreaterThan(0.9);

    await host.setTheme('dark');
    await tab.locator('[data-theme="dark"]').waitFor();
    const dark = await providerTheme(tab);
    expect(dark.rgb).not.toEqual(light.rgb);
    expect(luminance(dark.rgb)).toBeLessThan(0.1);

    await host.setTheme('contrast');
    await tab.locator('[data-theme="highContrast"]').waitFor();
    const contrast = await providerTheme(tab);
    expect(contrast.rgb).toEqual([0, 0, 0]);
    // Text in high contrast is white on black.
    const colour = await tab.getByRole('heading', { name: 'Check before you publish' }).evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(255, 255, 255)');
    await site.context.close();
  });

  it('copies the headline and the text, warning while something is left to fix', async () => {
    const site = await openTeams();
    const { tab } = site;
    await writeRelease(tab);
    await tab.locator('[data-rule="pre-election-publicity"]').waitFor();
    // Copy says what is left before it copies, and is not the main button while something must be fixed.
    const copyButton = tab.getByRole('button', { name: /^Copy text/ });
    expect(await copyButton.innerText()).toBe('Copy text (1 must fix)');
    expect(await copyButton.getAttribute('class')).not.toMatch(/primary/);
    await copyButton.click();
    await tab.getByText('Copied, but 1 problem still needs fixing before you publish it.').waitFor();
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(`${RELEASE.headline}\n\n${RELEASE.text}`);

    await tab.locator('[data-rule="pre-election-publicity"]').getByRole('button', { name: /^Apply/ }).first().click();
    await tab.getByText('No problems found.', { exact: true }).waitFor();
    await tab.getByRole('button', { name: 'Copy text', exact: true }).click();
    await tab.getByText('Copied. Paste it where you are publishing it.').waitFor();
    const clipboard = await tab.evaluate(() => navigator.clipboard.readText());
    expect(clipboard.startsWith(`${RELEASE.headline}\n\n`)).toBe(true);
    expect(clipboard.toLowerCase()).toContain('a westmoor council spokesperson');
    expect(clipboard).not.toContain('Cllr Jo Hart said');
    await site.context.close();
  });
});

describe('the Teams tab outside Teams', () => {
  it('says it is outside Teams and still checks a draft', async () => {
    const site = await openSite(browser, 'teams.html', { policy: WESTMOOR_POLICY });
    const { page } = site;
    await page.getByText("Using Westmoor Borough Council's policy.").waitFor();
    await page.getByText(/This page is open outside Teams/).waitFor();
    // No Teams account: From starts empty.
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('From', { exact: true }).fill(USER.userPrincipalName);
    await page.getByLabel('Headline', { exact: true }).fill(RELEASE.headline);
    await page.getByLabel('Publication date', { exact: true }).fill(RELEASE.date);
    await page.getByLabel('Text', { exact: true }).fill(RELEASE.text);
    await page.locator('[data-rule="pre-election-publicity"]').first().waitFor({ timeout: 3000 });
    // teams-js is in the bundle and tries its valid-origins fetch on import even here; nothing else goes out.
    expect(site.remoteRequests.filter((url) => url !== TEAMS_VALID_ORIGINS_CDN)).toEqual([]);
    await site.context.close();
  });
});

describe('accessibility of the Teams tab', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`has no axe violations in Teams’ ${theme} theme, with a finding showing`, async () => {
      const site = await openTeams({ theme });
      await writeRelease(site.tab);
      await site.tab.locator('[data-rule="pre-election-publicity"]').first().waitFor();
      expect(await providerTheme(site.tab)).toMatchObject({ theme: { default: 'light', dark: 'dark', contrast: 'highContrast' }[theme] });
      expect(await axeFrame(site.tab)).toEqual([]);
      await site.context.close();
    });
  }

  it('fits a 360 px phone: no sideways scrolling, 44 px touch targets', async () => {
    const site = await openTeams({ viewport: { width: 360, height: 780 }, touch: true });
    const { tab } = site;
    expect(await tab.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await writeRelease(tab);
    await tab.locator('[data-rule="pre-election-publicity"]').first().waitFor();
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Every visible button and form control the user taps: the control, or the Fluent wrapper
    // that takes its taps (Input and Select draw their box around the native element).
    const small = await tab.evaluate(() => {
      const targets = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="button"]')];
      return targets
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => {
          const box = (el.closest('.fui-Input, .fui-Select, .fui-Textarea') ?? el).getBoundingClientRect();
          const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
          return { what: `${el.tagName.toLowerCase()} "${name || (el as HTMLInputElement).name || (el as HTMLInputElement).type}"`, width: Math.round(box.width), height: Math.round(box.height) };
        })
        .filter((t) => t.width < 44 || t.height < 44);
    });
    expect(small).toEqual([]);

    // The findings are below the form: the result comes first on the screen and takes the user there (defect 13).
    const card = tab.locator('[data-rule="pre-election-publicity"]').first();
    await tab.evaluate(() => scrollTo(0, 0));
    expect(await tab.evaluate(() => innerWidth)).toBe(360);
    expect(await card.evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
    const result = tab.getByRole('link', { name: '1 must fix: see the findings' });
    expect(await result.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await result.tap();
    await tab.waitForFunction(() => {
      const top = document.querySelector('[data-rule="pre-election-publicity"]')!.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight;
    });

    // A tap, not a click, applies the fix.
    await card.getByRole('button', { name: /^Apply/ }).first().tap();
    await card.waitFor({ state: 'detached' });
    expect((await tab.getByLabel('Text', { exact: true }).inputValue()).toLowerCase()).toContain('a westmoor council spokesperson');

    // Undo, Why?, Dismiss, Show dismissed and Restore are 44 px too (defect 15).
    await tab.getByRole('button', { name: 'Undo' }).waitFor();
    await tab.getByLabel('Text', { exact: true }).fill(`${RELEASE.text}\n\nCllr Jo Hart said: "Labour delivered this."`);
    const next = tab.locator('article[data-key]').first();
    await next.waitFor();
    await next.getByRole('button', { name: /^Why\?/ }).tap();
    await next.getByRole('button', { name: /^Dismiss/ }).tap();
    await tab.getByRole('button', { name: 'Dismiss finding' }).tap();
    await tab.getByRole('button', { name: 'Show dismissed' }).tap();
    await tab.getByRole('button', { name: /^Restore/ }).first().waitFor();
    const sizes = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.pc-panel button, .pc-panel a[href]')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ what: el.textContent?.trim(), height: Math.round(el.getBoundingClientRect().height), width: Math.round(el.getBoundingClientRect().width) }))
        .filter((t) => t.height < 44 || t.width < 44),
    );
    expect(sizes).toEqual([]);
    await site.context.close();
  });

  it('takes screenshots at 360 px and 800 px for the docs', async () => {
    for (const width of [360, 800]) {
      const site = await openTeams({ viewport: { width, height: 900 } });
      await writeRelease(site.tab);
      await site.tab.locator('[data-rule="pre-election-publicity"]').first().waitFor();
      // Written to test-artifacts only; docs/screenshots/teams-<width>.png are copies chosen by hand.
      const file = await screenshotWholeTab(site, width, `teams-${width}-pre-election`);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      await site.context.close();
    }
  });
});
