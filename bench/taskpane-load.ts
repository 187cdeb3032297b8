/**
 * The taskpane's first load in real Chromium: from navigation start to the first finding on
 * screen (a `[data-rule]` card, or the summary showing a count), for a draft with a Bcc'd
 * councillor, against a blank Fluent UI page (React 19, `<FluentProvider><Text>Hello</Text>`)
 * built and served the same way in the same run. Also the taskpane's initial JavaScript, gzipped:
 * the module script and modulepreload links of the built taskpane.html, not the chunks it
 * imports lazily.
 *
 * Both pages are built into temporary folders and served through Playwright's routing, as
 * tests/browser/harness.ts serves the site: the site under its https base URL, Microsoft's
 * office.js answered by the office-js double, policy.json by the browser tests' Westmoor policy,
 * and anything else refused. Each load is in a fresh browser context, so nothing is cached.
 *
 * Target: initial JavaScript ≤ 200 KB gzipped (1 KB = 1,000 bytes). The load times are reported
 * with their ratio, without a target.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { buildSite } from '../scripts/build.ts';
import { WESTMOOR_POLICY } from '../tests/browser/fixtures.ts';
import { CONTENT_TYPES } from '../tests/browser/content-types.ts';

const BASE_URL = 'https://addin.test.example/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the blank page is served, beside the site. */
const BLANK_PATH = 'bench-blank/';
const LOADS = 7;
const INITIAL_JS_TARGET_BYTES = 200_000;
const LOAD_TIMEOUT_MS = 15_000;

const root = resolve(import.meta.dirname, '..');

/** An officer writing to a councillor with another councillor in Bcc: a silent copy, found at once. */
const ITEM = {
  from: { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' },
  to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'cllr.jo.hart@westmoor.gov.uk' }],
  bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'cllr.ravi.shah@westmoor.gov.uk' }],
  subject: 'Missed bins in Elm Road',
  body: '<div><p>Dear Cllr Hart,</p><p>The missed collections in <b>Elm Road</b> will be picked up on <b>Thursday morning</b>.</p><p>Kind regards</p><p>Sam Officer<br>Waste Officer<br>Westmoor Borough Council</p></div>',
};

/** Page conditions, as expressions evaluated in the page: when the thing being waited for is shown. */
const FIRST_FINDING = `document.querySelector('[data-rule]') !== null || /\\d/.test(document.querySelector('[data-testid="summary"]')?.textContent ?? '')`;
const HELLO = `(document.getElementById('root')?.textContent ?? '').includes('Hello')`;

const BLANK_HTML = `<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><title>Blank Fluent UI page</title></head>
  <body><div id="root"></div><script type="module" src="./main.tsx"></script></body>
</html>
`;

const BLANK_MAIN = `import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Text>Hello</Text>
  </FluentProvider>,
);
`;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const pad = (s: string, n: number) => s.padEnd(n);

/**
 * Run a build with its console output held back: vite's chunk-size advice would bury the
 * results. If the build fails, what it said is printed before the error is passed on.
 */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const held: unknown[][] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn };
  const hold = (...args: unknown[]) => void held.push(args);
  Object.assign(console, { log: hold, info: hold, warn: hold });
  try {
    return await work();
  } catch (error) {
    Object.assign(console, saved);
    for (const args of held) console.error(...args);
    throw error;
  } finally {
    Object.assign(console, saved);
  }
}

/** The JavaScript a built page fetches at start: its module scripts and modulepreload links. */
export function initialScripts(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (attr(tag, 'type') === 'module' && src) files.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href');
    if (attr(tag, 'rel') === 'modulepreload' && href) files.push(href);
  }
  return [...new Set(files)].map((f) => resolve(dirname(htmlFile), f));
}

/** The gzipped size (zlib, level 9) of each file, summed. */
export function gzippedSize(files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

/** The blank page, built with vite from entry files in `dir` (which gets a link to our node_modules). */
async function buildBlankPage(dir: string, outDir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), BLANK_HTML);
  writeFileSync(join(dir, 'main.tsx'), BLANK_MAIN);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await build({
    root: dir,
    configFile: false,
    publicDir: false,
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

/** The office-js double as one browser script (global `OfficeDouble`), as tests/global-setup.ts builds it. */
async function buildOfficeDouble(outDir: string): Promise<string> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      minify: false,
      lib: { entry: resolve(root, 'tests/doubles/office.ts'), formats: ['iife'], name: 'OfficeDouble', fileName: () => 'office-double.js' },
    },
  });
  return join(outDir, 'office-double.js');
}

/** A file under `dir`, or undefined if the path leaves it or there is nothing there. */
function fileUnder(dir: string, rel: string): string | undefined {
  const file = join(dir, rel);
  return file.startsWith(dir) && existsSync(file) ? file : undefined;
}

/**
 * Open `path` under the base URL in a fresh context and return the page's `performance.now()`
 * (time since navigation start) at the moment `shown` first holds, noticed by a
 * MutationObserver so that the moment does not wait on a polling interval; and the rule of the
 * first finding card, if there is one.
 */
