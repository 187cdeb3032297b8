/**
 * The samples in samples/ do what samples/README.md says, run the way it says:
 * `protocol-check samples/drafts`, with and without `--policy samples/policy.json`.
 */
import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../src/engine/rules/index.ts';
import { ROOT, runCliProcess } from './helpers.ts';

type Report = { results: { file: string; findings?: { rule: string; severity: string }[]; error?: string }[] };

/** What samples/README.md promises for each draft: rule id and severity. */
const WITH_DEFAULT_POLICY: Record<string, string[]> = {
  '01-silent-copy-bcc-ward-colleague.eml': ['silent-copy:error'],
  '02-personal-email-officer-to-gmail.eml': ['personal-email:error'],
  '03-letterhead-canvassing-from-council-account.eml': ['letterhead-for-party-matters:error', 'letterhead-for-party-matters:error'],
  // No elections in the embedded default: only the party label in a council release.
  '04-pre-election-press-release.eml': ['press-release-quotes:warning'],
  '05-clean-casework-reply.json': [],
};
const WITH_EASTMOOR_POLICY: Record<string, string[]> = {
  ...WITH_DEFAULT_POLICY,
  // 14 April 2027 is inside the period that runs to polling day on 6 May 2027.
  '04-pre-election-press-release.eml': ['pre-election-publicity:error', 'pre-election-publicity:error'],
};

/** A rule that is still a placeholder has no messages; its expectations wait until it lands. */
const implemented = (entry: string) => Object.keys(RULES_BY_ID.get(entry.split(':')[0]!)?.meta.messages ?? {}).length > 0;

function check(args: string[]) {
  const run = runCliProcess(['--format', 'json', ...args, 'samples/drafts'], { cwd: ROOT });
  return { ...run, report: JSON.parse(run.stdout) as Report };
}

describe.each([
  ['the embedded default policy', [] as string[], WITH_DEFAULT_POLICY],
  ['samples/policy.json', ['--policy', 'samples/policy.json'], WITH_EASTMOOR_POLICY],
])('samples with %s', (_name, args, expected) => {
  const run = check(args);

  it('reads every draft and the policy without a problem, and exits 1 for the errors', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.report.results.map((r) => r.file)).toEqual(Object.keys(expected).map((f) => `samples/drafts/${f}`));
  });

  it.each(Object.entries(expected))('%s shows what the README says', (file, rules) => {
    const result = run.report.results.find((r) => r.file === `samples/drafts/${file}`)!;
    const found = result.findings!.map((f) => `${f.rule}:${f.severity}`);
    expect(found.filter(implemented)).toEqual(rules.filter(implemented));
  });
});
