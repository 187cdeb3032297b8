import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeTypeOf, parseEml, rfc5322ToIso } from './eml.ts';
import { htmlToText } from '../engine/html-text.ts';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR } from '../../tests/helpers/shared.ts';

const fixtureUrl = (name: string) => new URL(`../../tests/fixtures/mail/${name}`, import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(fixtureUrl(name)));
const corpusDir = pathToFileURL(`${CORPUS_DIR}/`);

describe('parseEml', () => {
  it('reads an Outlook draft: multipart/alternative, QP text, base64 HTML, Bcc, X-Unsent, CRLF, RFC 2047 names', async () => {
    const draft = await parseEml(fixture('outlook-draft-alternative.eml'));
    expect(draft.from).toEqual({ name: 'Siân O’Brien'.replace('’', "'"), email: 'sian.obrien@northbridge.gov.uk' });
    expect(draft.to).toEqual([{ name: 'Cllr Chidi Okafor', email: 'cllr.chidi.okafor@northbridge.gov.uk' }]);
    expect(draft.bcc).toEqual([{ name: 'Cllr Renée Dubois', email: 'cllr.renee.dubois@northbridge.gov.uk' }]);
    expect(draft.subject).toBe('Skip for Elm Road – Monday');
    // Both parts: the body is the text part, the HTML is kept as it is.
    expect(draft.body).toMatch(/^Dear Cllr Okafor,\n\nThe skip is booked for Monday – 8am\.\n+$/);
    expect(draft.bodyHtml).toContain('<p class=MsoNormal>The <b>skip</b> is booked');
    expect(draft.importance).toBe('high');
    expect(draft.composeType).toBe('new');
    expect(draft.date).toBe('2027-03-03T14:05:00+00:00');
  });

  it('reads a Thunderbird draft: multipart/mixed, windows-1252, X-Priority 1, Re[2]:, an attachment, a -0500 offset', async () => {
    const draft = await parseEml(fixture('thunderbird-mixed-1252.eml'));
    expect(draft.body).toContain('The café licence fee is £120 – “paid”.');
    expect(draft.importance).toBe('high');
    expect(draft.composeType).toBe('reply');
    expect(draft.attachments).toEqual([{ name: 'licence-fee.pdf' }]);
    expect(draft.date).toBe('2027-03-04T09:30:15-05:00');
    expect(Date.parse(draft.date!)).toBe(Date.parse('2027-03-04T14:30:15Z'));
  });

  it('repairs windows-1252 punctuation that a decoder left as control characters', async () => {
    const { repairWindows1252 } = await import('./eml.ts');
    expect(repairWindows1252('\u0093paid\u0094 \u0096 \u0080')).toBe('“paid” – €');
  });

  it('reads iso-8859-1 quoted-printable and a German forward prefix', async () => {
    const draft = await parseEml(fixture('latin1-qp-forward.eml'));
    expect(draft.body).toContain('Grüße aus Northbridge. Coût: £50.');
    expect(draft.subject).toBe('WG: Straße');
    expect(draft.composeType).toBe('forward');
    expect(draft.to).toEqual([{ email: 'contractor@example.com' }]);
  });

  it('derives the body from the HTML of an HTML-only message, with our own offsets', async () => {
    const draft = await parseEml(fixture('html-only-base64.eml'));
    expect(draft.bodyHtml).toContain('<a href="https://www.northbridge.gov.uk/bins">');
    expect(draft.body).toBe(htmlToText(draft.bodyHtml!).text);
    expect(draft.body).toContain('[Northbridge District Council]\tHannah Cole\nCommunications Manager');
    expect(draft.composeType).toBe('reply');
  });

  it('treats In-Reply-To without a prefix as a reply', async () => {
    expect((await parseEml(fixture('in-reply-to-only.eml'))).composeType).toBe('reply');
  });

  it('accepts a string as well as bytes, and LF as well as CRLF', async () => {
    const text = readFileSync(fixtureUrl('in-reply-to-only.eml'), 'utf8');
    const draft = await parseEml(text);
    expect(draft.body).toBe('Yes.\n');
    expect((await parseEml(text.replace(/\n/g, '\r\n'))).body).toBe('Yes.\n');
  });

  it.each([
    ['truncated-multipart.eml', /Unterminated MIME.*--=_alt_01--/],
    ['truncated-headers.eml', /headers do not end/],
    ['not-an-email.eml', /binary data|No email headers/],
    ['no-addresses.eml', /No From and no recipients/],
    ['plain-text-notes.eml', /No email headers at the start of the file/],
  ])('rejects %s with a message that says what is wrong', async (name, message) => {
    await expect(parseEml(fixture(name))).rejects.toThrow(message);
  });

  it('rejects an empty file and an Outlook .msg given as .eml', async () => {
    await expect(parseEml('')).rejects.toThrow(/empty/);
    await expect(parseEml(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow(/\.msg/);
  });

  describe('the Northbridge corpus', () => {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.eml')).sort();
    it('has its 81 drafts', () => expect(files).toHaveLength(81));
    it.each(files)('%s yields from, recipients, subject, body and date', async (file) => {
      const draft = await parseEml(new Uint8Array(readFileSync(new URL(file, corpusDir))));
      expect(draft.from?.email).toMatch(/@/);
      expect(draft.to.length + draft.cc.length + draft.bcc.length).toBeGreaterThan(0);
      expect(draft.subject).not.toBe('');
      expect(draft.body.trim()).not.toBe('');
      expect(draft.body).not.toContain('\r');
      expect(Number.isNaN(Date.parse(draft.date!))).toBe(false);
      expect(draft.date).toMatch(/[+-]\d{2}:\d{2}$|Z$/);
    });
    it('keeps the -0400 offset of 69 and the instant', async () => {
      const file = files.find((f) => f.startsWith('69-'))!;
      const draft = await parseEml(new Uint8Array(readFileSync(new URL(file, corpusDir))));
      expect(draft.date).toBe('2027-05-19T05:40:00-04:00');
    });
    it('finds the Bcc of 01, the CSV of 15 and the encoded subject of 02', async () => {
      const read = async (prefix: string) => parseEml(new Uint8Array(readFileSync(new URL(files.find((f) => f.startsWith(prefix))!, corpusDir))));
      expect((await read('01-')).bcc.map((m) => m.email)).toEqual(['cllr.aisha.begum@northbridge.gov.uk']);
      expect((await read('15-')).attachments).toEqual([{ name: 'arrears-eastwick-kingsmead-feb-2027.csv' }]);
      expect((await read('02-')).subject).toBe('RE: 26/01143/HOU – 3 Castle Mews rear extension');
    });
  });
});

describe('composeTypeOf', () => {
  it.each([
    ['RE: Bins', 'reply'],
    ['Re[2]: Bins', 'reply'],
    ['RE(3): Bins', 'reply'],
    ['AW: Bins', 'reply'],
    ['SV: Bins', 'reply'],
    ['[EXTERNAL] Re: Bins', 'reply'],
    ['FW: Bins', 'forward'],
    ['Fwd: Bins', 'forward'],
    ['WG: Bins', 'forward'],
    ['Bins: Re: collections', 'new'], // a prefix only counts at the start
    ['Refuse collection', 'new'], // "Re" inside a word is not a prefix
  ])('%s is %s', (subject, type) => {
    expect(composeTypeOf(subject)).toBe(type);
  });
});

describe('rfc5322ToIso', () => {
  it.each([
    ['Tue, 09 Feb 2027 10:12:00 +0000', '2027-02-09T10:12:00+00:00'],
    ['9 Feb 2027 10:12 +0530', '2027-02-09T10:12:00+05:30'],
    ['Tue, 09 Feb 2027 10:12:00 GMT', '2027-02-09T10:12:00+00:00'],
    ['Tue, 09 Feb 2027 10:12:00 EST', '2027-02-09T10:12:00-05:00'],
  ])('%s → %s', (value, iso) => {
    expect(rfc5322ToIso(value)).toBe(iso);
  });
  it('gives nothing for a date it cannot read', () => {
    expect(rfc5322ToIso('next Tuesday')).toBeUndefined();
    expect(rfc5322ToIso('31 Feb 2027 10:00 +0000')).toBeUndefined();
  });
});
