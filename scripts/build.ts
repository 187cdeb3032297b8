/**
 * `npm run build [-- --base-url https://addin.council.example/]`: the static site of contract 6
 * in dist/ — the pages (preview, taskpane, Teams tab), the send-time classic script, icons,
 * rule docs, manifest.json with absolute URLs, and the well-known file that lets the
 * send-time script fetch the council's policy.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { lexiconForRuntime } from './lexicon-runtime.ts';

export const DEFAULT_BASE_URL = 'https://localhost:3000/';
const root = resolve(import.meta.dirname, '..');

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
  // The send-time handler: one classic script with the engine and nothing else. Built apart and
  // copied in, so that its build cannot touch the pages'.
  const sendDir = mkdtempSync(join(tmpdir(), 'protocol-checker-send-'));
  try {
    await build({
      root,
      configFile: false,
      publicDir: false,
      plugins: [lexiconForRuntime()],
      define,
      logLevel: 'warn',
      build: {
        outDir: sendDir,
        emptyOutDir: true,
        target: 'es2019',
        minify: true,
        lib: { entry: resolve(root, 'src/hosts/outlook/send-check.ts'), formats: ['iife'], name: 'ProtocolCheckerSend', fileName: () => 'send-check.js' },
        // One classic script: an IIFE library build folds the policy loader's dynamic import in.
      },
    });
    copyFileSync(join(sendDir, 'send-check.js'), resolve(outDir, 'send-check.js'));
  } finally {
    rmSync(sendDir, { recursive: true, force: true });
  }
  writeFileSync(
    resolve(outDir, 'send-check.html'),
    `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>Protocol Checker send check</title>\n<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>\n<script src="send-check.js"></script>\n</head><body></body></html>\n`,
  );
  mkdirSync(resolve(outDir, '.well-known'), { recursive: true });
  writeFileSync(resolve(outDir, '.well-known/microsoft-officeaddins-allowed.json'), `${JSON.stringify({ allowed: [new URL('send-check.js', baseUrl).href] }, null, 2)}\n`);
  writeFileSync(resolve(outDir, 'manifest.json'), `${JSON.stringify(manifestFor(baseUrl), null, 2)}\n`);
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
