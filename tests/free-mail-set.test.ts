/**
 * The maintained free-mail list is shipped as a coded set of domain hashes
 * (src/engine/free-mail-set.ts) instead of the list itself. It must know what the list knows:
 * every listed domain and its subdomains, and no domain the project's drafts and policies use
 * that the list does not hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FREE_MAIL_SET_PATH, freeMailSetSource, maintainedDomains } from '../scripts/gen-free-mail.ts';
import { CORE_FREE_MAIL_DOMAINS, freeMailLookup } from '../src/engine/free-mail.ts';
import { maintainedFreeMail } from '../src/engine/free-mail-full.ts';
import { decodeDomainSet, encodeDomainSet, sortedHas, hashInRange } from '../src/engine/free-mail-set.ts';

const ROOT = resolve(import.meta.dirname, '..');
const listed = [...CORE_FREE_MAIL_DOMAINS, ...maintainedDomains().domains];
/** The list itself, as the checker used it before: the answer the coded set must give. */
const exact = freeMailLookup(listed);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the coded free-mail set', () => {
  it('is generated from the installed list (run npm run build or the tests to regenerate)', () => {
    expect(readFileSync(FREE_MAIL_SET_PATH, 'utf8')).toBe(freeMailSetSource());
  });

  it('recognises every domain of the full list, in any case, and their subdomains', () => {
    expect(listed.length).toBeGreaterThan(14_000);
    const missed = listed.filter((d) => !maintainedFreeMail(d) || !maintainedFreeMail(`mail.${d.toUpperCase()}`));
    expect(missed).toEqual([]);
  });

  it('gives the full list’s answer for every address in the samples, the corpora and the test fixtures', () => {
    const domains = new Set<string>();
    for (const dir of ['samples', 'tests/corpus', 'tests/fixtures']) {
      for (const file of filesUnder(resolve(ROOT, dir))) {
        if (statSync(file).size > 5_000_000) continue;
        for (const m of readFileSync(file, 'latin1').matchAll(/@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) domains.add(m[1]!.toLowerCase());
      }
    }
    expect(domains.size).toBeGreaterThan(50);
    const differ = [...domains].filter((d) => maintainedFreeMail(d) !== exact(d));
    expect(differ).toEqual([]);
    // Both kinds are there: council and business domains, and free-mail ones.
    expect([...domains].filter(exact).length).toBeGreaterThan(3);
  });

  it('takes almost no unlisted domain for a free-mail one (about 1 in 2^20 lookups)', () => {
    const made: string[] = [];
    for (let i = 0; i < 100_000; i++) made.push(`${(i * 7919).toString(36)}-council.gov.uk`, `firm${i.toString(36)}.co.uk`, `x${i}.org`);
    const mistaken = made.filter((d) => !exact(d) && maintainedFreeMail(d));
    // 300,000 domains, two or three lookups each: about half a mistake is expected.
    expect(mistaken.length).toBeLessThanOrEqual(3);
  });

  it('codes and decodes a set exactly', () => {
    const domains = ['a.example', 'b.example', 'gmail.com', 'x.y.z.example'];
    for (const bits of [0, 3, 20]) {
      const set = encodeDomainSet(domains, bits);
      const sorted = decodeDomainSet(set);
      expect([...sorted]).toEqual([...new Set(domains.map((d) => hashInRange(d, set.count, bits)))].sort((a, b) => a - b));
      for (const d of domains) expect(sortedHas(sorted, hashInRange(d, set.count, bits))).toBe(true);
    }
    expect(() => decodeDomainSet({ count: 1, bits: 20, data: 'AB$' })).toThrow(/unexpected character/);
  });
});
