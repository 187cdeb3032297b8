import { describe, expect, it } from 'vitest';
import { buildMsg } from '../../tests/fixtures/mail/build-msg.ts';
import { parseMsg } from './msg.ts';

const spec = {
  subject: 'RE: Damp at 14 Orchard Way',
  from: { name: 'Michael Thornton', email: 'michael.thornton@northbridge.gov.uk' },
  recipients: [
    { name: 'Cllr Thomas Whitfield', email: 'cllr.thomas.whitfield@northbridge.gov.uk', type: 'to' as const },
    { name: 'Priya Shah', email: 'priya.shah@northbridge.gov.uk', type: 'cc' as const },
    { name: 'Cllr Aisha Begum', email: 'cllr.aisha.begum@northbridge.gov.uk', type: 'bcc' as const },
  ],
  body: 'Dear Cllr Whitfield,\r\n\r\nThe works are booked.\r\n',
  html: '<html><body><p>Dear Cllr Whitfield,</p><p>The works are <b>booked</b>.</p></body></html>',
  submitted: '2027-02-09T10:12:00Z',
  importance: 'high' as const,
  attachments: [{ name: 'survey-report.pdf', content: new Uint8Array([37, 80, 68, 70]) }],
};

describe('parseMsg', () => {
  it('reads sender, recipients by type, subject, bodies, date, importance and attachments', () => {
    const draft = parseMsg(buildMsg(spec));
    expect(draft.from).toEqual(spec.from);
    expect(draft.to).toEqual([{ name: 'Cllr Thomas Whitfield', email: 'cllr.thomas.whitfield@northbridge.gov.uk' }]);
    expect(draft.cc).toEqual([{ name: 'Priya Shah', email: 'priya.shah@northbridge.gov.uk' }]);
    expect(draft.bcc).toEqual([{ name: 'Cllr Aisha Begum', email: 'cllr.aisha.begum@northbridge.gov.uk' }]);
    expect(draft.subject).toBe(spec.subject);
    expect(draft.body).toBe('Dear Cllr Whitfield,\n\nThe works are booked.\n');
    expect(draft.bodyHtml).toBe(spec.html);
    expect(draft.date).toBe('2027-02-09T10:12:00Z');
    expect(draft.importance).toBe('high');
    expect(draft.composeType).toBe('reply');
    expect(draft.attachments).toEqual([{ name: 'survey-report.pdf' }]);
  });

  it('derives the body from the HTML when there is no plain-text body', () => {
    const draft = parseMsg(buildMsg({ ...spec, body: undefined, importance: undefined, subject: 'Works' }));
    expect(draft.body).toBe('Dear Cllr Whitfield,\n\nThe works are booked.');
    expect(draft.importance).toBeUndefined();
    expect(draft.composeType).toBe('new');
  });

  it('treats a message with an In-Reply-To id as a reply', () => {
    expect(parseMsg(buildMsg({ ...spec, subject: 'Works', inReplyTo: '<abc@northbridge.gov.uk>' })).composeType).toBe('reply');
  });

  it('rejects bytes that are not an Outlook message', () => {
    expect(() => parseMsg(new TextEncoder().encode('From: a@b.c\n\nhello'))).toThrow(/not an Outlook \.msg/);
  });

  it('rejects a message with no sender and no recipients', () => {
    expect(() => parseMsg(buildMsg({ subject: 'x', recipients: [] }))).toThrow(/No From and no recipients/);
  });
});
