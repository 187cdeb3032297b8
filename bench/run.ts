/**
 * `npm run bench`: how long check() takes against parsing the same .eml with parseEml, the
 * floor any checker pays before it can look at a draft. For each size it prints the median
 * and 95th percentile of parse and check, and the ratio check/parse, under two policies:
 * samples/policy.json (a council with a directory and an election) and the embedded default.
 *
 * Then (bench/send-handler.ts) the send-time handler from event to `completed` against check()
 * alone, and (bench/taskpane-load.ts) the taskpane's initial JavaScript and its first findings in
 * Chromium against a blank Fluent UI page; and (bench/directory.ts) checks with a directory of
 * thousands of officers and councillors against the sample policy; and (bench/growth.ts) check()
 * on realistic drafts from 1 KB to 1 MB against parseEml, its growth, and 6 to 2,000 councillors.
 * bench/README.md says what each one times.
 *
 * Targets (PASS/FAIL is printed; the exit status stays 0 so a slow machine does not fail CI):
 * - typical draft: check median ≤ 0.5 × parse median;
 * - 200 KB HTML draft: check median < 20 ms;
 * - send handler: median ≤ 300 ms and ≤ 2 × check;
 * - taskpane initial JavaScript ≤ 200 KB gzip.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { check } from '../src/engine/check.ts';
import { maintainedFreeMail } from '../src/engine/free-mail-full.ts';
import { RULES } from '../src/engine/rules/index.ts';
import type { ResolvedPolicy } from '../src/engine/policy.ts';
import { parseEml } from '../src/mail/eml.ts';
import { parsePolicyText } from '../src/policy/load.ts';
import { embeddedDefaultPolicy } from '../src/policy/resolve.ts';
import { benchDrafts } from './fixtures.ts';
import { ms, pad, stats, type Stats } from './stats.ts';

const ITERATIONS: Record<string, number> = { small: 400, typical: 300, large: 60 };
const NOW = new Date('2027-04-14T10:20:00+01:00'); // inside the sample election's period

async function time(iterations: number, run: () => unknown): Promise<Stats> {
  // Warm-up: let the JIT compile the hot paths before anything is measured.
  for (let i = 0; i < Math.max(10, iterations / 5); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

function samplePolicy(): ResolvedPolicy {
  const loaded = parsePolicyText(readFileSync(new URL('../samples/policy.json', import.meta.url), 'utf8'), 'samples/policy.json');
  if (!loaded.policy) throw new Error(`samples/policy.json cannot be used: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.policy;
}

async function main() {
  const policies: [string, ResolvedPolicy][] = [
    ['samples/policy.json', samplePolicy()],
    ['embedded default', embeddedDefaultPolicy()],
  ];
  const verdicts: string[] = [];
  console.log(`protocol-check benchmark: Node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log(`${pad('draft', 28)}${pad('policy', 22)}${pad('parse median', 15)}${pad('parse p95', 13)}${pad('check median', 15)}${pad('check p95', 13)}check/parse`);
  for (const draft of benchDrafts()) {
    const iterations = ITERATIONS[draft.name] ?? 100;
    const parse = await time(iterations, () => parseEml(draft.eml));
    const parsed = await parseEml(draft.eml);
    const label = `${draft.name} (${(draft.eml.length / 1024).toFixed(1)} KB)`;
    for (const [policyName, policy] of policies) {
      const checked = await time(iterations, () => check(parsed, policy, { now: NOW, freeMail: maintainedFreeMail }));
      const ratio = checked.median / parse.median;
      console.log(
        `${pad(label, 28)}${pad(policyName, 22)}${pad(ms(parse.median), 15)}${pad(ms(parse.p95), 13)}${pad(ms(checked.median), 15)}${pad(ms(checked.p95), 13)}${ratio.toFixed(2)}×`,
      );
      if (draft.name === 'typical') {
        verdicts.push(`${ratio <= 0.5 ? 'PASS' : 'FAIL'}  typical draft, ${policyName}: check/parse ${ratio.toFixed(2)}× (target ≤ 0.50×)`);
      }
      if (draft.name === 'large') {
        verdicts.push(`${checked.median < 20 ? 'PASS' : 'FAIL'}  200 KB HTML draft, ${policyName}: check ${ms(checked.median)} (target < 20 ms)`);
      }
    }
  }
  console.log(`\n${verdicts.join('\n')}`);
  await missionOnly(policies[0]!);
  await breakdown(policies);
}

/** The four mission rules alone (the engine before the full catalogue) against all of them. */
async function missionOnly([policyName, policy]: [string, ResolvedPolicy]) {
  const MISSION = ['silent-copy', 'personal-email', 'letterhead-for-party-matters', 'pre-election-publicity'];
  const mission = RULES.filter((r) => MISSION.includes(r.meta.id));
  console.log(`\nThe four mission rules alone against all ${RULES.length} rules, ${policyName}:`);
  console.log(`${pad('draft', 28)}${pad('4 rules median', 17)}${pad(`${RULES.length} rules median`, 17)}all/4`);
  for (const draft of benchDrafts().filter((d) => d.name !== 'small')) {
    const parsed = await parseEml(draft.eml);
    const iterations = ITERATIONS[draft.name] ?? 100;
    const four = await time(iterations, () => check(parsed, policy, { now: NOW, freeMail: maintainedFreeMail, rules: mission }));
    const all = await time(iterations, () => check(parsed, policy, { now: NOW, freeMail: maintainedFreeMail }));
    console.log(`${pad(`${draft.name} (${(draft.eml.length / 1024).toFixed(1)} KB)`, 28)}${pad(ms(four.median), 17)}${pad(ms(all.median), 17)}${(all.median / four.median).toFixed(2)}×`);
  }
}

