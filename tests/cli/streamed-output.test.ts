/**
 * Results are printed as each file is checked (issue 15), and the document a user or a CI job
 * reads is byte for byte the one the command printed when it kept every result to the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, normaliseDraft } from '../../src/engine/check.ts';
import { embeddedDefaultPolicy } from '../../src/policy/resolve.ts';
import { formatJson, jsonReportWriter } from '../../src/cli/format-json.ts';
import { formatSarif, sarifReportWriter } from '../../src/cli/format-sarif.ts';
import { type CliIO, runCli } from '../../src/cli/main.ts';
import { parseDraftBytes } from '../../src/cli/read-draft.ts';
import type { FileResult, ReportWriter } from '../../src/cli/results.ts';
import { FAKE_RULES } from './fixtures/fake-rules.ts';
import { eml, tempTree } from './helpers.ts';

const NOW = new Date('2027-04-12T09:30:00+01:00');
const DRAFTS: Record<string, string> = {
  'a-bcc.eml': eml({ bcc: 'Cllr Bo Khan <cllr.bo.khan@eastmoor.gov.uk>', body: 'Dear Cllr Lee,\n\nThe repair is booked.' }),
  // Quotes with line breaks, quotation marks and non-ASCII text must come out escaped the same way.
  'b-shouty.eml': eml({ subject: 'Call tonight', body: 'Dear Cllr Lee,\n\nThis is\nNEVER "DONE" — the café is LATE.' }),
  'c-clean.eml': eml({ body: 'Dear Cllr Lee,\n\nThank you for your enquiry.' }),
};

async function resultsFor(files: Record<string, string>): Promise<FileResult[]> {
  const policy = embeddedDefaultPolicy();
  const results: FileResult[] = [];
  for (const [file, text] of Object.entries(files)) {
    const draft = normaliseDraft(await parseDraftBytes(file, new TextEncoder().encode(text)));
    results.push({ file, findings: check(draft, policy, { now: NOW, rules: FAKE_RULES }), body: draft.body, subject: draft.subject });
  }
  results.push({ file: 'd-broken.eml', error: 'the message is cut short in its headers' });
  return results;
}

function written(writer: ReportWriter, results: readonly FileResult[]): string {
  return results.map((r) => writer.add(r)).join('') + writer.end();
}

describe('the streamed report writers', () => {
  it('write the JSON document of the buffered formatter, byte for byte', async () => {
    const results = await resultsFor(DRAFTS);
    expect(results.some((r) => 'findings' in r && r.findings.length > 1)).toBe(true);
    expect(written(jsonReportWriter(), results)).toBe(formatJson(results));
    expect(written(jsonReportWriter(), results.slice(0, 1))).toBe(formatJson(results.slice(0, 1)));
    expect(written(jsonReportWriter(), [])).toBe(formatJson([]));
  });

  it('write the SARIF log of the buffered formatter, byte for byte, without keeping the bodies', async () => {
    const results = await resultsFor(DRAFTS);
    const options = { rules: FAKE_RULES, policy: embeddedDefaultPolicy(), version: '9.9.9' };
    expect(written(sarifReportWriter(options), results)).toBe(formatSarif(results, options));
    const clean = results.filter((r) => 'findings' in r && r.findings.length === 0);
    expect(written(sarifReportWriter(options), clean)).toBe(formatSarif(clean, options));
    // The writer is handed the result and must not need it afterwards: emptying the bodies changes nothing.
    const writer = sarifReportWriter(options);
    for (const result of results) {
      writer.add(result);
      if ('body' in result) result.body = '';
    }
    expect(writer.end()).toBe(formatSarif(await resultsFor(DRAFTS), options));
  });
});

describe('protocol-check over a folder', () => {
  let tree: ReturnType<typeof tempTree>;
  beforeAll(() => {
    tree = tempTree(Object.fromEntries(Object.entries(DRAFTS).map(([name, text]) => [`drafts/${name}`, text])));
  });
  afterAll(() => tree.cleanup());

  function io(): CliIO & { chunks: string[] } {
    const chunks: string[] = [];
    return { stdout: { write: (s: string) => chunks.push(s) }, stderr: { write: () => true }, env: {}, cwd: tree.dir, chunks };
  }

  it('prints JSON a file at a time, and the whole is the buffered document', async () => {
    const stream = io();
    const status = await runCli(['--format', 'json', '--now', NOW.toISOString(), 'drafts'], stream, { rules: FAKE_RULES });
    expect(status).toBe(1);
    const out = stream.chunks.join('');
    const report = JSON.parse(out) as { results: { file: string }[] };
    expect(report.results.map((r) => r.file)).toEqual(['drafts/a-bcc.eml', 'drafts/b-shouty.eml', 'drafts/c-clean.eml']);
    expect(out).toBe(`${JSON.stringify(report, null, 2)}\n`);
    // One piece per file, then the closing brackets: a reader of the pipe sees each file as it is done.
    expect(stream.chunks).toHaveLength(4);
    expect(stream.chunks[0]).toContain('drafts/a-bcc.eml');
    expect(stream.chunks[0]).not.toContain('drafts/b-shouty.eml');
  });

  it('prints each file\'s block of the text report as it is checked, and the totals last', async () => {
    const stream = io();
    await runCli(['--now', NOW.toISOString(), 'drafts'], stream, { rules: FAKE_RULES });
    expect(stream.chunks).toHaveLength(4);
    expect(stream.chunks[1]!.startsWith('drafts/b-shouty.eml\n')).toBe(true);
    expect(stream.chunks[3]).toMatch(/^3 files: 1 error, \d+ warnings?, \d+ info\n$/);
  });
});
