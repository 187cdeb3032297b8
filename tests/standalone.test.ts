/**
 * The project stands alone (issue 13, item 7): what the tests need is in the repository (the
 * Northbridge corpus, and an index of the five packs' paragraph numbers and headings, never their
 * sentences); the site's root page links the pages; `npm run package --base-url …` without `--`
 * stops with a clear message instead of building for localhost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/engine/rules/index.ts';
import { PACK_IDS } from '../src/engine/types.ts';
import { buildIndex, indexText, type PackIndex, protocolsDir } from '../scripts/pack-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const index = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/pack-index.json'), 'utf8')) as PackIndex;

/** Is `needle` a subsequence of `haystack` (tracked changes run old and new numbers together)? */
function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i += 1;
  return i === needle.length;
}

function packHas(pack: (typeof PACK_IDS)[number], number: string): boolean {
  const numbers = index[pack].paragraphs;
  if (numbers.includes(number)) return true;
  // tower-hamlets' tracked changes and surrey-heath's amended §4 ("103.16" is 13.16), as tests/rules.meta.test.ts reads them.
  return (pack === 'tower-hamlets' || pack === 'surrey-heath') && numbers.some((n) => isSubsequence(number, n) && n.length <= number.length * 2);
}

describe('a fresh clone has what its tests need', () => {
  it('keeps the Northbridge corpus with its policy and labels', () => {
    const dir = resolve(ROOT, 'tests/corpus/northbridge');
    expect(existsSync(resolve(dir, 'policy.json'))).toBe(true);
    expect(existsSync(resolve(dir, 'labels.json'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml')).length).toBeGreaterThan(50);
  });

  it('indexes every pack, with numbers and headings only', () => {
    for (const pack of PACK_IDS) {
      expect(index[pack].paragraphs.length, pack).toBeGreaterThan(10);
      expect(index[pack].headings.every((h) => h.length <= 100)).toBe(true);
    }
    expect(readFileSync(resolve(ROOT, 'tests/fixtures/pack-index.json'), 'utf8').length).toBeLessThan(10_000);
  });

  it('every paragraph a rule cites is in the index of its pack', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      for (const [pack, citations] of Object.entries(rule.meta.citations)) {
        for (const c of citations ?? []) {
          for (const n of c.paragraph.match(/\d+(?:\.\d+)*/g) ?? []) {
            if (!packHas(pack as (typeof PACK_IDS)[number], n)) missing.push(`${rule.meta.id}: ${pack} ${n} (cited as "${c.paragraph}")`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  const texts = protocolsDir();
  it.skipIf(!texts)(`the index is what the protocol texts give${texts ? '' : ' (skipped: the shared brief with the protocol texts is not beside this checkout)'}`, () => {
    // If this fails after the texts change: npx tsx scripts/pack-index.ts
    expect(readFileSync(resolve(ROOT, 'tests/fixtures/pack-index.json'), 'utf8')).toBe(indexText(buildIndex(texts!)));
  });
});

describe('the site and the package', () => {
  it('the root page links the preview, the taskpane and the Teams tab', () => {
    const html = readFileSync(resolve(ROOT, 'public/index.html'), 'utf8');
    for (const page of ['preview.html', 'taskpane.html', 'teams.html']) expect(html).toContain(`href="${page}"`);
    expect(html).toContain('<html lang="en-GB">');
  });

  it('npm run package --base-url without -- stops with a clear message, before building anything', () => {
    // What npm passes on when the option comes before any `--`: the option kept as npm config, the URL bare.
    const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/package.ts'), 'https://addin.council.example/'], {
      cwd: ROOT,
      env: { ...process.env, npm_config_base_url: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--base-url went to npm, not to the package script: put -- before it, as in\n  npm run package -- --base-url https://addin.council.example/');
    expect(child.stdout).not.toContain('Built dist/');
  });
});
