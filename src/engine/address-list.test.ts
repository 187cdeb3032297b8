import { describe, expect, it } from 'vitest';
import { parseAddressList } from './text.ts';

describe('parseAddressList (quoted headers and the preview\'s recipient fields)', () => {
  it('reads names and addresses separated by semicolons or commas', () => {
    expect(parseAddressList('Jane Smith <jane.smith@northbridge.gov.uk>; Bob Lee <bob@example.org>, carol@example.org')).toEqual([
      { name: 'Jane Smith', email: 'jane.smith@northbridge.gov.uk' },
      { name: 'Bob Lee', email: 'bob@example.org' },
      { email: 'carol@example.org' },
    ]);
  });

  it('keeps a quoted name with a comma in it whole', () => {
    expect(parseAddressList('"Smith, Jane" <jane.smith@northbridge.gov.uk>')).toEqual([{ name: 'Smith, Jane', email: 'jane.smith@northbridge.gov.uk' }]);
  });

  it("reads Outlook's quoted-header form Name [mailto:address]", () => {
    expect(parseAddressList('Cllr Ann Lee [mailto:cllr.ann.lee@northbridge.gov.uk]; Tom Hart [mailto:tom.hart@northbridge.gov.uk]')).toEqual([
      { name: 'Cllr Ann Lee', email: 'cllr.ann.lee@northbridge.gov.uk' },
      { name: 'Tom Hart', email: 'tom.hart@northbridge.gov.uk' },
    ]);
  });

  it('reads bare addresses separated only by spaces', () => {
    expect(parseAddressList('a@example.org b@example.org')).toEqual([{ email: 'a@example.org' }, { email: 'b@example.org' }]);
  });

  it('finds no address in names alone or in a bracket that holds no address', () => {
    expect(parseAddressList('Jane Smith; Bob Lee')).toEqual([]);
    expect(parseAddressList('Jane <not an address>')).toEqual([]);
    // An address whose closing bracket was lost is still read.
    expect(parseAddressList('Jane <jane@example.org')).toEqual([{ email: 'jane@example.org' }]);
  });

  it('reads a long run of brackets and quotes without slowing (each character read a bounded number of times)', () => {
    const hostile = '"'.repeat(20_000) + '<'.repeat(20_000) + 'a@'.repeat(20_000) + '[mailto:'.repeat(5_000);
    const started = performance.now();
    parseAddressList(hostile);
    // Linear work on 180 KB is a few milliseconds; the old pattern took seconds here.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
