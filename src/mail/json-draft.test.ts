import { describe, expect, it } from 'vitest';
import { parseDraftJson } from './json-draft.ts';

const ok = { from: { name: 'Priya Shah', email: 'priya.shah@northbridge.gov.uk' }, to: [{ name: 'Cllr Jane Smith', email: 'cllr.jane.smith@northbridge.gov.uk' }], subject: 'Bins', body: 'Dear Jane,' };

describe('parseDraftJson', () => {
  it('reads a contract 3 draft and fills the defaults', () => {
    expect(parseDraftJson(JSON.stringify(ok))).toEqual({ ...ok, cc: [], bcc: [], composeType: 'new', attachments: [] });
  });

  it('keeps every optional field it is given', () => {
    const full = { ...ok, cc: [], bcc: [{ email: 'cllr.bob@northbridge.gov.uk' }], bodyHtml: '<p>Dear Jane,</p>', date: '2027-04-12T09:30:00+01:00', composeType: 'reply', attachments: [{ name: 'a.pdf' }], importance: 'high' };
    expect(parseDraftJson(JSON.stringify(full))).toEqual(full);
  });

  it.each([
    [{ ...ok, to: [ok.to[0], { email: 'bob' }] }, 'to[1].email: expected an email address, got "bob"'],
    [{ ...ok, to: [{ name: 'Bob' }] }, 'to[0].email: expected an email address, got nothing'],
    [{ ...ok, cc: 'bob@example.com' }, 'cc: expected a list of recipients, got "bob@example.com"'],
    [{ ...ok, bcc: ['bob@example.com'] }, 'bcc[0]: expected an object such as'],
    [{ ...ok, subject: 3 }, 'subject: expected text, got 3'],
    [{ ...ok, date: '12/04/2027' }, 'date: expected a date and time with its offset, such as "2027-04-12T09:30:00+01:00", got "12/04/2027"'],
    [{ ...ok, date: '2027-04-12T09:30:00' }, 'date: expected a date and time with its offset'],
    [{ ...ok, composeType: 'forwarded' }, 'composeType: expected "new", "reply" or "forward", got "forwarded"'],
    [{ ...ok, attachments: [{ file: 'a.pdf' }] }, 'attachments[0].name: expected a file name, got nothing'],
    [{ ...ok, bodyHTML: '<p>' }, 'bodyHTML: unknown field; did you mean "bodyHtml"?'],
    [{ ...ok, to: [{ email: 'a@b.org', mail: 'x' }] }, 'to[0].mail: unknown field; did you mean "email"?'],
    [{ subject: 'x', body: 'y' }, 'to: expected at least one recipient'],
    [[ok], 'expected a draft object'],
  ])('names the field that is wrong: %#', (value, message) => {
    expect(() => parseDraftJson(JSON.stringify(value))).toThrow(message);
  });

  it('says where JSON that does not parse goes wrong', () => {
    expect(() => parseDraftJson('{\n  "to": [,]\n}')).toThrow(/^The file is not valid JSON( at line 2, column \d+)?: look for a missing comma/);
    expect(() => parseDraftJson('{\n  "to": [,]\n}')).not.toThrow(/"to"/);
  });
});
