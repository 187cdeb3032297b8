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

describe('a plain single-part body with very many lines (issue 16: memory)', () => {
  const head = 'From: Sam Officer <sam.officer@eastmoor.gov.uk>\nTo: Cllr Ann Lee <cllr.ann.lee@eastmoor.gov.uk>\nSubject: Update\nMIME-Version: 1.0\n';

  it('reads 200 KB of blank lines and the words after them, with the headers as before', async () => {
    const draft = await parseEml(new TextEncoder().encode(`${head}Content-Type: text/plain; charset=utf-8\n\n${'\n'.repeat(200_000)}Thanks, Sam\n`));
    expect(draft.to).toEqual([{ name: 'Cllr Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' }]);
    expect(draft.subject).toBe('Update');
    expect(draft.body.length).toBe(200_000 + 'Thanks, Sam\n'.length);
    expect(draft.body.endsWith('\nThanks, Sam\n')).toBe(true);
  });

  it('decodes the body in its own charset, and an HTML body as HTML', async () => {
    const latin = new Uint8Array([...new TextEncoder().encode(`${head}Content-Type: text/plain; charset=iso-8859-1\n\n${'\n'.repeat(20_000)}Caf`), 0xe9, 0x0a]);
    expect((await parseEml(latin)).body.endsWith('Café\n')).toBe(true);
    const html = await parseEml(new TextEncoder().encode(`${head}Content-Type: text/html; charset=utf-8\n\n<p>Dear Cllr Lee,</p>${'\n'.repeat(20_000)}<p>The bins.</p>\n`));
    expect(html.bodyHtml).toContain('<p>The bins.</p>');
    expect(html.body).toContain('The bins.');
  });

  it('decodes every plain single-part corpus and fixture message exactly as postal-mime does', async () => {
    const { default: PostalMime } = await import('postal-mime');
    const { plainBodyOf } = await import('./eml.ts');
    const { join } = await import('node:path');
    const { statSync } = await import('node:fs');
    const root = new URL('../../tests/', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.eml')) files.push(path);
      }
    };
    walk(join(root, 'corpus'));
    walk(join(root, 'fixtures'));
    let compared = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      let raw = '';
      for (let i = 0; i < bytes.length; i += 0x8000) raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const ours = plainBodyOf(raw, bytes, 0); // every message, not only those with very many lines
      if (!ours) continue;
      const theirs = await PostalMime.parse(bytes);
      expect(ours.body.replace(/\r\n?/g, '\n'), file).toBe(((ours.html ? theirs.html : theirs.text) ?? '').replace(/\r\n?/g, '\n'));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
