/**
 * The progress bar (src/cli/progress.ts): on a terminal's stderr when the report goes to a file
 * or a pipe, never over a report printed to the same terminal, never into a log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIO, runCli } from '../../src/cli/main.ts';
import { createProgressBar, PROGRESS_THRESHOLD, progressLine, shouldShowProgress } from '../../src/cli/progress.ts';
import { FAKE_RULES } from './fixtures/fake-rules.ts';
import { eml, runCliProcess, tempTree } from './helpers.ts';

/** A stand-in for a terminal: what was written, and the line it shows now. */
function fakeTerminal(columns = 80) {
  let written = '';
  return {
    isTTY: true,
    columns,
    write: (text: string) => (written += text),
    written: () => written,
    /** The lines as they look: each redraw starts with \r and \x1b[K (back to the start, clear the line). */
    screen: () => written.split('\n').map((line) => line.slice(line.lastIndexOf('\r') + 1).replace(/\x1b\[K/g, '')),
  };
}

describe('shouldShowProgress', () => {
  const many = PROGRESS_THRESHOLD + 1;
  it.each([
    ['stderr is a terminal and the report goes to a file', { tty: true, reportOnTerminal: false, items: many }, true],
    ['the report is printed to the terminal too', { tty: true, reportOnTerminal: true, items: many }, false],
    ['stderr is a file or a pipe', { tty: false, reportOnTerminal: false, items: many }, false],
    ['there are only a few files', { tty: true, reportOnTerminal: false, items: PROGRESS_THRESHOLD }, false],
    ['--no-progress is given', { tty: true, reportOnTerminal: false, items: many, enabled: false }, false],
    ['the terminal is dumb', { tty: true, reportOnTerminal: false, items: many, env: { TERM: 'dumb' } }, false],
  ] as const)('when %s: %s', (_when, c, expected) => {
    const env = 'env' in c ? c.env : {};
    const enabled = 'enabled' in c ? c.enabled : true;
    expect(shouldShowProgress({ stderr: { isTTY: c.tty }, env, reportOnTerminal: c.reportOnTerminal, items: c.items, enabled })).toBe(expected);
  });
});

describe('the bar', () => {
  it('counts in British English, with the share done and an estimate of the time left', () => {
    const line = progressLine({ label: 'Checking drafts', total: 2000, noun: ['file', 'files'] }, 500, 4000, 100);
    expect(line).toMatch(/^Checking drafts \[=+> *\]  25%  500 of 2,000 files, about 12 s left$/);
    expect(progressLine({ label: 'Reading mail', total: 5_500_000, unit: 'bytes' }, 1_250_000, 200, 80, '1,234 messages')).toContain(
      '1.3 of 5.5 MB, 1,234 messages',
    );
  });

  it('never fills the last column of a narrow terminal, where it would wrap', () => {
    for (const columns of [20, 40, 60, 80]) {
      const line = progressLine({ label: 'Checking drafts', total: 20_000 }, 12_345, 3000, columns);
      expect(line.length).toBeLessThan(Math.max(columns, 21));
    }
  });

  it('redraws one line in place, at most every interval, and always at the end', () => {
    let clock = 0;
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal, { label: 'Checking drafts', total: 300, intervalMs: 100, now: () => clock });
    for (let done = 1; done <= 300; done++) {
      clock += 1;
      bar.update(done);
    }
    const draws = terminal.written().split('\r\x1b[K').filter(Boolean);
    expect(draws.length).toBeGreaterThanOrEqual(3);
    expect(draws.length).toBeLessThanOrEqual(5);
    expect(terminal.written()).not.toContain('\n');
    expect(draws.at(-1)).toContain('100%  300 of 300 files');
  });

  it('lets a message through on its own line and then draws the bar again; finishing leaves the line empty', () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal, { label: 'Checking drafts', total: 400, intervalMs: 0 });
    bar.update(10);
    bar.note('protocol-check: broken.eml: the message is cut short');
    bar.update(11);
    bar.finish();
    const screen = terminal.screen();
    expect(screen[0]).toBe('protocol-check: broken.eml: the message is cut short');
    expect(screen.at(-1)).toBe('');
  });
});

describe('protocol-check over a large folder', () => {
  let tree: ReturnType<typeof tempTree>;
  const count = PROGRESS_THRESHOLD + 5;
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) files[`drafts/${String(i).padStart(4, '0')}.eml`] = eml({ body: `Dear Cllr Lee,\n\nItem ${i}.` });
    files['drafts/9999-broken.eml'] = 'From: Sam <sam@eastmoor.gov.uk>\nTo: Ann <ann@eastm';
    tree = tempTree(files);
  });
  afterAll(() => tree.cleanup());

  function io(stdoutTty: boolean, stderr: ReturnType<typeof fakeTerminal>): CliIO & { out: () => string } {
    let out = '';
    return { stdout: { write: (s: string) => (out += s), isTTY: stdoutTty }, stderr, env: {}, cwd: tree.dir, out: () => out };
  }

  it('shows the bar on a terminal while the report goes to a file, and clears it at the end', async () => {
    const stderr = fakeTerminal();
    const stream = io(false, stderr);
    await runCli(['--format', 'json', 'drafts'], stream, { rules: FAKE_RULES });
    expect(stderr.written()).toMatch(/Checking drafts \[[=> ]+\] +\d+%/);
    expect(stderr.written()).toContain(`${(count + 1).toLocaleString('en-GB')} of ${(count + 1).toLocaleString('en-GB')} files`);
    // The bar never reaches the report, and the problem is still said, on a line of its own.
    expect(stream.out()).not.toContain('Checking drafts');
    expect(stderr.screen()).toContainEqual(expect.stringMatching(/^protocol-check: drafts\/9999-broken\.eml: \S/));
    expect(stderr.screen().at(-1)).toBe('');
  });

  it('draws nothing when the text report is printed to the same terminal', async () => {
    const stderr = fakeTerminal();
    await runCli(['drafts'], io(true, stderr), { rules: FAKE_RULES });
    expect(stderr.written()).not.toContain('Checking drafts');
    expect(stderr.written()).not.toContain('\r');
  });

  it('draws nothing with --no-progress', async () => {
    const stderr = fakeTerminal();
    await runCli(['--no-progress', '--format', 'json', 'drafts'], io(false, stderr), { rules: FAKE_RULES });
    expect(stderr.written()).not.toContain('Checking drafts');
  });

  it('writes no bar into stderr that is a pipe or a log file', () => {
    const run = runCliProcess(['--format', 'json', 'drafts'], { cwd: tree.dir, cli: 'fake' });
    expect(JSON.parse(run.stdout).results).toHaveLength(count + 1);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('Checking drafts');
    expect(run.stderr).toMatch(/^protocol-check: drafts\/9999-broken\.eml: /m);
  });
});
