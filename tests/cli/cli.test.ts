/**
 * The protocol-check command line, run as a child process on temporary files. Tests that need
 * known findings use the fake CLI (the same runCli with a fixed rule set); the rest run
 * bin/protocol-check.js itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eml, ROOT, runCliProcess, tempTree } from './helpers.ts';

const CLEAN = eml({ body: 'Dear Cllr Lee,\n\nThank you for your enquiry about the bus shelter.\n\nSam' });
// The fake rules flag Bcc (error), words in capitals (warning) and "tonight" in the subject (info).
const WITH_BCC = eml({ bcc: 'Cllr Bo Khan <cllr.bo.khan@eastmoor.gov.uk>', body: 'Dear Cllr Lee,\n\nThe repair is booked.\n\nSam' });
const SHOUTY = eml({ subject: 'Meeting tonight', body: 'Dear Cllr Lee,\n\nThis is\nNEVER acceptable and\nthe report is LATE.' });
// Cut off in the middle of the headers, as a failed download or copy leaves it.
const TRUNCATED = 'From: Sam Officer <sam.officer@eastmoor.gov.uk>\nTo: Cllr Ann Lee <cllr.ann.lee@eastm';
const JSON_DRAFT = JSON.stringify({
  from: { name: 'Sam Officer', email: 'sam.officer@eastmoor.gov.uk' },
  to: [{ name: 'Cllr Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' }],
  cc: [],
  bcc: [{ name: 'Cllr Bo Khan', email: 'cllr.bo.khan@eastmoor.gov.uk' }],
  subject: 'Ward walk',
  body: 'Dear Cllr Lee,\n\nThe ward walk is on Friday.',
  date: '2027-04-12T09:30:00+01:00',
});

let tree: ReturnType<typeof tempTree>;
beforeAll(() => {
  tree = tempTree({
    'clean.eml': CLEAN,
    'bcc.eml': WITH_BCC,
    'shouty.eml': SHOUTY,
    'truncated.eml': TRUNCATED,
    'drafts/b/second.eml': WITH_BCC,
    'drafts/a/first.json': JSON_DRAFT,
    'drafts/notes.txt': 'not a draft',
    'empty/readme.txt': 'no drafts here',
    'notes.txt': 'not a draft',
    'policy-bad-email.json': JSON.stringify({
      council: { name: 'Eastmoor Borough Council', domains: ['eastmoor.gov.uk'] },
      councillors: [
        { name: 'Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' },
        { name: 'Jane Smith', email: 'jane smith' },
      ],
    }),
    'policy-no-council.json': JSON.stringify({ councillors: [] }),
    'policy-not-json.json': '{ "council": { "name": "Eastmoor Borough Council", }',
    'policy-good.json': JSON.stringify({ council: { name: 'Eastmoor Borough Council', domains: ['eastmoor.gov.uk'] } }),
    'docs/silent-copy.md': '# silent-copy\n\n## What it catches\n\nTest page.\n',
  });
});
afterAll(() => tree.cleanup());

const fake = (args: string[], env?: Record<string, string>) => runCliProcess(args, { cwd: tree.dir, cli: 'fake', ...(env ? { env } : {}) });
const real = (args: string[]) => runCliProcess(args, { cwd: tree.dir, cli: 'real' });

describe('exit status', () => {
  it('is 0 when no finding is an error', () => {
    const run = fake(['clean.eml', 'shouty.eml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is 1 when some finding is an error', () => {
    const run = fake(['clean.eml', 'bcc.eml']);
    expect(run.status).toBe(1);
  });

  it('is 0 with every real rule on a clean draft', () => {
    const run = real(['clean.eml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('clean.eml');
  });

  it('is 2 for an unknown option, and names it and the closest option', () => {
    const run = real(['--polcy', 'policy-good.json', 'clean.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--polcy');
    expect(run.stderr).toContain('Did you mean --policy?');
    expect(run.stdout).toBe('');
  });

  it('is 2 when no file is named', () => {
    const run = real([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/name at least one \.eml, \.msg or \.json file/);
  });

  it('is 2 for a --format or --now it cannot use, saying what it expects', () => {
    const format = real(['--format', 'xml', 'clean.eml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be text, json or sarif, not "xml"');
    const now = real(['--now', 'next tuesday', 'clean.eml']);
    expect(now.status).toBe(2);
    expect(now.stderr).toContain('--now must be a date and time in ISO 8601');
  });

  it('takes 2 over 1 when a file could not be read as well as an error found', () => {
    const run = fake(['bcc.eml', 'missing.eml']);
    expect(run.status).toBe(2);
  });
});

describe('inputs that cannot be checked', () => {
  it('reports a truncated .eml as an error in its result and still checks the others', () => {
    const run = fake(['--format', 'json', 'clean.eml', 'truncated.eml', 'bcc.eml']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { results: Record<string, unknown>[] };
    expect(report.results.map((r) => r.file)).toEqual(['clean.eml', 'truncated.eml', 'bcc.eml']);
    expect(report.results[0]).toEqual({ file: 'clean.eml', findings: [] });
    expect(report.results[1]).toEqual({ file: 'truncated.eml', error: expect.stringMatching(/cut short/) });
    expect(report.results[2]!.findings).toEqual([expect.objectContaining({ rule: 'silent-copy', severity: 'error' })]);
    expect(run.stderr).toMatch(/^protocol-check: truncated\.eml: .*cut short/m);
  });

  it('names a missing file and still checks the others', () => {
    const run = fake(['missing.eml', 'clean.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('protocol-check: missing.eml: there is no file or folder with this name');
    expect(run.stdout).toMatch(/clean\.eml\n {2}No problems found\./);
  });

  it('names a folder with no drafts in it', () => {
    const run = real(['empty']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('protocol-check: empty: the folder has no .eml, .msg or .json files in it');
  });

  it('names a file that is not a draft type', () => {
    const run = real(['notes.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('notes.txt: expected a .eml, .msg or .json file, not a .txt file');
  });
});

describe('--policy', () => {
  it('names the file and the field of a broken councillor, checks without that entry, and exits 2', () => {
    const run = fake(['--policy', 'policy-bad-email.json', 'bcc.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/policy-bad-email\.json: councillors\[1\]\.email: .*jane smith/);
    expect(run.stdout).toContain('silent-copy');
  });

  it('stops without checking when the policy has no council name', () => {
    const run = real(['--policy', 'policy-no-council.json', 'clean.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/policy-no-council\.json: .*council/);
    expect(run.stderr).toContain('no drafts were checked');
    expect(run.stdout).toBe('');
  });

  it('names the file when it is not JSON', () => {
    const run = real(['--policy', 'policy-not-json.json', 'clean.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('policy-not-json.json:');
    expect(run.stdout).toBe('');
  });

  it('names a policy file that does not exist', () => {
    const run = real(['--policy', 'nowhere.json', 'clean.eml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nowhere.json: there is no file with this name');
  });

  it('checks the drafts with a good policy', () => {
    const run = fake(['--policy', 'policy-good.json', 'bcc.eml']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('silent-copy');
  });
});

describe('--explain', () => {
  it('prints the rule\'s page as plain text, without Markdown marks', () => {
    const run = fake(['--explain', 'silent-copy'], { FAKE_DOCS_DIR: join(tree.dir, 'docs') });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('silent-copy\n\nWhat it catches\n\nTest page.\n');
  });

  it('says when a rule has no page yet', () => {
    const run = fake(['--explain', 'favour-seeking'], { FAKE_DOCS_DIR: join(tree.dir, 'docs') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('docs/rules/favour-seeking.md is missing');
  });

  it('suggests the closest rule id for a typing mistake', () => {
    const run = real(['--explain', 'silent-copi']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('there is no rule called "silent-copi". Did you mean silent-copy?');
  });

  it('prints the shipped page for every rule that has one', () => {
    const run = real(['--explain', 'personal-email']);
    const page = join(ROOT, 'docs/rules/personal-email.md');
    let expected: string | undefined;
    try {
      expected = readFileSync(page, 'utf8');
    } catch {
      expected = undefined;
    }
    if (expected === undefined) expect(run.status).toBe(2);
    else {
      // The user page, in plain words: its title and headings without Markdown marks.
      expect(run.status).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(/^# (.+)$/m.exec(expected)![1]);
      expect(run.stdout).toContain('\nWhat it means\n');
      expect(run.stdout).toContain('\nWhat to do\n');
      expect(run.stdout).not.toMatch(/^#|`|\*\*/m);
    }
  });
});

