import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_IDS, RULE_IDS } from '../engine/types.ts';
import { closestName, editDistance } from './closest.ts';
import { formatPath, formatProblem, loadPolicy, parsePolicyText } from './load.ts';
import { check } from '../engine/check.ts';
import schema from './policy.schema.json' with { type: 'json' };
import { CORPUS_DIR } from '../../tests/helpers/shared.ts';

const here = dirname(fileURLToPath(import.meta.url));
const minimal = { council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] } };

/** The problems of a policy, as the lines a user would read. */
function linesFor(json: unknown): string[] {
  return loadPolicy(json, 'policy.json').problems.map(formatProblem);
}

function withField(extra: Record<string, unknown>): unknown {
  return { ...minimal, ...extra };
}

describe('loadPolicy: problems name the file and the field', () => {
  it('accepts the minimal policy with no problems', () => {
    const { policy, problems } = loadPolicy(minimal, 'policy.json');
    expect(problems).toEqual([]);
    expect(policy?.council.name).toBe('Westmoor Borough Council');
  });

  it('accepts the Northbridge corpus policy and the shipped default policy', () => {
    const corpus = readFileSync(join(CORPUS_DIR, 'policy.json'), 'utf8');
    expect(parsePolicyText(corpus, 'policy.json').problems).toEqual([]);
    expect(parsePolicyText(readFileSync(join(here, 'default-policy.json'), 'utf8'), 'default-policy.json').problems).toEqual([]);
  });

  it('says an email address was expected and quotes what was found', () => {
    const json = withField({ councillors: [0, 1, 2].map((i) => ({ name: `C${i}`, email: `c${i}@westmoor.gov.uk` })).concat({ name: 'Jane Smith', email: 'jane smith' }) });
    expect(linesFor(json)).toEqual(['policy.json: councillors[3].email: expected an email address, got "jane smith"']);
  });

  it('checks dates, times, domains, weekdays, time zones and modes', () => {
    const lines = linesFor(
      withField({
        council: { name: 'Westmoor', domains: ['westmoor gov uk'] },
        elections: [{ name: 'Borough', pollingDay: '6 May 2027' }],
        nonWorkingDays: ['2027-02-30'],
        workingHours: { days: [0], start: '8am', end: '17:30', timeZone: 'London' },
        sendTime: { mode: 'blocked' },
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'policy.json: council.domains[0]: expected a domain name such as northbridge.gov.uk, got "westmoor gov uk"',
        'policy.json: elections[0].pollingDay: expected a date written YYYY-MM-DD, such as 2027-05-06, got "6 May 2027"',
        'policy.json: nonWorkingDays[0]: expected a date written YYYY-MM-DD, such as 2027-05-06, got "2027-02-30"',
        'policy.json: workingHours.days[0]: expected a weekday number from 1 (Monday) to 7 (Sunday), got 0',
        'policy.json: workingHours.start: expected a 24-hour time written HH:MM, such as 08:00, got "8am"',
        'policy.json: workingHours.timeZone: expected an IANA time zone name such as Europe/London, got "London"',
        expect.stringMatching(/^policy\.json: sendTime\.mode: expected one of "softBlock", "promptUser", "block" or "off", got "blocked"; did you mean "block"\?$/),
      ]),
    );
    expect(lines).toHaveLength(7);
  });

  it('still loads after dropping the only working day, with default days', () => {
    const { policy } = loadPolicy(withField({ workingHours: { days: [9] } }), 'policy.json');
    expect(policy?.workingHours.days).toEqual([1, 2, 3, 4, 5]);
  });

  it('names wrong types in plain words', () => {
    expect(linesFor(withField({ councillors: { name: 'A' } }))).toEqual(['policy.json: councillors: expected a list in square brackets, got an object']);
    expect(linesFor(withField({ controversialTopics: 'incinerator' }))).toEqual(['policy.json: controversialTopics: expected a list in square brackets, got "incinerator"']);
  });

  it('reports every problem, not just the first', () => {
    const lines = linesFor(
      withField({
        councillors: [
          { name: 'A', email: 'not-an-address' },
          { name: 'B', email: 'b@westmoor.gov.uk', roles: ['boss'] },
          { name: 'C' },
        ],
        officers: [{ name: 'D', email: 'd@' }],
      }),
    );
    expect(lines.map((l) => l.split(': ')[1])).toEqual(['councillors[0].email', 'councillors[1].roles[0]', 'councillors[2].email', 'officers[0].email']);
  });

  it('names an unknown rule id and the closest known one', () => {
    expect(linesFor(withField({ rules: { 'silent-copies': 'off' } }))).toEqual([
      'policy.json: rules.silent-copies: there is no rule with this id; did you mean silent-copy?',
    ]);
    expect(linesFor(withField({ rules: { outofhours: 'off' } }))[0]).toMatch(/did you mean out-of-hours\?$/);
    expect(linesFor(withField({ rules: { 'spelling-mistakes': 'off' } }))[0]).toBe('policy.json: rules.spelling-mistakes: there is no rule with this id; see docs/rules for the rule ids');
  });

  it('says what a rule setting may be', () => {
    expect(linesFor(withField({ rules: { 'out-of-hours': 'disabled', 'discourteous-tone': { severity: 'low' } } }))).toEqual([
      'policy.json: rules.out-of-hours: expected "off" or {"severity": "error", "warning" or "info"}, got "disabled"',
      'policy.json: rules.discourteous-tone.severity: expected one of "error", "warning" or "info", got "low"',
    ]);
  });

  it('names an unknown pack and the closest one', () => {
    expect(linesFor({ council: { name: 'Westmoor', protocol: 'surrey' } })[0]).toMatch(/^policy\.json: council\.protocol: expected a protocol pack id \(.*\), got "surrey"; did you mean surrey-heath\?$/);
    expect(linesFor({ council: { name: 'Westmoor', protocol: 'crawly' } })[0]).toMatch(/did you mean crawley\?$/);
  });

  it('names a misspelt field and the closest one', () => {
    expect(linesFor(withField({ councillors: [{ name: 'A', emial: 'a@westmoor.gov.uk' }] }))).toEqual([
      'policy.json: councillors[0].email: this field is missing; expected an email address',
      'policy.json: councillors[0].emial: there is no field with this name; did you mean email?',
    ]);
  });

  it('flags a period that starts after polling day, and duplicate councillor addresses', () => {
    const lines = linesFor(
      withField({
        elections: [{ name: 'Borough', pollingDay: '2027-05-06', periodStart: '2027-05-20' }],
        councillors: [
          { name: 'A', email: 'cllr.a@westmoor.gov.uk' },
          { name: 'B', email: 'CLLR.A@westmoor.gov.uk' },
        ],
      }),
    );
    expect(lines).toEqual([
      'policy.json: elections[0].periodStart: expected a date on or before polling day (2027-05-06), got "2027-05-20"; the period start will be computed instead',
      'policy.json: councillors[1].email: "CLLR.A@westmoor.gov.uk" is already the address of councillors[0]; this entry is left out',
    ]);
  });

  it('flags working hours that end before they start', () => {
    expect(linesFor(withField({ workingHours: { start: '18:00', end: '08:00' } }))[0]).toBe(
      'policy.json: workingHours.end: expected a time after the start (18:00), got "08:00"; the default working hours are used',
    );
  });
});

