/**
 * The policy validator is compiled from policy.schema.json at build time
 * (scripts/gen-policy-validator.ts) so that no schema is compiled at run time. These tests make
 * sure it is the schema's current validator and that it reports what a validator compiled at
 * run time by ajv (as the loader did before) reports, error for error.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, policyValidatorSource, SCHEMA_PATH, schemaHash, VALIDATOR_OPTIONS } from '../../scripts/gen-policy-validator.ts';
import { validate as generated } from '../../src/policy/policy-validator.generated.ts';
import { POLICY_FORMATS } from '../../src/policy/policy-formats.ts';

const schemaText = readFileSync(SCHEMA_PATH, 'utf8');

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
    expect(imports).toEqual(["import { POLICY_FORMATS as formats, codePointLength, jsonEqual } from './policy-formats.ts';"]);
    expect(readFileSync(GENERATED_PATH, 'utf8')).not.toMatch(/require\(|new Function|\beval\(/);
  });

  it('reports what ajv compiling the schema at run time (as the loader did) reports, on good and broken policies', () => {
    const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS });
    for (const [name, format] of Object.entries(POLICY_FORMATS)) ajv.addFormat(name, format);
    const compiled = ajv.compile(JSON.parse(schemaText));
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
    ];
    for (const data of cases) expect(errorsOf(generated, data), JSON.stringify(data).slice(0, 80)).toEqual(errorsOf(compiled, data));
    // The cases do exercise the validator: most are broken.
    expect(cases.filter((data) => errorsOf(generated, data).length > 0).length).toBeGreaterThanOrEqual(9);
  });
});
