/**
 * `protocol-check audit` over a generated export (issue 12, acceptance 3): the same counts
 * from a folder of .eml files, an mbox and an Outlook .pst, in JSON, CSV and HTML; a cut-short
 * mbox or PST is reported and the rest counted; the HTML opens in Chromium with no request and no axe
 * violation. The 10,000-message figures come from bench/audit.ts.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyFileText } from '../../src/cli/audit-command.ts';
import { runCli } from '../../src/cli/main.ts';
import { axe, launch } from '../browser/harness.ts';
import { type ExportPlan, POLICY, writeEmlFolder, writeMbox, writePstExport } from './export-fixture.ts';
import type { PstLayout } from './pst-writer.ts';

const COUNT = 200;
let dir: string;
let plan: ExportPlan;
let pstLayout: PstLayout;

async function audit(args: string[], options: { tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['audit', ...args], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: options.tty === true }, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-report-'));
  plan = writeEmlFolder(join(dir, 'eml'), COUNT);
  await writeMbox(join(dir, 'sent.mbox'), COUNT, plan);
  pstLayout = writePstExport(join(dir, 'sent.pst'), COUNT, plan).layout;
  writeFileSync(join(dir, 'policy.json'), JSON.stringify({ ...POLICY, audit: { publicKey: plan.publicKey } }));
  writeFileSync(join(dir, 'key.txt'), privateKeyFileText(plan.privateKey, plan.publicKey, new Date()));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = ['--policy', 'policy.json', '--key', 'key.txt'];

/** The numbers of the "Every rule" table in the HTML report, as the JSON's rules. */
function htmlRuleTable(html: string): Record<string, Record<string, number>> {
  const table = /<caption>Every rule: the numbers<\/caption><thead><tr>(.*?)<\/tr><\/thead><tbody>([\s\S]*?)<\/tbody>/.exec(html)!;
  const heads = [...table[1]!.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!).slice(1);
  const out: Record<string, Record<string, number>> = {};
  for (const row of table[2]!.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)) {
    const cells = [...row[2]!.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    out[row[1]!] = Object.fromEntries(heads.map((h, i) => [h, cells[i]!]));
  }
  return out;
}

