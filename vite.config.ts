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

export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react(), ruleDocs(), ...(command === 'serve' ? [basicSsl()] : [])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p, resolve(root, `${p}.html`)])) },
  },
  server: { port: 3000, strictPort: true, open: false },
  preview: { port: 3000, strictPort: true },
}));