async function timeLoad(browser: Browser, dirs: { site: string; blank: string }, officeScript: string, path: string, shown: string): Promise<{ at: number; rule?: string }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, colorScheme: 'light', timezoneId: 'Europe/London', locale: 'en-GB' });
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.href.startsWith(BASE_URL)) {
        const rel = decodeURIComponent(url.pathname.slice(new URL(BASE_URL).pathname.length)) || 'index.html';
        if (rel === 'policy.json') return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(WESTMOOR_POLICY) });
        const file = rel.startsWith(BLANK_PATH) ? fileUnder(dirs.blank, rel.slice(BLANK_PATH.length) || 'index.html') : fileUnder(dirs.site, rel);
        if (!file) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      }
      if (url.href === OFFICE_JS) {
        const install = `\nwindow.__item = new OfficeDouble.FakeComposeItem(${JSON.stringify(ITEM)});\nwindow.Office = OfficeDouble.officeNamespace(window.__item);\n`;
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeScript + install });
      }
      return route.abort();
    });
    await context.addInitScript({
      content: `(() => {
        const mark = () => {
          if (window.__shownAt === undefined && (${shown})) { window.__shownAt = performance.now(); observer.disconnect(); }
        };
        const observer = new MutationObserver(mark);
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      })();`,
    });
    const page = await context.newPage();
    await page.goto(new URL(path, BASE_URL).href, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt, undefined, { timeout: LOAD_TIMEOUT_MS });
    const at = (await handle.jsonValue()) as number;
    const rule = await page.evaluate(() => document.querySelector('[data-rule]')?.getAttribute('data-rule') ?? undefined);
    return { at, ...(rule ? { rule } : {}) };
  } finally {
    await context.close();
  }
}

/** Run the taskpane-load benchmark and print its lines. */
export async function taskpaneLoadBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'protocol-checker-bench-'));
  const verdicts: string[] = [];
  try {
    const siteDir = join(work, 'site');
    await quietly(() => buildSite(BASE_URL, siteDir));

    const scripts = initialScripts(join(siteDir, 'taskpane.html'));
    const initialBytes = gzippedSize(scripts);
    console.log(`\nTaskpane's initial JavaScript (module script and modulepreloads of taskpane.html, gzip -9): ${kb(initialBytes)} (${initialBytes} bytes) in ${scripts.length} file${scripts.length === 1 ? '' : 's'}`);
    verdicts.push(`${initialBytes <= INITIAL_JS_TARGET_BYTES ? 'PASS' : 'FAIL'}  taskpane initial JavaScript: ${kb(initialBytes)} gzipped (target ≤ ${kb(INITIAL_JS_TARGET_BYTES)})`);

    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executablePath)) {
      verdicts.push(`SKIP  taskpane load: no Chromium at ${executablePath}`);
      return;
    }

    const blankDir = join(work, 'blank');
    const [officeScript] = await quietly(() => Promise.all([buildOfficeDouble(join(work, 'office-double')).then((f) => readFileSync(f, 'utf8')), buildBlankPage(join(work, 'blank-src'), blankDir)]));
    const blankBytes = gzippedSize(initialScripts(join(blankDir, 'index.html')));

    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const taskpane: number[] = [];
    const blank: number[] = [];
    try {
      const dirs = { site: siteDir, blank: blankDir };
      const loadTaskpane = async () => (await timeLoad(browser, dirs, officeScript!, 'taskpane.html', FIRST_FINDING)).at;
      const loadBlank = async () => (await timeLoad(browser, dirs, officeScript!, BLANK_PATH, HELLO)).at;
      // One of each first, not counted: the browser's own start-up work falls on it. The
      // taskpane's must show the silent copy, or the timings below would be of something else.
      const { rule } = await timeLoad(browser, dirs, officeScript!, 'taskpane.html', FIRST_FINDING);
      if (rule !== 'silent-copy') throw new Error(`taskpane.html: expected a silent-copy finding for the Bcc'd councillor, got ${rule ?? 'no finding card'}`);
      await loadBlank();
      for (let i = 0; i < LOADS; i++) {
        // Alternate, and swap which goes first, so that neither side always follows the other.
        if (i % 2 === 0) {
          taskpane.push(await loadTaskpane());
          blank.push(await loadBlank());
        } else {
          blank.push(await loadBlank());
          taskpane.push(await loadTaskpane());
        }
      }
    } finally {
      await browser.close();
    }

    const ratio = median(taskpane) / median(blank);
    console.log(`\nPage load in Chromium, navigation start to first content, ${LOADS} cold loads each (fresh context, alternating):`);
    console.log(`${pad('page', 52)}${pad('median', 10)}${pad('fastest', 10)}${pad('slowest', 10)}initial JS (gzip)`);
    const row = (name: string, samples: number[], bytes: number) =>
      console.log(`${pad(name, 52)}${pad(ms(median(samples)), 10)}${pad(ms(Math.min(...samples)), 10)}${pad(ms(Math.max(...samples)), 10)}${kb(bytes)}`);
    row("taskpane.html, Bcc'd councillor: first finding", taskpane, initialBytes);
    row('blank Fluent UI page: "Hello"', blank, blankBytes);
    console.log(`taskpane/blank: ${ratio.toFixed(2)}×`);
  } finally {
    console.log(`\n${verdicts.join('\n')}`);
    rmSync(work, { recursive: true, force: true });
  }
}