describe('protocol-check audit', () => {
  let json: { messages: number; unreadable: number; rules: Record<string, Record<string, number>>; stamps: Record<string, number>; sentWithoutCheck: number; reasons: Record<string, number>; senders: { sender: string; overrides: number }[] };

  it('counts what the export holds: the findings, the records opened and the messages sent without a check', async () => {
    const result = await audit([...BASE, '--format', 'json', 'eml']);
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout);
    const k = plan.kinds;
    const stamped = k['bcc-sent-anyway'] + k['bcc-false-positive'] + k['bcc-urgent-overridden'];
    expect(json).toMatchObject({ messages: COUNT, unreadable: 0, stamps: { found: stamped, opened: stamped, notOpened: 0 }, sentWithoutCheck: k['bcc-unstamped'] });
    expect(json.rules['silent-copy']).toEqual({
      findings: COUNT - k.clean,
      sentAnyway: k['bcc-sent-anyway'],
      overridden: k['bcc-false-positive'] + k['bcc-urgent-overridden'],
      falsePositive: k['bcc-false-positive'],
      fixed: 0,
      withoutStamp: k['bcc-unstamped'],
    });
    expect(json.reasons).toEqual({ 'false-positive': k['bcc-false-positive'], urgent: k['bcc-urgent-overridden'] });
    expect(json.senders.reduce((n, s) => n + s.overrides, 0)).toBe(stamped);
    expect(result.stderr).toContain(`${COUNT} messages checked; ${stamped} records found, ${stamped} opened`);
  });

  it('gives the same numbers from an mbox of the same messages, in JSON and in CSV', async () => {
    const fromMbox = await audit([...BASE, '--format', 'json', 'sent.mbox']);
    expect(fromMbox.code).toBe(0);
    expect(JSON.parse(fromMbox.stdout)).toEqual(json);
    const csv = (await audit([...BASE, '--format', 'csv', 'sent.mbox'])).stdout.trim().split('\r\n').map((line) => line.split(','));
    expect(csv[0]).toEqual(['section', 'item', 'measure', 'value']);
    const value = (section: string, item: string, measure: string) => Number(csv.find((r) => r[0] === section && r[1] === item && r[2] === measure)?.[3]);
    expect(value('total', '', 'messages')).toBe(json.messages);
    expect(value('total', '', 'unreadable')).toBe(json.unreadable);
    expect(value('total', '', 'sentWithoutCheck')).toBe(json.sentWithoutCheck);
    for (const [id, counts] of Object.entries(json.rules)) for (const [m, n] of Object.entries(counts)) expect(value('rule', id, m), `${id} ${m}`).toBe(n);
    for (const [reason, n] of Object.entries(json.reasons)) expect(value('reason', reason, 'records')).toBe(n);
  });

  it('gives the same numbers from an Outlook .pst of the same messages, in JSON, CSV and HTML', async () => {
    const fromPst = await audit([...BASE, '--format', 'json', 'sent.pst']);
    expect(fromPst.code).toBe(0);
    expect(JSON.parse(fromPst.stdout)).toEqual(json);
    const fromMbox = (await audit([...BASE, '--format', 'csv', 'sent.mbox'])).stdout;
    expect((await audit([...BASE, '--format', 'csv', 'sent.pst'])).stdout).toBe(fromMbox);
    await audit([...BASE, '--format', 'html', '--out', 'pst-report.html', 'sent.pst']);
    expect(htmlRuleTable(readFileSync(join(dir, 'pst-report.html'), 'utf8'))).toEqual(json.rules);
  });

  it('writes one self-contained HTML file with the same numbers, which opens in Chromium with no request and no axe violation', async () => {
    const result = await audit([...BASE, '--format', 'html', '--out', 'report.html', 'sent.mbox']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(htmlRuleTable(html)).toEqual(json.rules);
    // Charts are inline SVG drawn at report time; nothing is fetched, and the file forbids fetching.
    expect(html.match(/<svg\b/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    for (const title of ['Findings per rule per month', 'Sent anyway and overridden, per rule', 'Reasons given', '"False positive" reports per rule: what to tune first', 'Senders with most overrides', 'Messages sent without any check, per rule']) {
      expect(html).toContain(`>${title.replace(/"/g, '&#34;')}</h2>`);
    }

    const browser = await launch();
    try {
      // axe is added to the page as a script, which the file's own policy forbids: bypass it for the check only.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(dir, 'report.html')}`);
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
      expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(5);
      expect(await axe(page)).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('reports a cut-short mbox and still counts every message before the cut', async () => {
    const cut = join(dir, 'cut.mbox');
    writeFileSync(cut, readFileSync(join(dir, 'sent.mbox')));
    truncateSync(cut, statSync(cut).size - 120);
    const result = await audit([...BASE, '--format', 'json', 'cut.mbox']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.messages).toBe(COUNT - 1);
    expect(report.unreadable).toBe(1);
    expect(result.stderr).toContain(`cut.mbox, message ${COUNT}: the export ends part-way through message ${COUNT}: it was cut short, so it was not checked`);
  });

  it('reports a cut-short PST and still counts every message before the cut', async () => {
    const cut = join(dir, 'cut.pst');
    writeFileSync(cut, readFileSync(join(dir, 'sent.pst')));
    // The cut falls inside the third-last message: it and the two after it are lost.
    truncateSync(cut, pstLayout.messageOffsets[COUNT - 3]! + 64);
    const result = await audit([...BASE, '--format', 'json', 'cut.pst']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.messages).toBe(COUNT - 3);
    expect(report.unreadable).toBe(3);
    // One line for the three, naming the file and the folder, in plain words.
    const lines = result.stderr.split('\n').filter((l) => l.includes('cut.pst'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^protocol-check audit: cut\.pst, folder "Sent Items": 3 of the folder's 200 messages could not be read: the export is cut short \(it ends at [\d.]+ MB of the [\d.]+ MB its header gives\)$/);
    expect(result.stderr).not.toMatch(/PST[A-Z]\w+::|Error:|at \w+ \(/);
  });

  it('counts records without opening them when no key is given', async () => {
    const result = await audit(['--policy', 'policy.json', '--format', 'json', 'sent.mbox']);
    const report = JSON.parse(result.stdout);
    expect(report.stamps).toEqual({ found: json.stamps.found, opened: 0, notOpened: json.stamps.found });
    expect(report.rules['silent-copy'].sentAnyway).toBe(0);
  });

  it('says what is wrong with a file it cannot use, and counts the rest', async () => {
    writeFileSync(join(dir, 'notes.mbox'), 'Shopping list\n');
    writeFileSync(join(dir, 'export.pst'), '!BDN');
    writeFileSync(join(dir, 'renamed.pst'), 'Shopping list\n');
    const result = await audit([...BASE, '--format', 'json', 'notes.mbox', 'export.pst', 'renamed.pst', 'eml/000000.eml']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ messages: 1, unreadable: 3 });
    expect(result.stderr).toContain('notes.mbox: this is not an mbox file: it does not start with a "From " line');
    expect(result.stderr).toContain('export.pst: the file is cut short inside its header, so nothing in it can be read');
    expect(result.stderr).toContain('renamed.pst: this is not an Outlook .pst file: it does not start with the PST signature (!BDN)');
  });

  it('refuses the public key in place of the private key, and a wrong option, in plain words', async () => {
    writeFileSync(join(dir, 'public.txt'), `${plan.publicKey}\n`);
    const wrongKey = await audit(['--policy', 'policy.json', '--key', 'public.txt', '--format', 'json', 'eml/000002.eml']);
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stderr).toContain('public.txt: this is the public key from the policy; the report needs the private key file that keygen wrote');
    const badFormat = await audit(['--format', 'pdf', 'eml']);
    expect(badFormat).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be html, json or csv, not "pdf"') });
  });

  it('draws a progress bar on a terminal, for an mbox and for a PST', async () => {
    for (const file of ['sent.mbox', 'sent.pst']) {
      const result = await audit([...BASE, '--format', 'json', file], { tty: true });
      expect(result.stderr, file).toMatch(/\r\x1b\[KReading the export \[[=> ]+\] +\d+%  [\d.]+ of [\d.]+ MB, [\d,]+ messages/);
      expect(result.stderr, file).toContain(`100%  `);
      expect(JSON.parse(result.stdout).messages).toBe(COUNT);
    }
    // Not on a terminal: no bar at all.
    expect((await audit([...BASE, '--format', 'json', 'sent.pst'])).stderr).not.toContain('Reading the export');
  });
});

describe('protocol-check audit keygen', () => {
  it('writes a private key file that opens the records sealed to the public key it prints, and never overwrites one', async () => {
    const first = await audit(['keygen', '--out', 'officer.key']);
    expect(first.code).toBe(0);
    const publicKey = /"publicKey": "([A-Za-z0-9+/]{43}=)"/.exec(first.stdout)![1]!;
    const file = readFileSync(join(dir, 'officer.key'), 'utf8');
    expect(file).toMatch(/KEEP THIS FILE SAFE/);
    expect(statSync(join(dir, 'officer.key')).mode & 0o077).toBe(0);
    const { keyFromFileText } = await import('../../src/cli/audit-command.ts');
    const { publicKeyOf } = await import('../../src/audit/seal.ts');
    expect(publicKeyOf(keyFromFileText(file)!)).toBe(publicKey);
    const again = await audit(['keygen', '--out', 'officer.key']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('officer.key already exists');
    expect(readFileSync(join(dir, 'officer.key'), 'utf8')).toBe(file);
  });
});
