/**
 * `protocol-check policy validate|show …`, and the one-line messages for a policy given as a
 * draft or a draft given as the policy. Run in process (runCli with captured streams), and once
 * as the real command.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { ROOT, runCliProcess, tempTree } from './helpers.ts';

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd });
  return { status, stdout, stderr };
}

const samplePolicy = readFileSync(`${ROOT}/samples/policy.json`, 'utf8');
const sampleDraft = readFileSync(`${ROOT}/samples/drafts/05-clean-casework-reply.json`, 'utf8');
let cleanup: () => void = () => {};
afterEach(() => cleanup());

function tree(files: Record<string, string>): string {
  const t = tempTree(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('protocol-check policy validate', () => {
  it('exits 0 and says so for a good policy', async () => {
    const dir = tree({ 'policy.json': samplePolicy });
    const r = await run(['policy', 'validate', 'policy.json'], dir);
    expect(r).toEqual({ status: 0, stdout: 'policy.json: no problems found (6 councillors, 4 officers, 1 election)\n', stderr: '' });
  });

  it('exits 2 and names every problem by file and field, quoting what was given', async () => {
    const policy = JSON.parse(samplePolicy);
    policy.rules = { 'discourteous-tone': { severity: 'warn' } };
    policy.councillors[3].email = 'rosie dunmore';
    policy.council.nation = 'Scotland';
    const dir = tree({ 'policy.json': JSON.stringify(policy, null, 2), 'broken.json': '{"council": {"name": "X"},}' });
    const r = await run(['policy', 'validate', 'policy.json', 'broken.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'policy.json: council.nation: expected one of "england", "wales", "scotland" or "northern-ireland", got "Scotland"; did you mean "scotland"?',
      'policy.json: councillors[3].email: expected an email address, got "rosie dunmore"',
      'policy.json: rules.discourteous-tone.severity: expected one of "error", "warning" or "info", got "warn"; did you mean "warning"?',
      expect.stringMatching(/^broken\.json:1:27: the file cannot be read as JSON/),
    ]);
    expect(r.stdout).toContain('policy.json: 3 problems; until corrected, the parts named are left out and the rest is used (5 councillors, 4 officers, 1 election)');
    expect(r.stdout).toContain('broken.json: cannot be used as it is; until it is corrected the add-in uses the embedded default policy');
  });

  it('says in one line that a draft is not a policy', async () => {
    const dir = tree({ 'reply.json': sampleDraft });
    const r = await run(['policy', 'validate', 'reply.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('reply.json: this is a draft (it has "from", "to" or "body"), not a council policy: name it as a file to check, and give the council\'s policy.json after --policy\n');
  });

  it('names a missing file, and asks for one when none is given', async () => {
    const dir = tree({});
    expect((await run(['policy', 'validate', 'nope.json'], dir)).stderr).toBe('nope.json: there is no file with this name\n');
    const none = await run(['policy', 'validate'], dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/name the policy file to check/);
  });
});

describe('protocol-check policy show', () => {
  it('shows computed period starts, councillors by ward and which rules cite the council’s own paragraphs', async () => {
    const policy = JSON.parse(samplePolicy);
    policy.council.nation = 'scotland';
    policy.council.protocol = { id: 'eastmoor', title: 'Eastmoor Member/Officer Protocol', paragraphs: { 'silent-copy': [{ paragraph: '7.3', summary: 'Copies are disclosed.' }] } };
    policy.elections = [{ name: 'Council elections 2027', pollingDay: '2027-05-06' }, { name: 'Saltings by-election', pollingDay: '2027-09-16', periodStart: '2027-08-09', wards: ['Saltings'] }];
    const dir = tree({ 'policy.json': JSON.stringify(policy) });
    const r = await run(['policy', 'show', 'policy.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('Nation: Scotland (Scottish bank holidays');
    expect(out).toContain('Protocol: your own, "Eastmoor Member/Officer Protocol" (cited as eastmoor)');
    expect(out).toMatch(/Rules citing your protocol's paragraphs \(1\):\n {4}silent-copy \(7\.3\)\n/);
    expect(out).toMatch(/Rules citing other councils' protocols as good practice \(19\):\n {4}personal-email\n/);
    expect(out).toMatch(/ {2}Saltings \(2\):\n {4}Gareth Price <cllr\.gareth\.price@eastmoor\.gov\.uk>: Conservative; chair; 1 personal address\n/);
    expect(out).toContain('  Council elections 2027 (local): polling day 6 May 2027\n    pre-election period from 24 March 2027 to polling day (computed: the latest day for the notice of election, the 28th working day before polling day, not counting Saturdays and Sundays, Scottish bank holidays, Christmas Eve, Good Friday, Easter Monday or the policy\'s nonWorkingDays)');
    expect(out).toContain('  Saltings by-election (local; wards Saltings): polling day 16 September 2027\n    pre-election period from 9 August 2027 to polling day (given in the policy)');
  });

  it('prints the resolved policy as JSON with --format json', async () => {
    const dir = tree({ 'policy.json': samplePolicy });
    const r = await run(['policy', 'show', '--format', 'json', 'policy.json'], dir);
    expect(r.status).toBe(0);
    const resolved = JSON.parse(r.stdout);
    expect(resolved.council).toEqual({ name: 'Eastmoor Borough Council', domains: ['eastmoor.gov.uk'], protocol: 'crawley', nation: 'england' });
    expect(resolved.elections[0]).toMatchObject({ type: 'local', periodStart: '2027-03-24', periodStartComputed: false });
  });
});

describe('protocol-check policy: the dispatcher', () => {
  it('names an unknown command with the closest', async () => {
    const r = await run(['policy', 'valdate', 'policy.json'], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('protocol-check policy: there is no policy command "valdate"; did you mean validate? The commands are validate, show, import, map-protocol.\n');
  });

  it('passes map-protocol on to the mapper, which names what it needs', async () => {
    const r = await run(['policy', 'map-protocol'], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toBe('');
    expect(r.stderr).not.toContain('there is no policy command');
  });

  it('passes import on to the importer, which names what it needs', async () => {
    const r = await run(['policy', 'import'], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toBe('');
  });

  it('prints its usage with --help', async () => {
    const r = await run(['policy', '--help'], ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: protocol-check policy <command>/);
  });
});

describe('policies and drafts in the wrong place', () => {
  it('a draft given as --policy is said in one line, and nothing is checked', async () => {
    const dir = tree({ 'reply.json': sampleDraft });
    const r = await run(['--policy', 'reply.json', 'reply.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'protocol-check: reply.json: this is a draft (it has "from", "to" or "body"), not a council policy: name it as a file to check, and give the council\'s policy.json after --policy',
      'protocol-check: no drafts were checked: correct the policy file and run the command again',
    ]);
  });

  it('a policy named as a draft is said in one line; in a folder, the policy and labels files are passed over', async () => {
    const labels = JSON.stringify({ 'reply.json': { expect: [] } });
    const dir = tree({ 'drafts/reply.json': sampleDraft, 'drafts/policy.json': samplePolicy, 'drafts/labels.json': labels, 'policy.json': samplePolicy });
    const named = await run(['policy.json', 'drafts/reply.json'], dir);
    expect(named.status).toBe(2);
    expect(named.stderr).toBe('protocol-check: policy.json: this is a council policy file, not a draft: give it with --policy to check drafts against it, or run protocol-check policy validate on it\n');
    const folder = await run(['--format', 'json', '--policy', 'policy.json', 'drafts'], dir);
    expect(folder.stderr).toBe('');
    expect(folder.status).toBe(0);
    expect(JSON.parse(folder.stdout).results.map((r: { file: string }) => r.file)).toEqual(['drafts/reply.json']);
  });

  it('works as the real command', () => {
    const dir = tree({ 'policy.json': samplePolicy });
    const r = runCliProcess(['policy', 'validate', 'policy.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('policy.json: no problems found (6 councillors, 4 officers, 1 election)\n');
  });
});
