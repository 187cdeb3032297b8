/**
 * runCli in-process, where the test controls what a child process cannot easily fake: a TTY.
 * Also the SARIF document's structure.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIO, runCli } from '../../src/cli/main.ts';
import { FAKE_RULES } from './fixtures/fake-rules.ts';
import { eml, tempTree } from './helpers.ts';
import { SARIF_STRUCTURE } from './sarif-structure.ts';

function io(cwd: string, options: { tty: boolean; env?: Record<string, string> }): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.tty },
    stderr: { write: (s: string) => (err += s) },
    env: options.env ?? {},
    cwd,
    out: () => out,
    err: () => err,
  };
}

let tree: ReturnType<typeof tempTree>;
beforeAll(() => {
  tree = tempTree({
    'bcc.eml': eml({ bcc: 'Cllr Bo Khan <cllr.bo.khan@eastmoor.gov.uk>', body: 'Dear Cllr Lee,\n\nThe repair is booked.' }),
    'shouty.eml': eml({ subject: 'Call tonight', body: 'Dear Cllr Lee,\r\n\r\nThis is\r\nNEVER going to be DONE.' }),
    'broken.eml': 'From: Sam <sam@eastmoor.gov.uk>\nTo: Ann <ann@eastm',
  });
});
afterAll(() => tree.cleanup());

describe('colour', () => {
  it('colours severity words when stdout is a terminal', async () => {
    const stream = io(tree.dir, { tty: true });
    await runCli(['bcc.eml'], stream, { rules: FAKE_RULES });
    expect(stream.out()).toContain('\x1b[31m\x1b[1merror\x1b[0m');
  });

  it.each([
    ['stdout is not a terminal', [], { tty: false }],
    ['NO_COLOR is set', [], { tty: true, env: { NO_COLOR: '1' } }],
    ['--no-color is given', ['--no-color'], { tty: true }],
  ] as const)('uses none when %s, and the severity is still a word', async (_why, flags, options) => {
    const stream = io(tree.dir, options as { tty: boolean; env?: Record<string, string> });
    await runCli([...flags, 'bcc.eml'], stream, { rules: FAKE_RULES });
    expect(stream.out()).not.toContain('\x1b[');
    expect(stream.out()).toContain('  error  silent-copy');
  });
});

describe('sarif output', () => {
  async function sarifFor(args: string[]) {
    const stream = io(tree.dir, { tty: false });
    const status = await runCli(['--format', 'sarif', ...args], stream, { rules: FAKE_RULES, docsDir: tree.dir });
    return { status, log: JSON.parse(stream.out()), err: stream.err() };
  }

  it('has the structure SARIF 2.1.0 requires', async () => {
    const { log } = await sarifFor(['bcc.eml', 'shouty.eml', 'broken.eml']);
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv, ['uri', 'uri-reference']);
    const validate = ajv.compile(SARIF_STRUCTURE);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('describes every rule, and each result points at its rule', async () => {
    const { log, status } = await sarifFor(['bcc.eml', 'shouty.eml']);
    expect(status).toBe(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('protocol-check');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['silent-copy', 'discourteous-tone', 'out-of-hours']);
    expect(run.tool.driver.rules[0]).toMatchObject({
      shortDescription: { text: 'Test double: flags every Bcc recipient.' },
      defaultConfiguration: { level: 'error', enabled: true },
      properties: { docs: 'docs/rules/silent-copy.md' },
    });
    expect(run.tool.driver.rules[2].defaultConfiguration.level).toBe('note');
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`)).toEqual([
      'silent-copy:error',
      'discourteous-tone:warning',
      'discourteous-tone:warning',
      'out-of-hours:note',
    ]);
  });

  it('locates recipients logically and body words by line and column of the parsed body, saying so', async () => {
    const { log } = await sarifFor(['bcc.eml', 'shouty.eml']);
    const [bcc, never, done] = log.runs[0].results;
    expect(bcc.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'bcc.eml' } },
      logicalLocations: [{ name: 'cllr.bo.khan@eastmoor.gov.uk', fullyQualifiedName: 'bcc/cllr.bo.khan@eastmoor.gov.uk', kind: 'element' }],
    });
    // CRLF line breaks count once: "NEVER" starts line 4, "DONE" is at 4:19–4:23 (end exclusive).
    expect(never.locations[0].physicalLocation.region).toMatchObject({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 6, snippet: { text: 'NEVER' } });
    expect(done.locations[0].physicalLocation.region).toMatchObject({ startLine: 4, startColumn: 19, endColumn: 23 });
    expect(done.locations[0].properties.regionRefersTo).toMatch(/plain-text body/);
  });

  it('reports a file it could not read as a failed notification, not a result', async () => {
    const { log, status, err } = await sarifFor(['bcc.eml', 'broken.eml']);
    expect(status).toBe(2);
    expect(err).toContain('broken.eml');
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: expect.stringMatching(/^broken\.eml: .*cut short/) } }),
    ]);
    expect(log.runs[0].results).toHaveLength(1);
  });
});
