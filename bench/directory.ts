/**
 * A council's whole directory: what thousands of officers and councillors in the policy cost a
 * check, against the sample policy in the same run (issue 18).
 *
 * Directories: samples/policy.json with made-up people added (tests/helpers/synthetic-directory.ts:
 * names and addresses that appear in no draft) to 6, 1,000 and 20,000 officers and 50 and 2,000
 * councillors. For each:
 * - warm check: check() of every realistic draft (the five samples/drafts and the typical draft of
 *   fixtures.ts) on a policy already used, median of a round; the rounds alternate with the
 *   sample policy's, so that a busy machine slows both alike;
 * - first check: the first check() on a freshly resolved policy object (the people index and the
 *   vocabulary are built then), median of three fresh objects;
 * - index build: buildPeopleIndex alone, median of five;
 * - memory: the heap the index holds (after garbage collection), in MB.
 * Then the CLI over samples/drafts with the 20,000-officer, 2,000-councillor policy against the
 * sample policy, in child processes, alternating, median of five runs each.
 *
 * Targets (PASS/FAIL, exit status unchanged): warm check with 20,000 officers and 2,000
 * councillors ≤ 1.2 × the sample policy's; index build ≤ 100 ms and ≤ 60 MB at that size; the
 * CLI ≤ 1.5 × the sample policy's time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { check } from '../src/engine/check.ts';
import { maintainedFreeMail } from '../src/engine/free-mail-full.ts';
import { buildPeopleIndex } from '../src/engine/people-index.ts';
import type { PolicyFile, ResolvedPolicy } from '../src/engine/policy.ts';
import type { Draft } from '../src/engine/types.ts';
import { parseDraftFile, parseEml } from '../src/mail/index.ts';
import { resolvePolicy } from '../src/policy/resolve.ts';
import { withSyntheticDirectory } from '../tests/helpers/synthetic-directory.ts';
import { typicalDraft } from './fixtures.ts';
import { pad, stats } from './stats.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const NOW = new Date('2027-04-14T10:20:00+01:00'); // inside the sample election's period
const SIZES: { officers: number; councillors: number }[] = [
  { officers: 6, councillors: 50 },
  { officers: 1_000, councillors: 50 },
  { officers: 20_000, councillors: 50 },
  { officers: 1_000, councillors: 2_000 },
  { officers: 20_000, councillors: 2_000 },
];
const WARM_ROUNDS = 80;
const CLI_RUNS = 5;
const TARGET = { warm: 1.2, buildMs: 100, buildMb: 60, cli: 1.5 };

// Garbage collection on demand, for the memory column (the flag can be set at run time).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function sampleFile(): PolicyFile {
  return JSON.parse(readFileSync(join(ROOT, 'samples/policy.json'), 'utf8')) as PolicyFile;
}

/** The sample policy grown to `officers` officers and `councillors` councillors. */
function grown(officers: number, councillors: number): PolicyFile {
  const file = sampleFile();
  return withSyntheticDirectory(file, officers - (file.officers?.length ?? 0), councillors - (file.councillors?.length ?? 0));
}

async function realisticDrafts(): Promise<Draft[]> {
  const dir = join(ROOT, 'samples/drafts');
  const drafts: Draft[] = [];
  for (const f of readdirSync(dir).sort()) drafts.push(await parseDraftFile(f, new Uint8Array(readFileSync(join(dir, f)))));
  drafts.push(await parseEml(typicalDraft().eml));
  return drafts;
}

function checkAll(drafts: readonly Draft[], policy: ResolvedPolicy): void {
  for (const d of drafts) check(d, policy, { now: NOW, freeMail: maintainedFreeMail });
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The heap one people index holds, in MB: three are built and held, in a frame of their own so that nothing else is. */
function indexMemory(policy: ResolvedPolicy): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = [buildPeopleIndex(policy), buildPeopleIndex(policy), buildPeopleIndex(policy)];
  for (const index of held) if (index.officerBareNames.size === 0 && policy.officers.length) throw new Error('the index is empty');
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== 3) throw new Error('unreachable');
  return (after - before) / held.length / 1e6;
}

const median = (xs: number[]) => stats(xs).median;
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

