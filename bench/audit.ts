/**
 * The monitoring officer's audit report over a large export (issue 12): `protocol-check audit`
 * on the same generated messages as a folder of .eml files, one mbox and one Outlook .pst
 * (tests/audit/export-fixture.ts; the PST from tests/audit/pst-writer.ts), each in a child
 * process running bin/protocol-check.js as users run it. For each: the wall time, the child's
 * peak resident memory (the kernel's high-water mark, VmHWM, reported by the child as it exits,
 * so no /usr/bin/time is needed; see PEAK_RSS_KB in stats.ts), messages per second, and whether its JSON report gives the same
 * numbers as the others.
 *
 *   node --import tsx bench/audit.ts [messages]     (default 10,000)
 *
 * Targets (PASS/FAIL, exit status unchanged): the same report from all three formats; peak
 * memory ≤ 400 MB for every format (the export is streamed, so it must not grow with the count).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { privateKeyFileText } from '../src/cli/audit-command.ts';
import { POLICY, writeEmlFolder, writeMbox, writePstExport } from '../tests/audit/export-fixture.ts';
import { PEAK_RSS_KB, pad } from './stats.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PEAK_TARGET_MB = 400;
// Loaded before the CLI in the child: writes its peak resident set to stderr as it exits.
const REPORT_PEAK = `data:text/javascript,${encodeURIComponent(`process.on('exit',()=>process.stderr.write('\\nMAXRSS '+${PEAK_RSS_KB}+'\\n'))`)}`;

function sizeOf(path: string): number {
  const info = statSync(path);
  return info.isDirectory() ? readdirSync(path).reduce((n, name) => n + statSync(join(path, name)).size, 0) : info.size;
}

export async function auditBench(count = 10_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'protocol-check-audit-bench-'));
  try {
    console.log(`\nThe audit report over ${count.toLocaleString('en-GB')} messages in each format (a new process each; peak = the process's maximum resident set):`);
    const made = performance.now();
    const plan = writeEmlFolder(join(dir, 'eml'), count);
    await writeMbox(join(dir, 'sent.mbox'), count, plan);
    writePstExport(join(dir, 'sent.pst'), count, plan);
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ ...POLICY, audit: { publicKey: plan.publicKey } }));
    writeFileSync(join(dir, 'key.txt'), privateKeyFileText(plan.privateKey, plan.publicKey, new Date()));
    console.log(`(exports generated in ${((performance.now() - made) / 1000).toFixed(1)} s)`);
    console.log(`${pad('format', 14)}${pad('size', 12)}${pad('time', 12)}${pad('messages/s', 13)}${pad('peak', 10)}report`);

    const reports: string[] = [];
    const verdicts: string[] = [];
    for (const [label, input] of [['.eml folder', 'eml'], ['mbox', 'sent.mbox'], ['pst', 'sent.pst']] as const) {
      const out = `report-${input.replace(/\W/g, '')}.json`;
      const start = performance.now();
      const child = spawnSync(process.execPath, ['--import', REPORT_PEAK, join(ROOT, 'bin/protocol-check.js'), 'audit', '--policy', 'policy.json', '--key', 'key.txt', '--format', 'json', '--out', out, input], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 3_600_000,
      });
      const seconds = (performance.now() - start) / 1000;
      const peakMb = Number(/MAXRSS (\d+)/.exec(child.stderr ?? '')?.[1] ?? NaN) / 1024;
      let summary = `failed (exit ${child.status ?? child.signal})`;
      if (child.status === 0) {
        const report = JSON.parse(readFileSync(join(dir, out), 'utf8')) as { messages: number; unreadable: number; unreadableItems: unknown };
        reports.push(JSON.stringify({ ...report, unreadableItems: undefined }));
        summary = `${report.messages.toLocaleString('en-GB')} checked, ${report.unreadable} unreadable`;
      }
      console.log(
        `${pad(label, 14)}${pad(`${(sizeOf(join(dir, input)) / 1e6).toFixed(1)} MB`, 12)}${pad(`${seconds.toFixed(1)} s`, 12)}${pad(Math.round(count / seconds).toLocaleString('en-GB'), 13)}${pad(`${peakMb.toFixed(0)} MB`, 10)}${summary}`,
      );
      verdicts.push(`${child.status === 0 && peakMb <= PEAK_TARGET_MB ? 'PASS' : 'FAIL'}  audit over ${label}: peak ${peakMb.toFixed(0)} MB (target ≤ ${PEAK_TARGET_MB} MB), ${seconds.toFixed(1)} s`);
    }
    const same = reports.length === 3 && reports.every((r) => r === reports[0]);
    verdicts.push(`${same ? 'PASS' : 'FAIL'}  the three formats give the same report`);
    console.log(`\n${verdicts.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await auditBench(process.argv[2] ? Number(process.argv[2]) : undefined);
