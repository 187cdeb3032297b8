/**
 * Elections by nation and type: the period start follows the council's nation's notice rule and
 * bank holidays; a UK Parliament election or a referendum must give its own start.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.ts';
import { periodStartFor } from '../../src/engine/calendar.ts';
import { formatProblem, loadPolicy } from '../../src/policy/load.ts';
import { samplePolicyFile, sampleDraft } from './helpers.ts';

function policyFor(nation: string | undefined, elections: unknown[]) {
  const file = samplePolicyFile();
  if (nation) (file.council as Record<string, unknown>).nation = nation;
  file.elections = elections as never;
  return loadPolicy(file, 'policy.json');
}

describe('council.nation and elections[].type', () => {
  const borough = { name: 'Council elections 2027', pollingDay: '2027-05-06' };

  it('computes a later start for England than for Scotland on the same polling day', () => {
    const england = policyFor(undefined, [borough]).policy!;
    const scotland = policyFor('scotland', [borough]).policy!;
    expect(england.council.nation).toBe('england');
    expect(england.elections[0]).toMatchObject({ type: 'local', periodStart: '2027-03-31', periodStartComputed: true });
    expect(scotland.elections[0]?.periodStart).toBe(periodStartFor('2027-05-06', [], { nation: 'scotland' }));
    expect(scotland.elections[0]!.periodStart < '2027-03-31').toBe(true);
  });

  it('a release dated between the Scottish and the English start is in the period only for a Scottish council', async () => {
    const draft = await sampleDraft('04-pre-election-press-release.eml');
    // The day before the English start, after the Scottish one.
    const now = '2027-03-30T10:00:00+01:00';
    const dated = { ...draft, date: now };
    const inPeriod = (nation: string | undefined) =>
      check(dated, policyFor(nation, [borough]).policy!, { now }).filter((f) => f.rule === 'pre-election-publicity' && f.severity === 'error');
    expect(inPeriod('scotland').length).toBeGreaterThan(0);
    expect(inPeriod(undefined)).toEqual([]);
    expect(inPeriod('wales')).toEqual([]);
  });

  it('counts the nation’s own bank holidays as non-working days', () => {
    expect(policyFor('scotland', []).policy!.nonWorkingDays).toContain('2027-11-30'); // St Andrew's Day
    expect(policyFor('northern-ireland', []).policy!.nonWorkingDays).toContain('2027-07-12');
    expect(policyFor(undefined, []).policy!.nonWorkingDays).not.toContain('2027-07-12');
  });

  it('uses each type’s own rule: 30 working days for the GLA, 28 for the Scottish Parliament', () => {
    expect(policyFor(undefined, [{ ...borough, type: 'gla', pollingDay: '2024-05-02' }]).policy!.elections[0]?.periodStart).toBe('2024-03-19');
    expect(policyFor('scotland', [{ ...borough, type: 'scottish-parliament', pollingDay: '2026-05-07' }]).policy!.elections[0]?.periodStart).toBe('2026-03-25');
  });

  it('says a UK Parliament election needs periodStart, with the notice date as a hint, and keeps the other elections', () => {
    const { policy, problems } = policyFor(undefined, [{ name: 'General election', type: 'uk-parliament', pollingDay: '2024-07-04' }, borough]);
    expect(problems.map(formatProblem)).toEqual([
      'policy.json: elections[0].periodStart: this field is missing: a UK Parliament election\'s pre-election period starts when Parliament is dissolved, which polling day does not tell. Give the date of dissolution as periodStart; the notice of election is due by 4 June 2024 at the latest. This election is left out until then',
    ]);
    expect(problems[0]?.fatal).toBe(false);
    expect(policy!.elections.map((e) => e.name)).toEqual(['Council elections 2027']);
  });

  it('says a referendum needs periodStart, and takes one that is given', () => {
    const missing = policyFor(undefined, [{ name: 'Referendum', type: 'referendum', pollingDay: '2027-09-16' }]);
    expect(missing.problems.map(formatProblem)[0]).toMatch(/^policy\.json: elections\[0\]\.periodStart: this field is missing: a referendum's pre-election period .* \(the 28 days of restricted publicity begin on 19 August 2027\)\. Give its first day as periodStart/);
    const given = policyFor(undefined, [{ name: 'Referendum', type: 'referendum', pollingDay: '2027-09-16', periodStart: '2027-07-01' }]);
    expect(given.problems).toEqual([]);
    expect(given.policy!.elections[0]).toMatchObject({ type: 'referendum', periodStart: '2027-07-01', periodStartComputed: false });
  });

  it('names a misspelt nation or type with the closest value, quoted', () => {
    const lines = policyFor('scotand', [{ ...borough, type: 'locals' }]).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^policy\.json: council\.nation: expected one of "england", .* got "scotand"; did you mean "scotland"\?$/),
      expect.stringMatching(/^policy\.json: elections\[0\]\.type: expected one of "local", .* got "locals"; did you mean "local"\?$/),
    ]);
  });

  it('says when a type is not held in the council’s nation, and computes it as a local election there', () => {
    const { policy, problems } = policyFor('scotland', [{ ...borough, type: 'senedd' }]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^policy\.json: elections\[0\]\.type: a Senedd election is not held in Scotland \(council\.nation is "scotland"\)/),
    ]);
    expect(policy!.elections[0]).toMatchObject({ type: 'local', periodStart: periodStartFor('2027-05-06', [], { nation: 'scotland' }) });
  });
});