describe('loadPolicy: what survives a problem', () => {
  it('drops only the broken councillor and keeps the rest', () => {
    const { policy, problems } = loadPolicy(
      withField({ councillors: [{ name: 'A', email: 'a@westmoor.gov.uk' }, { name: 'B', email: 'jane smith' }, { name: 'C', email: 'c@westmoor.gov.uk' }] }),
      'policy.json',
    );
    expect(problems.every((p) => !p.fatal)).toBe(true);
    expect(policy?.councillors.map((c) => c.name)).toEqual(['A', 'C']);
  });

  it('drops a bad role or personal address but keeps the councillor', () => {
    const { policy } = loadPolicy(withField({ councillors: [{ name: 'A', email: 'a@westmoor.gov.uk', roles: ['cabinet', 'boss'], personalEmails: ['x', 'a@gmail.com'] }] }), 'policy.json');
    expect(policy?.councillors[0]).toMatchObject({ name: 'A', roles: ['cabinet'], personalEmails: ['a@gmail.com'] });
  });

  it('falls back to the default for a bad working-hours field and ignores an unknown rule', () => {
    const { policy } = loadPolicy(withField({ workingHours: { days: [1, 2, 3, 4], start: '8am', end: '16:00', timeZone: 'Europe/London' }, rules: { 'silent-copies': 'off', 'out-of-hours': 'off' } }), 'policy.json');
    expect(policy?.workingHours).toEqual({ days: [1, 2, 3, 4], start: '08:00', end: '16:00', timeZone: 'Europe/London' });
    expect(policy?.rules).toEqual({ 'out-of-hours': 'off' });
  });

  it('computes the period when the given start is after polling day', () => {
    const { policy } = loadPolicy(withField({ elections: [{ name: 'Borough', pollingDay: '2027-05-06', periodStart: '2027-05-20' }] }), 'policy.json');
    expect(policy?.elections[0]).toMatchObject({ periodStart: '2027-03-31', periodStartComputed: true });
  });

  it('keeps the first of two councillors with the same address', () => {
    const { policy } = loadPolicy(withField({ councillors: [{ name: 'A', email: 'a@westmoor.gov.uk' }, { name: 'B', email: 'A@westmoor.gov.uk' }] }), 'policy.json');
    expect(policy?.councillors.map((c) => c.name)).toEqual(['A']);
  });

  it('cites every pack when the pack id is unknown', () => {
    const { policy } = loadPolicy({ council: { name: 'Westmoor', protocol: 'surrey' } }, 'policy.json');
    expect(policy?.council.protocol).toBeUndefined();
  });

  it('is fatal when the council or its name is missing, or the JSON is not an object', () => {
    for (const json of [{}, { council: {} }, { council: { name: 7 } }, [], 'policy', null]) {
      const { policy, problems } = loadPolicy(json, 'policy.json');
      expect(policy).toBeUndefined();
      expect(problems.some((p) => p.fatal)).toBe(true);
    }
    expect(linesFor({ councillors: [] })).toEqual(['policy.json: council: this field is missing; expected an object with "name"']);
  });

  it('does not change the object it is given', () => {
    const json = withField({ councillors: [{ name: 'B', email: 'jane smith' }] });
    const before = structuredClone(json);
    loadPolicy(json, 'policy.json');
    expect(json).toEqual(before);
  });
});

