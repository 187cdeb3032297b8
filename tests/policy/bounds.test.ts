/**
 * Bounds in the schema (issue 18, item 3): text longer than its limit is reported by file and
 * field, shown cut short, and left out; the rest of the policy still loads, and nothing from the
 * policy reaches a matcher unbounded.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.ts';
import { formatProblem, loadPolicy } from '../../src/policy/load.ts';
import { samplePolicyFile, sampleDraft } from './helpers.ts';

const long = (n: number, word = 'Jane ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);

describe('text over its limit', () => {
  it('a 100,000-character councillor name is named, shown cut short, and that councillor left out', () => {
    const file = samplePolicyFile();
    file.councillors!.push({ name: long(100_000), email: 'cllr.long@eastmoor.gov.uk' });
    const { policy, problems } = loadPolicy(file, 'policy.json');
    const lines = problems.map(formatProblem);
    expect(lines).toEqual([`policy.json: councillors[6].name: expected at most 120 characters, got 100,000 characters starting "${long(40)}…"; it is left out`]);
    expect(lines[0]!.length).toBeLessThan(200);
    expect(policy?.councillors.map((c) => c.email)).not.toContain('cllr.long@eastmoor.gov.uk');
    expect(policy?.councillors).toHaveLength(6);
  });

  it('a long ward, party, alias or topic is left out alone; the councillor and the party stay', () => {
    const file = samplePolicyFile();
    file.councillors![0]!.ward = long(121, 'Ward ');
    file.councillors![1]!.party = long(500, 'Party ');
    file.parties![0]!.aliases = ['Lab', long(130, 'Alias ')];
    file.controversialTopics = ['incinerator', long(2_000, 'topic ')];
    const { policy, problems } = loadPolicy(file, 'policy.json');
    expect(problems.map((p) => p.path)).toEqual(['councillors[0].ward', 'councillors[1].party', 'parties[0].aliases[1]', 'controversialTopics[1]']);
    expect(problems.every((p) => !p.fatal && /^expected at most 120 characters, got \d[\d,]* characters starting ".{40}…"; it is left out$/.test(p.message))).toBe(true);
    expect(policy?.councillors).toHaveLength(6);
    expect(policy?.councillors[0]?.ward).toBeUndefined();
    expect(policy?.councillors[1]?.party).toBeUndefined();
    expect(policy?.parties[0]?.aliases).toEqual(['Lab']);
    expect(policy?.controversialTopics).toEqual(['incinerator']);
  });

  it('a council name over its limit is cut, so that the policy still loads', () => {
    const file = samplePolicyFile();
    file.council.name = long(5_000, 'Eastmoor ');
    const { policy, problems } = loadPolicy(file, 'policy.json');
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^policy\.json: council\.name: expected at most 200 characters, got 5,000 characters starting ".{40}…"; it is cut to that length$/)]);
    expect(policy?.council.name).toHaveLength(200);
  });

  it('bounds officers’ names, election names, letterhead markers, addresses and summaries too', () => {
    const file = samplePolicyFile();
    file.officers![0]!.name = long(121);
    file.elections![0]!.name = long(201, 'Poll ');
    file.letterhead = { markers: [long(201, 'Mark ')] };
    file.communications!.teamAddresses = [`${'a'.repeat(250)}@eastmoor.gov.uk`];
    (file.council as Record<string, unknown>).protocol = { id: 'eastmoor', title: 'Protocol', paragraphs: { 'silent-copy': [{ paragraph: '7.3', summary: long(501, 'said ') }] } };
    const paths = loadPolicy(file, 'policy.json').problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['officers[0].name', 'elections[0].name', 'letterhead.markers[0]', 'communications.teamAddresses[0]', 'council.protocol.paragraphs.silent-copy[0].summary']),
    );
  });

  it('checks a draft with the bounded policy and no rule stops', async () => {
    const file = samplePolicyFile();
    file.councillors!.push({ name: long(100_000), email: 'cllr.long@eastmoor.gov.uk', ward: long(100_000, 'W ') });
    file.parties!.push({ name: long(100_000, 'P '), aliases: [long(100_000, 'A ')] });
    const { policy } = loadPolicy(file, 'policy.json');
    const stopped: string[] = [];
    const findings = check(await sampleDraft('01-silent-copy-bcc-ward-colleague.eml'), policy!, { now: '2027-02-09T10:20:00Z', onRuleError: (id) => stopped.push(id) });
    expect(stopped).toEqual([]);
    expect(findings.map((f) => f.rule)).toContain('silent-copy');
  });
});