export async function directoryBench(): Promise<void> {
  const drafts = await realisticDrafts();
  const sample = resolvePolicy(sampleFile(), 'samples/policy.json');
  console.log(`\nA council's whole directory: samples/policy.json grown with made-up people, on the ${drafts.length} realistic drafts (five samples/drafts and the typical draft)`);
  console.log('(warm: all drafts once, median of rounds alternating with the sample policy; first: first check on a fresh policy object, median of 3; index: median of 5)');
  console.log(`${pad('officers', 10)}${pad('councillors', 13)}${pad('warm check', 12)}${pad('× sample', 10)}${pad('first check', 13)}${pad('× sample', 10)}${pad('index build', 13)}index memory`);
  const verdicts: string[] = [];
  checkAll(drafts, sample);
  for (const size of SIZES) {
    const file = grown(size.officers, size.councillors);
    // Warm check, alternating with the sample policy.
    const policy = resolvePolicy(file, 'policy.json');
    checkAll(drafts, policy);
    const warm: number[] = [];
    const warmSample: number[] = [];
    for (let i = 0; i < WARM_ROUNDS; i++) {
      warmSample.push(timed(() => checkAll(drafts, sample)));
      warm.push(timed(() => checkAll(drafts, policy)));
    }
    // First check on fresh policy objects, each against a fresh sample policy object.
    const first: number[] = [];
    const firstSample: number[] = [];
    for (let i = 0; i < 3; i++) {
      const freshSample = resolvePolicy(sampleFile(), 'samples/policy.json');
      firstSample.push(timed(() => check(drafts[0]!, freshSample, { now: NOW, freeMail: maintainedFreeMail })));
      const fresh = resolvePolicy(file, 'policy.json');
      first.push(timed(() => check(drafts[0]!, fresh, { now: NOW, freeMail: maintainedFreeMail })));
    }
    // The index alone: time, and the heap it holds.
    const builds: number[] = [];
    // All of it, including the part made on first use.
    for (let i = 0; i < 5; i++) builds.push(timed(() => void buildPeopleIndex(policy).officerBareNames.size));
    const mb = indexMemory(policy);
    const w = median(warm);
    const ws = median(warmSample);
    const fc = median(first);
    const fs = median(firstSample);
    const b = median(builds);
    console.log(
      `${pad(size.officers.toLocaleString('en-GB'), 10)}${pad(size.councillors.toLocaleString('en-GB'), 13)}${pad(`${f2(w)} ms`, 12)}${pad(`${f2(w / ws)}×`, 10)}${pad(`${f1(fc)} ms`, 13)}${pad(`${f2(fc / fs)}×`, 10)}${pad(`${f1(b)} ms`, 13)}${f1(mb)} MB`,
    );
    if (size.officers === 20_000 && size.councillors === 2_000) {
      verdicts.push(`${w / ws <= TARGET.warm ? 'PASS' : 'FAIL'}  warm check, 20,000 officers and 2,000 councillors: ${f2(w / ws)}× the sample policy (target ≤ ${TARGET.warm}×)`);
      verdicts.push(`${b <= TARGET.buildMs && mb <= TARGET.buildMb ? 'PASS' : 'FAIL'}  people index at that size: ${f1(b)} ms, ${f1(mb)} MB (target ≤ ${TARGET.buildMs} ms, ≤ ${TARGET.buildMb} MB)`);
    }
  }
  verdicts.push(cliBench());
  console.log(`\n${verdicts.join('\n')}`);
}

/** The CLI over samples/drafts: the 20,000-officer policy against the sample policy, alternating. */
function cliBench(): string {
  const dir = mkdtempSync(join(tmpdir(), 'protocol-check-bench-'));
  try {
    const big = join(dir, 'policy.json');
    writeFileSync(big, JSON.stringify(grown(20_000, 2_000)));
    const run = (policy: string) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['bin/protocol-check.js', '--policy', policy, '--now', NOW.toISOString(), 'samples/drafts'], { cwd: ROOT, encoding: 'utf8' });
      const elapsed = performance.now() - start;
      if (result.status !== 0 && result.status !== 1) throw new Error(`protocol-check failed (${result.status}): ${result.stderr}`);
      return { elapsed, stdout: result.stdout };
    };
    const sampleRuns: number[] = [];
    const bigRuns: number[] = [];
    let same = true;
    for (let i = 0; i < CLI_RUNS; i++) {
      const a = run('samples/policy.json');
      const b = run(big);
      sampleRuns.push(a.elapsed);
      bigRuns.push(b.elapsed);
      same &&= a.stdout === b.stdout;
    }
    const s = median(sampleRuns);
    const b = median(bigRuns);
    console.log(`\nprotocol-check over samples/drafts (child processes, median of ${CLI_RUNS}, alternating): samples/policy.json ${f1(s)} ms; with 20,000 officers and 2,000 councillors ${f1(b)} ms (${f2(b / s)}×); same output: ${same ? 'yes' : 'NO'}`);
    return `${b / s <= TARGET.cli && same ? 'PASS' : 'FAIL'}  CLI over samples/drafts, 20,000 officers and 2,000 councillors: ${f2(b / s)}× the sample policy (target ≤ ${TARGET.cli}×, same output)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run on its own: `node --import tsx bench/directory.ts`.
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) await directoryBench();
