/**
 * The command line as people run it (issue 15): `node bin/protocol-check.js` in a new process,
 * from the pre-built build/cli (built first if the sources are newer).
 *
 * 1. `--help`: wall time, the median of five, against `node -e 0` (Node's own start-up) in the
 *    same run. Target ≤ 0.3 s.
 * 2. `--format json` over the Northbridge corpus (81 drafts) and over 2,000 drafts (the same
 *    drafts copied into 25 folders), the report written to a file as `> report.json` does:
 *    - time against the postal-mime floor: a process that reads the same files and parses each
 *      with postal-mime and does nothing else, alternating with the CLI, the median of three;
 *      target on 2,000 drafts ≤ 2 × the floor;
 *    - peak memory: the process's maximum resident set (its worker thread included), the median
 *      of the same three runs; target on 2,000 drafts ≤ 1.2 × the peak on 81.
 *
 * Run alone with `node --import tsx bench/cli.ts`; `npm run bench` runs it last.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildCli, cliBuildIsCurrent } from '../scripts/build-cli.ts';
import { PEAK_RSS_KB, pad } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/protocol-check.js');
const CORPUS = join(ROOT, 'tests/corpus/northbridge');
const NOW = '2027-04-14T10:20:00+01:00';
const TARGET = { helpSeconds: 0.3, floor: 2, memory: 1.2 };
const HELP_RUNS = 5;
const FOLDER_RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs the installed command and reports its peak memory on stderr as it exits. */
const MEASURED_BIN = `import { pathToFileURL } from 'node:url';
const bin = process.argv.splice(2, 1)[0];
process.on('exit', () => process.stderr.write('\\nMAXRSS ' + ${PEAK_RSS_KB} + '\\n'));
await import(pathToFileURL(bin).href);
`;

/** The floor: read every .eml under a folder and parse it with postal-mime, nothing more. */
const POSTAL_MIME_FLOOR = `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.eml') ? [join(dir, e.name)] : []));
let n = 0;
for (const file of walk(process.argv[1])) { await PostalMime.parse(readFileSync(file)); n++; }
process.stdout.write(String(n));
`;

function timed(args: string[], options: { stdoutFile?: string } = {}) {
  const out = options.stdoutFile ? openSync(options.stdoutFile, 'w') : 'pipe';
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', out, 'pipe'], timeout: 600_000 });
  const elapsed = performance.now() - start;
  if (typeof out === 'number') closeSync(out);
  return { elapsed, child };
}

/** `count` drafts: the corpus's .eml files copied into as many folders as it takes. */
function copiedCorpus(dir: string, count: number): string {
  const emls = readdirSync(CORPUS).filter((f) => f.endsWith('.eml')).sort();
  const folder = join(dir, `drafts-${count}`);
  for (let i = 0; i < count; i++) {
    const sub = join(folder, `copy-${String(Math.floor(i / emls.length)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    copyFileSync(join(CORPUS, emls[i % emls.length]!), join(sub, emls[i % emls.length]!));
  }
  return folder;
}

export async function cliBench(): Promise<void> {
  if (!cliBuildIsCurrent()) await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'protocol-check-cli-bench-'));
  const verdicts: string[] = [];
  try {
    const measured = join(dir, 'measured-bin.mjs');
    writeFileSync(measured, MEASURED_BIN);

    // 1. Start-up.
    const help: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < HELP_RUNS; i++) {
      bare.push(timed(['-e', '0']).elapsed);
      const run = timed([BIN, '--help']);
      if (run.child.status !== 0 || !run.child.stdout.includes('protocol-check audit')) throw new Error(`protocol-check --help failed: ${run.child.stderr}`);
      help.push(run.elapsed);
    }
    console.log(`\nThe command line (bin/protocol-check.js, build/cli), new processes:`);
    console.log(`--help median of ${HELP_RUNS}: ${seconds(median(help))} (node -e 0: ${seconds(median(bare))})`);
    verdicts.push(`${median(help) <= TARGET.helpSeconds * 1000 ? 'PASS' : 'FAIL'}  CLI --help: ${seconds(median(help))} (target ≤ ${TARGET.helpSeconds} s)`);

    // 2. Folders: time against the postal-mime floor, and peak memory.
    const folders: [string, string, number][] = [
      ['Northbridge corpus', CORPUS, 81],
      ['2,000 drafts', copiedCorpus(dir, 2000), 2000],
    ];
    console.log(`${pad('folder', 22)}${pad('files', 8)}${pad('CLI', 11)}${pad('floor', 11)}${pad('CLI/floor', 12)}peak memory`);
    const peaks: number[] = [];
    for (const [name, folder, files] of folders) {
      const cli: number[] = [];
      const floor: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < FOLDER_RUNS; i++) {
        const parsed = timed(['--input-type=module', '-e', POSTAL_MIME_FLOOR, folder]);
        if (parsed.child.stdout !== String(files)) throw new Error(`the postal-mime floor read ${parsed.child.stdout} files, not ${files}: ${parsed.child.stderr}`);
        floor.push(parsed.elapsed);
        const run = timed([measured, BIN, '--format', 'json', '--now', NOW, folder], { stdoutFile: join(dir, 'report.json') });
        const peak = /MAXRSS (\d+)/.exec(run.child.stderr ?? '');
        if (!peak || (run.child.status !== 0 && run.child.status !== 1)) throw new Error(`protocol-check stopped (${run.child.status}): ${run.child.stderr}`);
        cli.push(run.elapsed);
        rss.push(Number(peak[1]) / 1024);
      }
      const ratio = median(cli) / median(floor);
      peaks.push(median(rss));
      console.log(`${pad(name, 22)}${pad(String(files), 8)}${pad(seconds(median(cli)), 11)}${pad(seconds(median(floor)), 11)}${pad(`${ratio.toFixed(2)}×`, 12)}${median(rss).toFixed(0)} MB`);
      if (files === 2000) verdicts.push(`${ratio <= TARGET.floor ? 'PASS' : 'FAIL'}  CLI on 2,000 drafts: ${ratio.toFixed(2)}× the postal-mime floor (target ≤ ${TARGET.floor}×)`);
    }
    const growth = peaks[1]! / peaks[0]!;
    verdicts.push(
      `${growth <= TARGET.memory ? 'PASS' : 'FAIL'}  CLI peak memory: ${peaks[1]!.toFixed(0)} MB on 2,000 drafts, ${peaks[0]!.toFixed(0)} MB on 81 (${growth.toFixed(2)}×, target ≤ ${TARGET.memory}×)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${verdicts.join('\n')}`);
}

// Run on its own: `node --import tsx bench/cli.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await cliBench();
