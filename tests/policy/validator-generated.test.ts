/**
 * The policy validator is compiled from policy.schema.json at build time
 * (scripts/gen-policy-validator.ts) so that no schema is compiled at run time. These tests make
 * sure it is the schema's current validator and that it reports what a validator compiled at
 * run time by ajv (as the loader did before) reports, error for error.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { GENERATED_PATH, POLICY_FORMATS, policyValidatorSource, SCHEMA_PATH, schemaHash, VALIDATOR_OPTIONS, withoutAnnotations } from '../../scripts/gen-policy-validator.ts';
import { validate as generated } from '../../src/policy/policy-validator.generated.ts';
import { isFullDate } from '../../src/policy/policy-formats.ts';
import { schemaErrors } from '../../src/policy/schema-errors.ts';

const schemaText = readFileSync(SCHEMA_PATH, 'utf8');

/** The schema compiled by ajv at run time, as the loader once did, with the schema's own annotations. */
function runTimeValidator(options: object) {
  const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS, ...options });
  for (const [name, format] of Object.entries(POLICY_FORMATS)) ajv.addFormat(name, format);
  return ajv.compile(JSON.parse(schemaText));
}

const council = { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'] };
const cases: unknown[] = [
    { council },
    JSON.parse(readFileSync(new URL('../../samples/policy.json', import.meta.url), 'utf8')),
    {},
    [],
    { council: { name: '' } },
    { council: { name: 'x'.repeat(500), domains: ['westmoor.gov.uk', 'westmoor.gov.uk', 'not a host'] } },
    { council, councillors: [{ name: 'Jo Bloggs', email: 'jane smith' }, { email: 'a@b.example' }, 42] },
    { council, elections: [{ pollingDay: '2027-13-40' }], workingHours: { start: '25:00', days: [0, 8] } },
    { council: { ...council, timeZone: 'Europe/Nowhere', nation: 'englnd', protocol: 'no-such-pack' } },
    { council, rules: { 'personal-email': 'of', 'no-such-rule': 'off', 'silent-copy': { severity: 'warnin' } } },
    { council, vocabulary: { 'frame.request': { add: 'x' } }, unknownField: true },
    // Surrogate pairs count once in a length limit.
    { council: { name: '😀'.repeat(200) } },
    { council: { name: '😀'.repeat(201) } },
  // Errors inside $defs entries compiled as functions of their own, and a property whose name
  // is escaped in the schema path ($schema).
  { $schema: 42, council: { ...council, protocol: { id: 'Own', title: 7, paragraphs: { '1.1': { summary: 3 }, x: 'y' } } } },
  { council, officers: [{ name: 'Sam', email: 'sam@westmoor.gov.uk', roles: ['monitoring officr'] }, { name: '' }], parties: [{ names: [] }] },
  { council, sendTime: { mode: 'strct' }, elections: [{ name: 'May', pollingDay: '2027-02-29', type: 'locl' }] },
];

/**
 * A validator's errors as plain JSON. The generated code keeps each `$defs` entry as a function
 * of its own, so its schemaPath starts at that entry (`#/required`) where an inlining compiler
 * says `#/$defs/councillor/required`; the loader reads only whether the path passes through
 * an `anyOf`, which both say alike, so the paths are compared from the entry on.
 */
function errorsOf(validator: ((data: unknown) => boolean) & { errors?: { schemaPath: string }[] | null }, data: unknown): unknown[] {
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => ({ ...JSON.parse(JSON.stringify(e)), schemaPath: e.schemaPath.replace(/^#\/\$defs\/[^/]+/, '#') }));
}

describe('the generated policy validator', () => {
  it('is generated from the schema as it is now (run npm run build or the tests to regenerate)', () => {
    const onDisk = readFileSync(GENERATED_PATH, 'utf8');
    expect(onDisk).toContain(`sha256 ${schemaHash(schemaText)}`);
    expect(onDisk).toBe(policyValidatorSource(schemaText));
  });

  it('loads no schema compiler: the module imports only the formats', () => {
    const imports = readFileSync(GENERATED_PATH, 'utf8').match(/^import .*$/gm) ?? [];
    expect(imports).toEqual(["import { RUNTIME_FORMATS as formats, codePointLength, jsonEqual } from './policy-formats.ts';"]);
    expect(readFileSync(GENERATED_PATH, 'utf8')).not.toMatch(/require\(|new Function|\beval\(/);
  });

  it('reports what ajv compiling the schema at run time (as the loader did) reports, on good and broken policies', () => {
    const compiled = runTimeValidator(VALIDATOR_OPTIONS);
    for (const data of cases) expect(errorsOf(generated, data), JSON.stringify(data).slice(0, 80)).toEqual(errorsOf(compiled, data));
    // The cases do exercise the validator: most are broken.
    expect(cases.filter((data) => errorsOf(generated, data).length > 0).length).toBeGreaterThanOrEqual(9);
  });

  it('gives each error the data and the parent schema that ajv\'s verbose option gives, read from its paths', () => {
    const verbose = runTimeValidator({ verbose: true });
    for (const data of cases) {
      const expected = verbose(data) ? [] : (verbose.errors ?? []).map((e) => ({ instancePath: e.instancePath, data: e.data, parentSchema: withoutAnnotations(e.parentSchema as never) }));
      const actual = schemaErrors(data).map((e) => ({ instancePath: e.instancePath, data: e.data, parentSchema: e.parentSchema }));
      expect(actual, JSON.stringify(data).slice(0, 80)).toEqual(expected);
    }
  });

  it('carries none of the schema\'s descriptions', () => {
    const descriptions = [...schemaText.matchAll(/"description":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(descriptions.length).toBeGreaterThan(20);
    const generatedText = readFileSync(GENERATED_PATH, 'utf8');
    expect(descriptions.filter((d) => generatedText.includes(JSON.stringify(d).slice(1, -1)))).toEqual([]);
  });
});

describe('the date format the validator calls at run time', () => {
  it('accepts exactly the dates ajv-formats accepts', () => {
    const ajvDate = (fullFormats.date as { validate: (text: string) => boolean }).validate;
    const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.oneof(dateLike, fc.string()), (text) => isFullDate(text) === ajvDate(text)), { numRuns: 5000 });
    for (const text of ['2024-02-29', '2000-02-29', '1900-02-29', '2027-04-31', '2027-12-31', '2027-1-05', ' 2027-01-05']) expect(isFullDate(text), text).toBe(ajvDate(text));
  });
});