/**
 * Where the time goes on the large draft: the shared work every check does (HTML to text,
 * body layout, people) and each rule on top of it, slowest first.
 */
async function breakdown(policies: [string, ResolvedPolicy][]) {
  const large = benchDrafts().find((d) => d.name === 'large')!;
  const parsed = await parseEml(large.eml);
  for (const [policyName, policy] of policies) {
    const base = await time(20, () => check(parsed, policy, { now: NOW, freeMail: maintainedFreeMail, rules: [] }));
    const perRule: [string, number][] = [];
    for (const rule of RULES) {
      const withRule = await time(10, () => check(parsed, policy, { now: NOW, freeMail: maintainedFreeMail, rules: [rule] }));
      perRule.push([rule.meta.id, Math.max(0, withRule.median - base.median)]);
    }
    perRule.sort((a, b) => b[1] - a[1]);
    console.log(`\nLarge draft, ${policyName}: shared context ${ms(base.median)}; slowest rules on top of it:`);
    for (const [id, extra] of perRule.slice(0, 6)) console.log(`  ${pad(id, 32)}${ms(extra)}`);
  }
}

await main();

// Realistic drafts from 1 KB to 1 MB, growth, and councillors in the policy (bench/growth.ts).
const { growthBench } = await import('./growth.ts');
await growthBench();

// Outlook's send-time handler and the taskpane's first load, each against a baseline of its own.
const { sendHandlerBench } = await import('./send-handler.ts');
const { taskpaneLoadBench } = await import('./taskpane-load.ts');
await sendHandlerBench();
await taskpaneLoadBench();

// The taskpane while the user writes: its unchanged and changed ticks, and findings on screen after a change (bench/taskpane-ticks.ts).
const { taskpaneTicksBench } = await import('./taskpane-ticks.ts');
await taskpaneTicksBench();

// A council's whole staff directory in the policy (bench/directory.ts).
const { directoryBench } = await import('./directory.ts');
await directoryBench();

// Hostile bodies and files: growth per rule, and the CLI's time and memory (bench/adversarial.ts).
const { adversarialBench } = await import('./adversarial.ts');
await adversarialBench();

// The monitoring officer's audit report over 10,000 messages as .eml, mbox and PST (bench/audit.ts).
const { auditBench } = await import('./audit.ts');
await auditBench();

// The command line as people run it: --help, and folders of 81 and 2,000 drafts (bench/cli.ts).
const { cliBench } = await import('./cli.ts');
await cliBench();