describe('text output', () => {
  it('groups findings by file, with severity words, evidence, citations, suggestions and a link', () => {
    const run = fake(['bcc.eml', 'shouty.eml', 'clean.eml']);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    const blocks = run.stdout.split('\n\n');
    expect(run.stdout.indexOf('bcc.eml')).toBeLessThan(run.stdout.indexOf('shouty.eml'));
    expect(run.stdout.indexOf('shouty.eml')).toBeLessThan(run.stdout.indexOf('clean.eml'));
    expect(blocks[0]).toBe(
      [
        'bcc.eml',
        '  error  silent-copy  cllr.bo.khan@eastmoor.gov.uk is copied in Bcc.',
        '    Evidence: Bcc: cllr.bo.khan@eastmoor.gov.uk',
        '    Protocol: Surrey Heath Borough Council protocol, paragraph 7.1: Test summary: copies of correspondence are disclosed.',
        '    Fix: Move cllr.bo.khan@eastmoor.gov.uk from Bcc to Cc.',
        '    Advice: Ask a senior officer first.',
        '    More: docs/rules/silent-copy.md',
      ].join('\n'),
    );
    // Body evidence is located by line:column in the body: "NEVER" starts line 4, "LATE" is on line 5.
    expect(run.stdout).toContain('  warning  discourteous-tone  Capitals read as shouting.\n    Evidence: body 4:1: "NEVER"');
    expect(run.stdout).toContain('    Evidence: body 5:15: "LATE"');
    expect(run.stdout).toContain('  info  out-of-hours  Sent late.\n    Evidence: subject 1:9: "tonight"');
    expect(run.stdout).toContain('Tower Hamlets protocol (2022 draft), paragraph 3.8 (§3): Test summary: working hours.');
    expect(run.stdout).toMatch(/clean\.eml\n {2}No problems found\./);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('3 files: 1 error, 2 warnings, 1 info');
  });

  it('lists a file that could not be checked in its place, and counts it in the summary', () => {
    const run = fake(['truncated.eml', 'clean.eml']);
    expect(run.stdout).toMatch(/^truncated\.eml\n {2}not checked {2}.*cut short/m);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('2 files, 1 not checked: 0 errors, 0 warnings, 0 info');
  });
});

