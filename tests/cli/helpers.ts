/** Run the CLI as a child process on temporary files, the way a user or CI would. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REAL_BIN = join(ROOT, 'bin/protocol-check.js');
const FAKE_CLI = join(ROOT, 'tests/cli/fixtures/fake-cli.mjs');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** `real`: bin/protocol-check.js with every rule; `fake`: the same CLI with the fixed test rules. */
  cli?: 'real' | 'fake';
  env?: Record<string, string>;
}

export function runCliProcess(args: string[], options: RunOptions): RunResult {
  const env = { ...process.env, ...options.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  if (options.env?.NO_COLOR !== undefined) env.NO_COLOR = options.env.NO_COLOR;
  const argv = options.cli === 'fake' ? [FAKE_CLI, ...args] : [REAL_BIN, ...args];
  const child = spawnSync(process.execPath, argv, { cwd: options.cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A temporary folder with the given files (paths relative to it); removed by `cleanup()`. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'protocol-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EmlParts {
  from?: string;
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  date?: string;
  body: string;
}

/** A plain-text RFC 5322 draft. */
export function eml(parts: EmlParts): string {
  const headers = [
    `From: ${parts.from ?? 'Sam Officer <sam.officer@eastmoor.gov.uk>'}`,
    `To: ${parts.to ?? 'Cllr Ann Lee <cllr.ann.lee@eastmoor.gov.uk>'}`,
    ...(parts.cc ? [`Cc: ${parts.cc}`] : []),
    ...(parts.bcc ? [`Bcc: ${parts.bcc}`] : []),
    `Subject: ${parts.subject ?? 'Your enquiry'}`,
    `Date: ${parts.date ?? 'Tue, 13 Apr 2027 10:15:00 +0100'}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'X-Unsent: 1',
  ];
  return `${headers.join('\n')}\n\n${parts.body}\n`;
}