describe('parsePolicyText: JSON syntax', () => {
  it('gives the line and column of a trailing comma', () => {
    const { policy, problems } = parsePolicyText('{\n  "council": {"name": "Westmoor",}\n}', 'policy.json');
    expect(policy).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 34, fatal: true });
    expect(formatProblem(problems[0]!)).toMatch(/^policy\.json:2:34: the file cannot be read as JSON: expected another "name": value/);
  });

  it('gives the line and column of a missing comma', () => {
    const { problems } = parsePolicyText('{\n  "council": {"name": "Westmoor"}\n  "rules": {}\n}', 'westmoor.json');
    expect(formatProblem(problems[0]!)).toBe(`westmoor.json:3:3: the file cannot be read as JSON: expected a comma or }, found '"'`);
  });

  it('explains single quotes and an empty file', () => {
    expect(parsePolicyText("{'council': 1}", 'p.json').problems[0]?.message).toMatch(/field name in double quotes/);
    expect(parsePolicyText('', 'p.json').problems[0]?.message).toMatch(/found the end of the file$/);
  });

  it('ignores a byte order mark', () => {
    expect(parsePolicyText('\ufeff' + JSON.stringify(minimal), 'p.json').problems).toEqual([]);
  });
});

describe('the schema file', () => {
  it('lists exactly the rule ids and pack ids the engine knows', () => {
    const s = schema as unknown as {
      properties: { rules: { properties: object }; council: { properties: { protocol: { then: { enum: string[] } } } } };
      $defs: { ownProtocol: { properties: { paragraphs: { properties: object } } } };
    };
    expect(Object.keys(s.properties.rules.properties)).toEqual([...RULE_IDS]);
    expect(s.properties.council.properties.protocol.then.enum).toEqual([...PACK_IDS]);
    expect(Object.keys(s.$defs.ownProtocol.properties.paragraphs.properties)).toEqual([...RULE_IDS]);
  });
});

