import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import basicSsl from '@vitejs/plugin-basic-ssl';
import react from '@vitejs/plugin-react';
import { marked } from 'marked';
import { type Plugin, defineConfig } from 'vite';
import { lexiconForRuntime } from './scripts/lexicon-runtime.ts';

const root = import.meta.dirname;

/** Pages of the site (contract 6). */
export const PAGES = ['preview', 'taskpane', 'teams'].filter((p) => {
  try {
    readFileSync(resolve(root, `${p}.html`));
    return true;
  } catch {
    return false;
  }
});

/** A markdown page as a small standalone HTML page: light and dark, readable at phone width. */
function docPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))} – Protocol Checker</title>
<style>
:root { color-scheme: light dark; }
body { font: 16px/1.5 "Segoe UI", system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; background: Canvas; color: CanvasText; }
code, pre { font-family: Consolas, ui-monospace, monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.75rem; border: 1px solid GrayText; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid GrayText; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
a { color: LinkText; }
</style>
</head>
<body>
<main>
${bodyHtml}
</main>
</body>
</html>
`;
}

/**
 * Ship the docs beside the site, so the panel's "About this rule" links and the manifest's
 * privacy link work from the add-in's own host: each page as HTML (browsers download
 * text/markdown rather than show it) and as the markdown it comes from.
 */
function siteDocs(): Plugin {
  const pages = (): { from: string; to: string }[] => [
    ...readdirSync(resolve(root, 'docs/rules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ from: `docs/rules/${f}`, to: `docs/rules/${f}` })),
    { from: 'docs/privacy.md', to: 'docs/privacy.md' },
    { from: 'docs/terms.md', to: 'docs/terms.md' },
    { from: 'docs/policy.md', to: 'docs/policy.md' },
  ];
  return {
    name: 'protocol-checker-docs',
    generateBundle() {
      for (const page of pages()) {
        const source = readFileSync(resolve(root, page.from), 'utf8');
        const title = /^#\s+(.+)$/m.exec(source)?.[1]?.replace(/`/g, '') ?? page.to;
        // Links between the docs point at the HTML pages.
        const html = (marked.parse(source, { async: false }) as string).replace(/href="([^":]+)\.md(#[^"]*)?"/g, 'href="$1.html$2"');
        this.emitFile({ type: 'asset', fileName: page.to, source });
        this.emitFile({ type: 'asset', fileName: page.to.replace(/\.md$/, '.html'), source: docPage(title, html) });
      }
    },
  };
}

/**
 * `npm start` serves over https. Office loads add-ins only from a certificate it trusts: the one
 * Microsoft's `npx office-addin-dev-certs install` makes and trusts is used when present;
 * otherwise a throwaway self-signed one (fine for the preview, not trusted by Outlook).
 */
function devCertificate(): { key: Buffer; cert: Buffer } | undefined {
  const dir = resolve(homedir(), '.office-addin-dev-certs');
  const key = resolve(dir, 'localhost.key');
  const cert = resolve(dir, 'localhost.crt');
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined;
}

/**
 * `vite build` builds the preview and the Teams tab; `vite build --mode taskpane` builds the
 * taskpane on its own, so that its chunks hold only what the taskpane uses (it is the page with
 * a size budget). scripts/build.ts runs both.
 */
export default defineConfig(({ command, mode }) => {
  const certificate = command === 'serve' ? devCertificate() : undefined;
  return {
    base: './',
    plugins: [lexiconForRuntime(), react(), ...(mode === 'taskpane' ? [] : [siteDocs()]), ...(command === 'serve' && !certificate ? [basicSsl()] : [])],
    build: {
      outDir: 'dist',
      emptyOutDir: mode !== 'taskpane',
      target: 'es2022',
      // Every page loads the engine as a chunk of its own (useProtocolCheck.ts imports it when the
      // page starts), so Fluent UI and the pane are on screen while it downloads; the taskpane's
      // budget (200 KB gzip of initial JavaScript) is what matters, and `npm run bench` reports it.
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        input: Object.fromEntries(
          PAGES.filter((p) => command === 'serve' || (mode === 'taskpane' ? p === 'taskpane' : p !== 'taskpane')).map((p) => [p, resolve(root, `${p}.html`)]),
        ),
      },
    },
    server: { port: 3000, strictPort: true, open: false, ...(certificate ? { https: certificate } : {}) },
    preview: { port: 3000, strictPort: true, open: false, ...(certificate ? { https: certificate } : {}) },
  };
});
