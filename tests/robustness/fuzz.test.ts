/**
 * Property-based tests (fast-check) and a seeded set of damaged files: whatever a mailbox,
 * a pasted draft or a policy file holds, the readers and the checker give a result or a clear
 * error for that input, in bounded time, and no other exception escapes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, normaliseDraft } from '../../src/engine/check.ts';
import { maintainedFreeMail } from '../../src/engine/free-mail-full.ts';
import { parseDraftBytes } from '../../src/cli/read-draft.ts';
import { InputError } from '../../src/cli/read-draft.ts';
import { parsePolicyText } from '../../src/policy/load.ts';
import { embeddedDefaultPolicy } from '../../src/policy/resolve.ts';
import { damage, GOOD_EML, goodMsg, isPlainMessage, MULTIPART_EML, randomAfterSignature, seeded } from './damage.ts';

const ROOT = new URL('../../', import.meta.url);
const NOW = new Date('2027-04-14T10:00:00+01:00');
const POLICY = embeddedDefaultPolicy();
const SAMPLE_POLICY_TEXT = readFileSync(new URL('samples/policy.json', ROOT), 'utf8');
const SAMPLE_POLICY = parsePolicyText(SAMPLE_POLICY_TEXT, 'policy.json').policy!;
/** Per input, reading and checking together; generous, as the test machine is shared. */
const LIMIT_MS = 3_000;

type Outcome = { ok: true } | { ok: false; message: string };

/** Read a file's bytes and check the draft; an InputError is a clear error, anything else escapes. */
async function readAndCheck(name: string, bytes: Uint8Array): Promise<Outcome> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    const draft = normaliseDraft(await parseDraftBytes(name, bytes));
    check(draft, SAMPLE_POLICY, { now: NOW, freeMail: maintainedFreeMail });
    outcome = { ok: true };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    outcome = { ok: false, message: error.message };
  }
  expect(performance.now() - started, name).toBeLessThan(LIMIT_MS);
  if (!outcome.ok) expect(isPlainMessage(outcome.message), outcome.message).toBe(true);
  return outcome;
}

const encode = (s: string) => new TextEncoder().encode(s);

describe('seeded damaged files', () => {
  const bases: [string, Uint8Array][] = [
    ['mail.eml', encode(GOOD_EML)],
    ['multipart.eml', encode(MULTIPART_EML)],
    ['draft.msg', goodMsg()],
    ['draft.json', encode(JSON.stringify({ to: [{ name: 'Cllr Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' }], subject: 'Bins', body: 'Dear Cllr Lee,\n\nThe bins are collected on Friday.' }))],
  ];

  it.each(bases)('300 damaged copies of %s: each is read and checked, or refused in plain words', async (name, bytes) => {
    const random = seeded(16 + name.length);
    let refused = 0;
    for (let k = 0; k < 300; k++) {
      const outcome = await readAndCheck(name, damage(bytes, random));
      if (!outcome.ok) refused++;
    }
    // Damage that leaves the file readable is checked; the rest is refused. Both happen.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(300);
  }, 300_000);

  it('100 files of random bytes behind a compound-file signature are refused as damaged .msg files', async () => {
    for (let seed = 1000; seed < 1100; seed++) {
      const outcome = await readAndCheck('random.msg', randomAfterSignature(seed, 512 * (1 + (seed % 12))));
      expect(outcome.ok).toBe(false);
    }
  }, 120_000);
});

describe('property: any bytes', () => {
  it.each(['x.eml', 'x.msg', 'x.json'])('any bytes given as %s: a draft or a clear error', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await readAndCheck(name, bytes);
      }),
      { numRuns: 150, seed: 16 },
    );
  }, 300_000);
});

