/** The CLI's small pure helpers. */
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { closestMatch } from '../../src/cli/closest.ts';
import { describeEmlDamage } from '../../src/cli/eml-damage.ts';
import { artifactUri } from '../../src/cli/format-sarif.ts';
import { positionAt } from '../../src/cli/position.ts';

describe('describeEmlDamage', () => {
  const whole = 'From: a@eastmoor.gov.uk\nTo: b@eastmoor.gov.uk\nSubject: Hi\n\nHello\n';
  it('accepts a whole message, and one with headers only that ends in a line break', () => {
    expect(describeEmlDamage(whole)).toBeUndefined();
    expect(describeEmlDamage('From: a@eastmoor.gov.uk\nSubject: Hi\n')).toBeUndefined();
  });

  it('refuses an empty file, a file that is not an email, and one cut off in the headers', () => {
    expect(describeEmlDamage('  \n')).toBe('the file is empty');
    expect(describeEmlDamage('Dear Cllr Lee,\n\nThanks')).toMatch(/not an email/);
    expect(describeEmlDamage('From: a@eastmoor.gov.uk\nTo: b@east')).toMatch(/cut short/);
  });

  it('refuses a multipart message whose last part never closes, and accepts one that does', () => {
    const head = 'From: a@eastmoor.gov.uk\nContent-Type: multipart/alternative;\n boundary="b1"\n\n--b1\nContent-Type: text/plain\n\nHello\n';
    expect(describeEmlDamage(head)).toMatch(/closing boundary/);
    expect(describeEmlDamage(`${head}--b1--\n`)).toBeUndefined();
    expect(describeEmlDamage(`${head.replace(/\n/g, '\r\n')}--b1--`)).toBeUndefined();
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1, with CRLF as one break', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});

describe('closestMatch', () => {
  it('suggests a near miss and nothing for a stranger', () => {
    expect(closestMatch('--polcy', ['--policy', '--now'])).toBe('--policy');
    expect(closestMatch('--fromat', ['--format', '--policy'])).toBe('--format');
    expect(closestMatch('--banana', ['--policy', '--now'])).toBeUndefined();
  });
});

describe('parseArgs', () => {
  it('reads options in both spellings and keeps file names in order', () => {
    const options = parseArgs(['--format=json', 'a.eml', '--policy', 'p.json', '--now', '2027-04-12T09:30:00+01:00', '--', '--odd.eml']);
    expect(options).toMatchObject({ format: 'json', policy: 'p.json', inputs: ['a.eml', '--odd.eml'] });
    expect(options.now?.toISOString()).toBe('2027-04-12T08:30:00.000Z');
  });

  it('says what an option needs when its value is missing', () => {
    expect(() => parseArgs(['--policy'])).toThrow(new UsageError('--policy needs a value: the name of a policy file, for example --policy policy.json'));
  });
});

describe('artifactUri', () => {
  it('keeps relative paths relative and encodes what a URI cannot hold', () => {
    expect(artifactUri('drafts/a b.eml')).toBe('drafts/a%20b.eml');
    expect(artifactUri('/tmp/x.eml')).toBe('file:///tmp/x.eml');
  });
});
