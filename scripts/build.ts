/**
 * `npm run build [-- --base-url https://addin.council.example/]`: the static site of contract 6
 * in dist/ — the pages (preview, taskpane, Teams tab), the send-time classic script, icons,
 * rule docs, manifest.json with absolute URLs, manifest.xml (the add-in-only manifest for Mac
 * and phones, from scripts/xml-manifest.ts), the phone script, and the well-known file that lets the
 * send-time script fetch the council's policy.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { writeFreeMailSet } from './gen-free-mail.ts';
import { writePolicyValidator } from './gen-policy-validator.ts';
import { lexiconForRuntime } from './lexicon-runtime.ts';
import { xmlManifestFor } from './xml-manifest.ts';

export const DEFAULT_BASE_URL = 'https://localhost:3000/';
const root = resolve(import.meta.dirname, '..');

/**
 * The event handlers' scripts, each with the oldest JavaScript its runtimes must load. A test
 * (tests/send-script-syntax.test.ts) parses each built file at that ECMAScript version, regular
 * expressions included, so a newer construct fails the build's tests rather than the user.
 *
 * - send-check.js (Smart Alerts). The unified manifest asks for Mailbox 1.14 for it, which
 *   classic Outlook on Windows has from Version 2404; event handlers there run on V8 from
 *   Version 2403, and on an ECMAScript 2016 engine before it (Microsoft's "Troubleshoot
 *   event-based and spam-reporting add-ins" and "Debug event-based add-ins"). The checker's
 *   regular expressions use lookbehind and named groups (ES2018), which no transpiler can turn
 *   into ES2016, so the send check requires the modern engine instead. Elsewhere it runs in a
 *   browser engine: Edge WebView2 or the browser (web, new Outlook), WebKit on Mac (Safari
 *   16.4 or later has lookbehind).
 * - outlook-events.js: the single runtime of the XML manifest (Outlook allows one), with both the
 *   send handler (Mac) and the phone handlers: WebKit on Mac and iOS (16.4 or later) and the
 *   Android System WebView.
 * - send-check-legacy.js: what classic Windows reading the XML manifest loads; ES2016 at most.
 */
export const EVENT_SCRIPTS: readonly {
  file: string;
  entry: string;
  ecmaVersion: 2016 | 2019 | 2020;
  globalName?: string;
  page?: string;
  title?: string;
  engines: string;
}[] = [
  {
    file: 'send-check.js',
    entry: 'src/hosts/outlook/send-check.ts',
    // ES2020 for BigInt, which the audit record's X25519 (@noble/curves) needs; every engine
    // that runs this script (V8, WebView2, WebKit 16.4+) has had it since 2020 or earlier.
    ecmaVersion: 2020,
    globalName: 'ProtocolCheckerSend',
    page: 'send-check.html',
    title: 'Protocol Checker send check',
    engines: 'V8 (classic Windows 2403+, required through Mailbox 1.14), Edge WebView2 and browsers, WebKit 16.4+ (Mac)',
  },
  {
    file: 'outlook-events.js',
    entry: 'src/hosts/outlook/outlook-events.ts',
    ecmaVersion: 2020,
    globalName: 'ProtocolCheckerEvents',
    page: 'outlook-events.html',
    title: 'Protocol Checker events',
    engines: 'WebKit 16.4+ (Mac, iOS), Android System WebView',
  },
  { file: 'send-check-legacy.js', entry: 'src/hosts/outlook/send-check-legacy.js', ecmaVersion: 2016, engines: 'classic Windows before 2403 (ES2016 only)' },
];

/** The empty page that loads office.js and one event script (web, new Outlook, Mac, phones). */
function eventPage(script: string, title = 'Protocol Checker'): string {
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>\n<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>\n<script src="${script}"></script>\n</head><body></body></html>\n`;
}

/** Read `--base-url` from argv; it must be an absolute https URL (Office loads nothing else). */
export function baseUrlFrom(argv: string[]): string {
  const i = argv.indexOf('--base-url');
  const inline = argv.find((a) => a.startsWith('--base-url='));
  const value = inline ? inline.slice('--base-url='.length) : i >= 0 ? argv[i + 1] : undefined;
  if (value === undefined) return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--base-url: expected an absolute URL such as https://addin.council.example/, got "${value}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`--base-url: Office loads add-ins only over https, got "${value}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest with every localhost URL and domain moved to the base URL. */
export function manifestFor(baseUrl: string): Record<string, unknown> {
  const text = readFileSync(resolve(root, 'manifest.json'), 'utf8');
  const base = new URL(baseUrl);
  const rewritten = text.replaceAll(DEFAULT_BASE_URL, baseUrl).replaceAll('"localhost:3000"', JSON.stringify(base.host + base.pathname.replace(/\/$/, '')));
  return JSON.parse(rewritten);
}

export async function buildSite(baseUrl: string, outDir = resolve(root, 'dist')): Promise<void> {
  // The policy validator (compiled from the schema) and the coded free-mail set (from the
  // maintained list) are generated before anything is bundled, so a changed schema or list
  // reaches every bundle (and the tests, whose setup builds the site).
  writePolicyValidator();
  writeFreeMailSet();
  // The production build of React, Fluent and the JSX runtime even when NODE_ENV says otherwise
  // (Vitest sets "test", and Vite and the React plugin read it): tests load what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildPages(baseUrl, outDir);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildPages(baseUrl: string, outDir: string): Promise<void> {
  const define = { __ADDIN_BASE_URL__: JSON.stringify(baseUrl), 'process.env.NODE_ENV': '"production"' };
  await build({ root, configFile: resolve(root, 'vite.config.ts'), define, logLevel: 'warn', build: { outDir } });
  await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'taskpane', define, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
  // The event handlers: each one classic script with the engine and nothing else. Built apart
  // and copied in, so that their builds cannot touch the pages'.
  for (const script of EVENT_SCRIPTS) {
    if (!script.entry.endsWith('.ts')) {
      copyFileSync(resolve(root, script.entry), resolve(outDir, script.file));
      continue;
    }
    const scriptDir = mkdtempSync(join(tmpdir(), 'protocol-checker-event-'));
    try {
      await build({
        root,
        configFile: false,
        publicDir: false,
        plugins: [lexiconForRuntime()],
        define,
        logLevel: 'warn',
        build: {
          outDir: scriptDir,
          emptyOutDir: true,
          target: `es${script.ecmaVersion}`,
          minify: true,
          lib: { entry: resolve(root, script.entry), formats: ['iife'], name: script.globalName, fileName: () => script.file },
          // One classic script: an IIFE library build folds the policy loader's dynamic import in.
        },
      });
      copyFileSync(join(scriptDir, script.file), resolve(outDir, script.file));
    } finally {
      rmSync(scriptDir, { recursive: true, force: true });
    }
    if (script.page) writeFileSync(resolve(outDir, script.page), eventPage(script.file, script.title));
  }
  mkdirSync(resolve(outDir, '.well-known'), { recursive: true });
  writeFileSync(resolve(outDir, '.well-known/microsoft-officeaddins-allowed.json'), `${JSON.stringify({ allowed: [new URL('send-check.js', baseUrl).href] }, null, 2)}\n`);
  const manifest = manifestFor(baseUrl);
  writeFileSync(resolve(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(resolve(outDir, 'manifest.xml'), xmlManifestFor(manifest));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const baseUrl = baseUrlFrom(process.argv.slice(2));
    await buildSite(baseUrl);
    console.log(`Built dist/ for ${baseUrl}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
