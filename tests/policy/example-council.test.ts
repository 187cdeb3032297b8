/**
 * The worked example in docs/policy.md (samples/example-council/, an invented council): its
 * policy is what its directory, staff list and protocol say, it validates, and its drafts cite
 * the council's own paragraphs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, draftDateOr } from '../../src/engine/check.ts';
import { parseDraftFile } from '../../src/mail/index.ts';
import { formatProblem, parsePolicyText } from '../../src/policy/load.ts';
import { runCli } from '../../src/cli/main.ts';
import { ROOT } from './helpers.ts';

const DIR = resolve(ROOT, 'samples/example-council');
const read = (name: string) => readFileSync(resolve(DIR, name), 'utf8');
const file = JSON.parse(read('policy.json'));
const loaded = parsePolicyText(read('policy.json'), 'policy.json');

/** The councillors of a GetCouncillorsByWard response: name without title, ward, party, addresses. */
function moderngovCouncillors(xml: string) {
  const out: { name: string; ward: string; party: string; emails: string[] }[] = [];
  for (const ward of xml.matchAll(/<ward>([\s\S]*?)<\/ward>/g)) {
    const title = /<wardtitle>(.*?)<\/wardtitle>/.exec(ward[1]!)![1]!;
    for (const c of ward[1]!.matchAll(/<councillor>([\s\S]*?)<\/councillor>/g)) {
      out.push({
        name: /<fullusername>(.*?)<\/fullusername>/.exec(c[1]!)![1]!.replace(/^(?:Councillor|Cllr)\s+/, ''),
        ward: title,
        party: /<politicalpartytitle>(.*?)<\/politicalpartytitle>/.exec(c[1]!)![1]!,
        emails: [...c[1]!.matchAll(/<email>(.*?)<\/email>/g)].map((m) => m[1]!),
      });
    }
  }
  return out;
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);

describe('the worked example: Hallowmere Borough Council', () => {
  it('validates with no problems', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('has every councillor of its ModernGov directory, with ward, party and home address as personal', () => {
    const fromXml = moderngovCouncillors(read('councillors.xml'));
    expect(fromXml).toHaveLength(7);
    expect(file.councillors.map((c: { name: string; ward: string; party: string; email: string; personalEmails: string[] }) => ({ name: c.name, ward: c.ward, party: c.party, emails: [c.email, ...c.personalEmails] }))).toEqual(fromXml);
  });

  it('lists the same councillors in its spreadsheet export', () => {
    const rows = read('councillors.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(file.councillors.map((c: Record<string, string>) => [c.name, c.email, c.ward, c.party]));
  });

  it('cites paragraphs its protocol has, in summaries of its own words', () => {
    const text = read('protocol.txt');
    const haystack = ` ${words(text).join(' ')} `;
    for (const [rule, paragraphs] of Object.entries(file.council.protocol.paragraphs as Record<string, { paragraph: string; summary: string }[]>)) {
      for (const p of paragraphs) {
        expect(text, `${rule} cites ${p.paragraph}`).toMatch(new RegExp(`^${p.paragraph.replace('.', '\\.')} `, 'm'));
        // No run of six words copied from the protocol's text.
        const w = words(p.summary);
        for (let i = 0; i + 6 <= w.length; i++) expect(haystack.includes(` ${w.slice(i, i + 6).join(' ')} `), `${rule}: "${w.slice(i, i + 6).join(' ')}"`).toBe(false);
      }
    }
  });

  it('its drafts give findings that cite the council’s own paragraphs', async () => {
    const cited: string[] = [];
    for (const name of readdirSync(resolve(DIR, 'drafts')).sort()) {
      const draft = await parseDraftFile(name, new Uint8Array(readFileSync(resolve(DIR, 'drafts', name))));
      for (const f of check(draft, loaded.policy!, { now: draftDateOr(draft, new Date()) })) {
        if (f.severity === 'error') cited.push(`${f.rule}: ${f.citations.map((c) => `${c.pack} ${c.paragraph}`).join(', ')}`);
      }
    }
    expect(cited).toEqual(['silent-copy: hallowmere 4.3', 'pre-election-publicity: hallowmere 6.2', 'pre-election-publicity: hallowmere 6.2']);
  });

  const importer = existsSync(resolve(ROOT, 'src/cli/policy-import.ts'));
  it.skipIf(!importer)(`policy import --moderngov gives the same councillors${importer ? '' : ' (skipped: policy import is not in this checkout yet)'}`, async () => {
    let stdout = '';
    const status = await runCli(['policy', 'import', '--moderngov', 'councillors.xml', '--council', 'Hallowmere Borough Council'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, cwd: DIR });
    expect(status).toBe(0);
    const imported = JSON.parse(stdout) as { councillors: { name: string; email: string; ward?: string; party?: string; personalEmails?: string[] }[] };
    expect(imported.councillors.map((c) => [c.name, c.email, c.ward, c.party, c.personalEmails ?? []])).toEqual(
      file.councillors.map((c: Record<string, unknown>) => [c.name, c.email, c.ward, c.party, c.personalEmails]),
    );
  });
});