/** Text built from pieces that upset parsers: MIME headers and boundaries, encoded words, HTML, addresses. */
const mailPiece = fc.oneof(
  fc.constantFrom(
    'From: Sam <sam@eastmoor.gov.uk>\r\n', 'To: Cllr Ann Lee <cllr.ann.lee@eastmoor.gov.uk>\r\n', 'Bcc: cllr.bo.khan@eastmoor.gov.uk\r\n', 'Subject: =?utf-8?B?QmlucyDigJMgRnJpZGF5?=\r\n',
    'Content-Type: multipart/mixed; boundary="b"\r\n', 'Content-Type: text/html; charset=windows-1252\r\n', 'Content-Transfer-Encoding: base64\r\n', 'Content-Transfer-Encoding: quoted-printable\r\n',
    '\r\n', '\n', '--b\r\n', '--b--\r\n', 'Content-Type: message/rfc822\r\n', '=\r\n', '=E2=80=93', '<table><tr><td>', '</td></tr></table>', '<p>', '&nbsp;', '\uFEFF', '@ ', 'a@b.c ',
  ),
  fc.string({ maxLength: 40 }),
);

describe('property: adversarial mail', () => {
  it('mail assembled from hostile pieces: a draft or a clear error, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mailPiece, { maxLength: 80 }), fc.integer({ min: 1, max: 200 }), async (pieces, repeat) => {
        const text = `From: Sam <sam@eastmoor.gov.uk>\r\nTo: a@eastmoor.gov.uk\r\n${pieces.join('')}`;
        const body = pieces.length ? pieces[pieces.length - 1]!.repeat(repeat) : '';
        await readAndCheck('m.eml', encode(text + body));
      }),
      { numRuns: 200, seed: 1616 },
    );
  }, 300_000);
});

describe('property: drafts', () => {
  const words = fc.constantFrom(
    'Cllr', 'councillor', 'final', 'written', 'formal', 'warning', 'press', 'release', 'media', 'enquiries', '@', 'vote', 'Labour', 'leaflet', 'canvassing', 'Bcc', 'sacked', '\n', '\n\n', '>', '"', '—', '_', ' ', 'wrote:', 'Regards,', 'On Monday, Sam wrote:', 'Leader of the', 'Group',
  );
  it('any body and subject, up to 20 KB, as text or HTML: check() finds or finds nothing, in bounded time', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (tokens, repeat, html) => {
        const text = tokens.join(' ').repeat(repeat).slice(0, 20_000);
        const draft = normaliseDraft({
          from: { name: 'Cllr Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' },
          to: [{ name: 'Sam Officer', email: 'sam.officer@eastmoor.gov.uk' }],
          cc: [],
          bcc: [],
          subject: text.slice(0, 80),
          body: html ? '' : text,
          ...(html ? { bodyHtml: `<div>${text.replace(/\n/g, '<br>')}</div>` } : {}),
          composeType: 'new',
          attachments: [],
        });
        const started = performance.now();
        const findings = check(draft, POLICY, { now: NOW, freeMail: maintainedFreeMail });
        expect(Array.isArray(findings)).toBe(true);
        expect(performance.now() - started).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 120, seed: 161616 },
    );
  }, 300_000);
});

describe('property: policies', () => {
  it('damaged policy text: a policy, or problems that name the file, never an exception', () => {
    const random = seeded(2027);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), () => {
        const bytes = damage(encode(SAMPLE_POLICY_TEXT), random);
        const text = new TextDecoder().decode(bytes);
        const loaded = parsePolicyText(text, 'policy.json');
        if (!loaded.policy) expect(loaded.problems.some((p) => p.fatal)).toBe(true);
        for (const p of loaded.problems) expect(p.source).toBe('policy.json');
        if (loaded.policy) {
          const draft = normaliseDraft({ to: [{ email: 'cllr.nadia.farouk@eastmoor.gov.uk' }], cc: [], bcc: [], subject: 'Bins', body: 'Dear Cllr Farouk, the bins are late.', composeType: 'new', attachments: [] });
          check(draft, loaded.policy, { now: NOW, freeMail: maintainedFreeMail });
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  }, 300_000);
});
