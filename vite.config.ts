import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import basicSsl from '@vitejs/plugin-basic-ssl';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

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

/** Ship the rule pages beside the site, so the panel's "About this rule" links work offline. */
function ruleDocs(): Plugin {
  return {
    name: 'protocol-checker-rule-docs',
    generateBundle() {
      const dir = resolve(root, 'docs/rules');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        this.emitFile({ type: 'asset', fileName: `docs/rules/${file}`, source: readFileSync(resolve(dir, file), 'utf8') });
      }
    },
  };
}

/**
 * `vite build` builds the preview and the Teams tab; `vite build --mode taskpane` builds the
 * taskpane on its own, so that its chunks hold only what the taskpane uses (it is the page with
 * a size budget). scripts/build.ts runs both.
 */
export default defineConfig(({ command, mode }) => ({
  base: './',
  plugins: [react(), ...(mode === 'taskpane' ? [] : [ruleDocs()]), ...(command === 'serve' ? [basicSsl()] : [])],
  build: {
    outDir: 'dist',
    emptyOutDir: mode !== 'taskpane',
    target: 'es2022',
    rollupOptions: {
      input: Object.fromEntries(
        PAGES.filter((p) => command === 'serve' || (mode === 'taskpane' ? p === 'taskpane' : p !== 'taskpane')).map((p) => [p, resolve(root, `${p}.html`)]),
      ),
    },
  },
  server: { port: 3000, strictPort: true, open: false },
  preview: { port: 3000, strictPort: true },
}));
