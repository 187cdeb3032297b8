/**
 * The check on realistic drafts (issue 15): bench/realistic.ts builds replies of the size asked
 * for from the drafts people write (samples/drafts and the Northbridge corpus), as text and as
 * Outlook HTML. Three tables, each against a baseline measured in the same run:
 *
 * 1. realistic drafts of 1, 5, 20, 100 and 500 KB, text and HTML: parseEml and check() medians
 *    under samples/policy.json, and check/parse;
 * 2. growth from 5 KB to 1 MB: check() and htmlToText per size, and the exponent fitted to
 *    log(time) against log(size) (1.0 is linear);
 * 3. the 100 KB HTML draft under samples/policy.json (6 councillors) grown to 200 and 2,000
 *    councillors (tests/helpers/synthetic-directory.ts), alternating round by round.
 *
 * Targets (PASS/FAIL printed; the exit status stays 0): 5 KB text check ≤ 0.5 × parse; 200 KB
 * HTML check ≤ 0.2 × parse; check and htmlToText exponents ≤ 1.1; 2,000 councillors ≤ 1.1 × 6.
 *
 * Run alone: `node --import tsx bench/growth.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { check } from '../src/engine/check.ts';
import { maintainedFreeMail } from '../src/engine/free-mail-full.ts';
import { htmlToText } from '../src/engine/html-text.ts';
import type { PolicyFile, ResolvedPolicy } from '../src/engine/policy.ts';
import type { Draft } from '../src/engine/types.ts';
import { parseEml } from '../src/mail/eml.ts';
import { resolvePolicy } from '../src/policy/resolve.ts';
import { withSyntheticDirectory } from '../tests/helpers/synthetic-directory.ts';
import { realisticDraft, type RealisticKind } from './realistic.ts';
import { fittedExponent, ms, pad, stats } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = new Date('2027-04-14T10:20:00+01:00'); // inside the sample election's period
const KB = 1000;
const TABLE_SIZES = [1, 5, 20, 100, 200, 500].map((n) => n * KB);
const GROWTH_SIZES = [5, 20, 100, 500, 1000].map((n) => n * KB);
const TARGET = { typical: 0.5, large: 0.2, exponent: 1.1, councillors: 1.1 };

function sampleFile(): PolicyFile {
  return JSON.parse(readFileSync(join(ROOT, 'samples/policy.json'), 'utf8')) as PolicyFile;
}

/** Enough rounds for a steady median, fewer as drafts grow (about a second of checking each). */
function roundsFor(bytes: number): number {
  return Math.max(7, Math.min(300, Math.round(3_000_000 / bytes)));
}

