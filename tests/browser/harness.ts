/**
 * Real Chromium (Debian's, driven by playwright-core) against the built site. Every request is
 * answered by the test: the site's files under its https base URL, Microsoft's office.js by
 * the office-js double, and anything else is refused and recorded, so a test can assert that
 * nothing the user writes leaves the page.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { TEST_BASE_URL } from '../global-setup.ts';
import { CONTENT_TYPES } from './content-types.ts';

export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/screenshots');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface SiteOptions {
  /** policy.json served beside the add-in (absent: 404, the embedded default). */
  policy?: unknown;
  /** Extra files by path under the base URL. */
  files?: Record<string, string>;
  /** The compose item the office-js double exposes (FakeItemOptions). */
  officeItem?: unknown;
  /** Office's theme colours as `Office.context.officeTheme` gives them (dark Outlook: a dark body background). */
  officeTheme?: { bodyBackgroundColor: string };
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  /** A phone: touch input (a coarse pointer) and a mobile viewport. */
  touch?: boolean;
  /** The page's clock (Date.now, new Date()); timers still run. Default: a working morning outside any election period. */
  now?: string;
}

/**
 * Tuesday 2 February 2027, 10:30 in London: inside working hours, outside the sample elections'
 * periods. A page that reads the clock (a draft with no date is checked as sent now) sees this,
 * so the tests do not depend on the hour CI runs at.
 */
export const DEFAULT_NOW = '2027-02-02T10:30:00Z';

export interface Site {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the site and office.js. */
  remoteRequests: string[];
}

export async function openSite(browser: Browser, path: string, options: SiteOptions = {}): Promise<Site> {
  const SITE_DIR = inject('siteDir');
  const OFFICE_DOUBLE_SCRIPT = inject('officeDoubleScript');
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 800, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    permissions: ['clipboard-read', 'clipboard-write'],
    timezoneId: 'Europe/London',
    locale: 'en-GB',
  });
  // A step that cannot happen fails with the locator it waited for, well inside the test's time.
  context.setDefaultTimeout(6000);
  await context.clock.setFixedTime(new Date(options.now ?? DEFAULT_NOW));
  const remoteRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.href.startsWith(TEST_BASE_URL)) {
      const rel = decodeURIComponent(url.pathname.slice(new URL(TEST_BASE_URL).pathname.length)) || 'index.html';
      if (options.files?.[rel] !== undefined) return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(rel)] ?? 'text/plain', body: options.files[rel] });
      if (rel === 'policy.json') {
        return options.policy === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(options.policy) });
      }
      const file = join(SITE_DIR, rel);
      if (!file.startsWith(SITE_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    }
    if (url.href === OFFICE_JS) {
      const install = `\nwindow.__item = new OfficeDouble.FakeComposeItem(${JSON.stringify(options.officeItem ?? { body: '' })});\nwindow.Office = OfficeDouble.officeNamespace(window.__item);\n${options.officeTheme ? `window.Office.context.officeTheme = ${JSON.stringify(options.officeTheme)};\n` : ''}`;
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(OFFICE_DOUBLE_SCRIPT, 'utf8') + install });
    }
    remoteRequests.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(new URL(path, TEST_BASE_URL).href);
  return { context, page, remoteRequests };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Run axe-core in the page and return its violations (id and the nodes' targets). */
export async function axe(page: Page): Promise<{ id: string; impact?: string; help: string; targets: string[] }[]> {
  const source = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} ${(n as { failureSummary?: string }).failureSummary ?? ''}`.trim()) }));
  });
}
