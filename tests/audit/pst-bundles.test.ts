/**
 * The PST reader is for the command line only: pst-extractor (and src/audit/pst.ts) must stay
 * out of everything the site ships to browsers and Outlook's send-time runtimes. Checked in the
 * site this test run built (tests/global-setup.ts), not in the sources, so a new import path
 * anywhere is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return scripts(path);
    return /\.(m?js|html)$/.test(e.name) ? [path] : [];
  });
}

describe('the built site', () => {
  const files = scripts(inject('siteDir'));

  it('has scripts to look at, the send-time script among them', () => {
    expect(files.some((f) => f.endsWith('send-check.js'))).toBe(true);
  });

  it('carries no PST reader in any page or script', () => {
    // Words that only pst-extractor's code has: its class names and its own error texts.
    const marks = /PSTNodeInputStream|PSTTable7C|detectAndLoadPSTObject|pst-extractor|!BDN/;
    const carrying = files.filter((f) => marks.test(readFileSync(f, 'utf8')));
    expect(carrying).toEqual([]);
  });
});