/** Median time of `run`, after warming up; async runs are awaited. */
async function median(rounds: number, run: () => unknown): Promise<number> {
  for (let i = 0; i < Math.max(3, rounds / 5); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return stats(samples).median;
}

export { fittedExponent } from './stats.ts';

const checkOf = (draft: Draft, policy: ResolvedPolicy) => () => check(draft, policy, { now: NOW, freeMail: maintainedFreeMail });
const sizeLabel = (bytes: number) => (bytes >= 1000 * KB ? `${bytes / (1000 * KB)} MB` : `${bytes / KB} KB`);

export async function growthBench(): Promise<void> {
  const policy = resolvePolicy(sampleFile(), 'samples/policy.json');
  const verdicts: string[] = [];

  console.log('\nRealistic drafts (bench/realistic.ts: own words from samples/drafts and the Northbridge corpus, quoted history beneath), samples/policy.json:');
  console.log(`${pad('draft', 26)}${pad('.eml size', 12)}${pad('parse median', 15)}${pad('check median', 15)}check/parse`);
  for (const kind of ['text', 'html'] as RealisticKind[]) {
    for (const size of TABLE_SIZES) {
      const draft = await realisticDraft(size, kind);
      const parsed = await parseEml(draft.eml);
      const rounds = roundsFor(size);
      const parse = await median(rounds, () => parseEml(draft.eml));
      const checked = await median(rounds, checkOf(parsed, policy));
      const ratio = checked / parse;
      console.log(`${pad(`${kind} ${sizeLabel(size)}`, 26)}${pad(`${(draft.eml.length / KB).toFixed(1)} KB`, 12)}${pad(ms(parse), 15)}${pad(ms(checked), 15)}${ratio.toFixed(2)}×`);
      if (kind === 'text' && size === 5 * KB) verdicts.push(`${ratio <= TARGET.typical ? 'PASS' : 'FAIL'}  realistic 5 KB text draft: check/parse ${ratio.toFixed(2)}× (target ≤ ${TARGET.typical.toFixed(2)}×)`);
      if (kind === 'html' && size === 200 * KB) verdicts.push(`${ratio <= TARGET.large ? 'PASS' : 'FAIL'}  realistic 200 KB HTML draft: check/parse ${ratio.toFixed(2)}× (target ≤ ${TARGET.large.toFixed(2)}×)`);
    }
  }

  console.log('\nGrowth, realistic drafts from 5 KB to 1 MB (median per size; exponent fitted to log time against log size, 1.00 is linear):');
  console.log(`${pad('', 24)}${GROWTH_SIZES.map((s) => pad(sizeLabel(s), 13)).join('')}exponent`);
  const rows: [string, number[]][] = [];
  for (const kind of ['text', 'html'] as RealisticKind[]) {
    const checks: number[] = [];
    const conversions: number[] = [];
    for (const size of GROWTH_SIZES) {
      const draft = await realisticDraft(size, kind);
      const parsed = await parseEml(draft.eml);
      checks.push(await median(roundsFor(size), checkOf(parsed, policy)));
      if (kind === 'html') conversions.push(await median(roundsFor(size), () => htmlToText(parsed.bodyHtml!)));
    }
    rows.push([`check(), ${kind}`, checks]);
    if (kind === 'html') rows.push(['htmlToText', conversions]);
  }
  for (const [label, times] of rows) {
    const e = fittedExponent(GROWTH_SIZES, times);
    console.log(`${pad(label, 24)}${times.map((t) => pad(ms(t), 13)).join('')}${e.toFixed(2)}`);
    verdicts.push(`${e <= TARGET.exponent ? 'PASS' : 'FAIL'}  growth of ${label} from 5 KB to 1 MB: exponent ${e.toFixed(2)} (target ≤ ${TARGET.exponent.toFixed(2)})`);
  }

  const draft = await parseEml((await realisticDraft(100 * KB, 'html')).eml);
  const file = sampleFile();
  const base = file.councillors?.length ?? 0;
  const policies: [number, ResolvedPolicy][] = [[base, policy], ...[200, 2000].map((n): [number, ResolvedPolicy] => [n, resolvePolicy(withSyntheticDirectory(file, 0, n - base), 'policy.json')])];
  for (const [, p] of policies) for (let i = 0; i < 5; i++) checkOf(draft, p)();
  const samples = new Map<number, number[]>(policies.map(([n]) => [n, []]));
  for (let round = 0; round < 40; round++) {
    for (const [n, p] of policies) {
      const start = performance.now();
      checkOf(draft, p)();
      samples.get(n)!.push(performance.now() - start);
    }
  }
  console.log(`\nCouncillors in the policy, the realistic 100 KB HTML draft (median of 40 rounds, alternating):`);
  const baseMedian = stats(samples.get(base)!).median;
  for (const [n] of policies) {
    const m = stats(samples.get(n)!).median;
    console.log(`${pad(`${n.toLocaleString('en-GB')} councillors`, 26)}${pad(ms(m), 15)}${(m / baseMedian).toFixed(2)}×`);
    if (n === 2000) verdicts.push(`${m / baseMedian <= TARGET.councillors ? 'PASS' : 'FAIL'}  2,000 councillors on the 100 KB draft: ${(m / baseMedian).toFixed(2)}× ${base} councillors (target ≤ ${TARGET.councillors.toFixed(2)}×)`);
  }
  console.log(`\n${verdicts.join('\n')}`);
}

// Run on its own: `node --import tsx bench/growth.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await growthBench();
