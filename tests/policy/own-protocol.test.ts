/**
 * A council's own protocol in `council.protocol`: findings cite its paragraphs as the council's
 * own text; a rule it has no paragraph for cites the five packs, marked as another council's;
 * an unknown rule id in `paragraphs` is named with the closest id.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.ts';
import { PACK_IDS } from '../../src/engine/types.ts';
import { formatProblem, loadPolicy } from '../../src/policy/load.ts';
import { describeCitation } from '../../src/cli/format-text.ts';
import { samplePolicyFile, sampleDraft } from './helpers.ts';

const OWN = {
  id: 'eastmoor',
  title: 'Eastmoor Borough Council Member/Officer Protocol',
  paragraphs: {
    'silent-copy': [{ paragraph: '7.3', summary: 'An officer who copies a councillor’s letter to another councillor tells the writer who was copied and why.' }],
    'personal-email': [{ paragraph: '9.2', summary: 'Council business goes to councillors’ council addresses only.' }],
  },
};

function policyWith(protocol: unknown) {
  const file = samplePolicyFile();
  (file.council as Record<string, unknown>).protocol = protocol;
  return loadPolicy(file, 'policy.json');
}

describe('a council’s own protocol', () => {
  it('loads without problems and is kept apart from the five packs', () => {
    const { policy, problems } = policyWith(OWN);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(policy?.council.ownProtocol).toEqual(OWN);
    expect(policy?.council.protocol).toBeUndefined();
  });

  it('findings cite the council’s own paragraph, as its own text', async () => {
    const { policy } = policyWith(OWN);
    const findings = check(await sampleDraft('01-silent-copy-bcc-ward-colleague.eml'), policy!, { now: '2027-02-09T10:20:00Z' });
    const silent = findings.find((f) => f.rule === 'silent-copy');
    expect(silent?.citations).toEqual([{ pack: 'eastmoor', title: OWN.title, paragraph: '7.3', summary: OWN.paragraphs['silent-copy'][0]!.summary }]);
    expect(describeCitation(silent!.citations[0]!)).toBe(`${OWN.title}, paragraph 7.3: ${OWN.paragraphs['silent-copy'][0]!.summary}`);
  });

  it('a rule the council’s protocol leaves out cites the five packs as another council’s practice', async () => {
    const { policy } = policyWith(OWN);
    const findings = check(await sampleDraft('04-pre-election-press-release.eml'), policy!, { now: '2027-04-14T10:00:00Z' });
    const publicity = findings.find((f) => f.rule === 'pre-election-publicity');
    expect(publicity).toBeDefined();
    expect(publicity!.citations.length).toBeGreaterThan(0);
    expect(publicity!.citations.every((c) => c.otherCouncil === true && (PACK_IDS as readonly string[]).includes(c.pack))).toBe(true);
    expect(describeCitation(publicity!.citations[0]!)).toMatch(/\[another council's protocol: good practice\]$/);
  });

  it('names an unknown rule id in paragraphs with the closest id, and keeps the rest', () => {
    const { policy, problems } = policyWith({ ...OWN, paragraphs: { ...OWN.paragraphs, 'silent-copies': [{ paragraph: '7.4', summary: 'x' }] } });
    expect(problems.map(formatProblem)).toEqual(['policy.json: council.protocol.paragraphs.silent-copies: there is no rule with this id; did you mean silent-copy?']);
    expect(Object.keys(policy!.council.ownProtocol!.paragraphs)).toEqual(['silent-copy', 'personal-email']);
  });

  it('says what is missing from the protocol object, and then cites every pack', () => {
    const { policy, problems } = policyWith({ id: 'eastmoor', paragraphs: {} });
    expect(problems.map(formatProblem)).toEqual(['policy.json: council.protocol.title: this field is missing; expected some text']);
    expect(policy?.council.ownProtocol).toBeUndefined();
  });

  it('refuses a paragraph without a summary, and an id that is one of the packs', () => {
    const lines = policyWith({ ...OWN, id: 'crawley', paragraphs: { 'silent-copy': [{ paragraph: '7.3' }] } }).problems.map(formatProblem);
    expect(lines).toEqual([
      'policy.json: council.protocol.paragraphs.silent-copy[0].summary: this field is missing; expected some text',
      expect.stringMatching(/^policy\.json: council\.protocol\.id: "crawley" is one of the five packs/),
    ]);
  });

  it('still takes a pack id, and names a misspelt one with the closest', () => {
    expect(policyWith('crawley').policy?.council.protocol).toBe('crawley');
    expect(policyWith('surrey').problems.map(formatProblem)[0]).toMatch(/council\.protocol: expected a protocol pack id \(crawley, .*\) or your council's own protocol .*, got "surrey"; did you mean surrey-heath\?$/);
    expect(policyWith(7).problems.map(formatProblem)[0]).toMatch(/council\.protocol: expected a protocol pack id .*, got 7$/);
  });
});
