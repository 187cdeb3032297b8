/**
 * The built site (contract 6) holds every page the manifest and the panel link to: the privacy
 * and terms pages, and each rule's page as HTML a browser shows (and as its markdown).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { RULES } from '../src/engine/rules/index.ts';
import { TEST_BASE_URL } from './global-setup.ts';

const site = () => inject('siteDir');

describe('the built site', () => {
  it('serves every page the manifest links to', () => {
    const manifest = readFileSync(join(site(), 'manifest.json'), 'utf8');
    const links = [...manifest.matchAll(/"(https:[^"]+)"/g)].map((m) => m[1]!).filter((u) => u.startsWith(TEST_BASE_URL));
    expect(links.length).toBeGreaterThan(10);
    const missing = links.map((u) => new URL(u).pathname.slice(1)).filter((path) => !existsSync(join(site(), path)));
    expect(missing).toEqual([]);
  });

  it("has each rule's page as HTML, titled and with links between docs turned to HTML", () => {
    for (const rule of RULES) {
      const html = readFileSync(join(site(), 'docs/rules', `${rule.meta.id}.html`), 'utf8');
      expect(html).toContain('<html lang="en-GB">');
      expect(html).toMatch(/<title>[^<]+ – Protocol Checker<\/title>/);
      expect(html).toContain('<main>');
      expect(html).not.toMatch(/href="[^":]+\.md"/);
      expect(existsSync(join(site(), 'docs/rules', `${rule.meta.id}.md`))).toBe(true);
    }
  });

  it('is the production build, as users get it, although the tests run with NODE_ENV=test', () => {
    expect(process.env.NODE_ENV).toBe('test');
    const scripts = readdirSync(join(site(), 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const code = readFileSync(join(site(), 'assets', file), 'utf8');
      expect(code, file).not.toContain('jsxDEV');
      expect(code, file).not.toContain('react-dom.development');
    }
  });

  it('says in the privacy page that nothing written leaves the device', () => {
    const html = readFileSync(join(site(), 'docs/privacy.html'), 'utf8');
    expect(html).toContain('Nothing you write');
    expect(html).toContain('no telemetry');
  });
});