describe('helpers', () => {
  it('formats paths the way users read them', () => {
    expect(formatPath(['councillors', 3, 'email'])).toBe('councillors[3].email');
    expect(formatPath(['rules', 'out-of-hours'])).toBe('rules.out-of-hours');
    expect(formatPath(['rules', 'a b'])).toBe('rules["a b"]');
  });
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests nothing when no name is close', () => {
    expect(closestName('banana', RULE_IDS)).toBeUndefined();
    expect(closestName('personal-emails', RULE_IDS)).toBe('personal-email');
  });
});

describe('the vocabulary field', () => {
  const base = { council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] } };
  const messages = (json: unknown) => loadPolicy(json, 'policy.json').problems.map(formatProblem);

  it('names an unknown entry id with the closest one, and keeps the rest', () => {
    const loaded = loadPolicy({ ...base, vocabulary: { 'campaigning.canvasing': { add: ['leaf drop'] }, 'business.offer': 'off' } }, 'policy.json');
    expect(loaded.problems.map(formatProblem)).toEqual(['policy.json: vocabulary["campaigning.canvasing"]: there is no vocabulary entry with this id; did you mean campaigning.canvassing?']);
    expect(loaded.policy?.vocabulary).toEqual({ 'business.offer': 'off' });
  });

  it('reports a phrase it cannot read by file, field and position, and drops only that phrase', () => {
    const loaded = loadPolicy({ ...base, vocabulary: { 'campaigning.canvassing': { add: ['ca*', 'leaf drop{,s}'] } } }, 'policy.json');
    expect(loaded.problems.map(formatProblem)[0]).toMatch(/^policy\.json: vocabulary\["campaigning\.canvassing"\]\.add\[0\]: expected a phrase in the vocabulary's shorthand, got "ca\*"/);
    expect(loaded.policy?.vocabulary).toEqual({ 'campaigning.canvassing': { add: ['leaf drop{,s}'] } });
  });

  it('says what a setting should be', () => {
    expect(messages({ ...base, vocabulary: { 'campaigning.petition': 'of' } })).toEqual(['policy.json: vocabulary["campaigning.petition"]: expected "off" or {"add": [phrases], "ignore": [phrases]}, got "of"']);
  });

  it('adds a local word for canvassing and ignores a word that misfires locally, in the checker', () => {
    const draft = {
      from: { name: 'Cllr Nina Shah', email: 'nina.shah@westmoor.gov.uk' },
      to: [{ name: 'Team', email: 'team@example.org' }],
      cc: [],
      bcc: [],
      subject: 'Saturday',
      body: 'Hi all,\n\nWe are doing a leaf drop on the Brookside estate on Saturday.\n\nNina',
    };
    const plain = loadPolicy(base, 'policy.json').policy!;
    const local = loadPolicy({ ...base, vocabulary: { 'campaigning.canvassing': { add: ['leaf drop{,s}'] } } }, 'policy.json').policy!;
    expect(check(draft, plain, { now: '2027-03-01T10:00:00Z' }).map((f) => f.rule)).not.toContain('letterhead-for-party-matters');
    expect(check(draft, local, { now: '2027-03-01T10:00:00Z' }).map((f) => f.rule)).toContain('letterhead-for-party-matters');
    const canvass = { ...draft, body: 'Hi all,\n\nWe are canvassing the Brookside estate on Saturday.\n\nNina' };
    const ignoring = loadPolicy({ ...base, vocabulary: { 'campaigning.canvassing': { ignore: ['canvass{,es,ed,ing}'] } } }, 'policy.json').policy!;
    expect(check(canvass, plain, { now: '2027-03-01T10:00:00Z' }).map((f) => f.rule)).toContain('letterhead-for-party-matters');
    expect(check(canvass, ignoring, { now: '2027-03-01T10:00:00Z' }).map((f) => f.rule)).not.toContain('letterhead-for-party-matters');
  });
});