describe('json output', () => {
  it('is exactly contract 1, with paths as given and under the folder walked', () => {
    const run = fake(['--format', 'json', 'drafts', 'shouty.eml', 'missing.eml']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { results: { file: string; findings?: Record<string, unknown>[]; error?: string }[] };
    expect(Object.keys(report)).toEqual(['results']);
    // The folder is walked recursively in sorted order, for .eml/.msg/.json only.
    expect(report.results.map((r) => r.file)).toEqual(['drafts/a/first.json', 'drafts/b/second.eml', 'shouty.eml', 'missing.eml']);
    const [jsonDraft, , shouty, missing] = report.results;
    expect(jsonDraft!.findings).toEqual([
      {
        rule: 'silent-copy',
        severity: 'error',
        messageId: 'bcc',
        message: 'cllr.bo.khan@eastmoor.gov.uk is copied in Bcc.',
        citations: [{ pack: 'surrey-heath', paragraph: '7.1', summary: 'Test summary: copies of correspondence are disclosed.' }],
        evidence: { field: 'bcc', recipient: 'cllr.bo.khan@eastmoor.gov.uk' },
        suggestions: [
          { title: 'Move cllr.bo.khan@eastmoor.gov.uk from Bcc to Cc.', edits: [{ kind: 'moveRecipient', email: 'cllr.bo.khan@eastmoor.gov.uk', fromField: 'bcc', toField: 'cc' }] },
          { title: 'Ask a senior officer first.', edits: [] },
        ],
        docs: 'docs/rules/silent-copy.md',
      },
    ]);
    const body = SHOUTY.slice(SHOUTY.indexOf('\n\n') + 2);
    const late = shouty!.findings!.find((f) => (f.evidence as { quote?: string }).quote === 'LATE')!;
    const { start, end } = late.evidence as { start: number; end: number };
    expect(body.slice(start, end)).toBe('LATE');
    expect(missing).toEqual({ file: 'missing.eml', error: 'there is no file or folder with this name' });
  });
});

describe("the policy's rules overrides, with the real rules", () => {
  const council = { name: 'Eastmoor Borough Council', domains: ['eastmoor.gov.uk'] };
  const withRules = (rules: unknown) => JSON.stringify({ council, councillors: [{ name: 'Bo Khan', email: 'cllr.bo.khan@eastmoor.gov.uk' }, { name: 'Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' }], rules });
  let rulesTree: ReturnType<typeof tempTree>;
  beforeAll(() => {
    rulesTree = tempTree({
      'bcc.eml': WITH_BCC,
      'on.json': withRules({}),
      'off.json': withRules({ 'silent-copy': 'off' }),
      'warning.json': withRules({ 'silent-copy': { severity: 'warning' } }),
      'typo.json': withRules({ 'silent-copi': 'off' }),
    });
  });
  afterAll(() => rulesTree.cleanup());
  const run = (policy: string) => runCliProcess(['--format', 'json', '--policy', policy, 'bcc.eml'], { cwd: rulesTree.dir, cli: 'real' });
  const silentCopies = (stdout: string) =>
    (JSON.parse(stdout) as { results: { findings: { rule: string; severity: string }[] }[] }).results[0]!.findings.filter((f) => f.rule === 'silent-copy');

  it('reports silent-copy as an error by default', () => {
    const r = run('on.json');
    expect(silentCopies(r.stdout).map((f) => f.severity)).toEqual(['error']);
    expect(r.status).toBe(1);
  });

  it('turns a rule off', () => {
    const r = run('off.json');
    expect(silentCopies(r.stdout)).toEqual([]);
  });

  it('changes a rule’s severity, and with it the exit status', () => {
    const r = run('warning.json');
    expect(silentCopies(r.stdout).map((f) => f.severity)).toEqual(['warning']);
    expect(r.status).toBe(0);
  });

  it('refuses an unknown rule id, naming it and the closest', () => {
    const r = run('typo.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('typo.json: rules.silent-copi: there is no rule with this id; did you mean silent-copy?');
  });
});
