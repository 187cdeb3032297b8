/**
 * Damaged and adversarial files for the robustness tests, made from a seed so that every run
 * sees the same bytes (nothing large is committed). A mulberry32 generator drives byte flips,
 * cuts, repeated spans, and hostile bodies.
 */
import { buildMsg } from '../fixtures/mail/build-msg.ts';
import { eml } from '../cli/helpers.ts';
import { seeded } from '../../bench/fixtures.ts';

export { seeded };


const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The file of issue 16: a valid compound-file signature, then random bytes (4 KB). */
export function randomAfterSignature(seed: number, size = 4096): Uint8Array {
  const random = seeded(seed);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(random() * 256);
  bytes.set(OLE_SIGNATURE);
  return bytes;
}

export function goodMsg(): Uint8Array {
  return buildMsg({
    subject: 'Damp at 14 Orchard Way',
    from: { name: 'Sam Officer', email: 'sam.officer@eastmoor.gov.uk' },
    recipients: [{ name: 'Cllr Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk', type: 'to' }],
    body: 'Dear Cllr Lee,\r\n\r\nThe works are booked for Tuesday.\r\n',
    html: `<p>Dear Cllr Lee,</p>${'<p>The works are booked for Tuesday.</p>'.repeat(60)}`,
  });
}

export const GOOD_EML = eml({ body: 'Dear Cllr Lee,\n\nThank you for your enquiry about the bus shelter.\n\nSam' });

export const MULTIPART_EML = [
  'From: Sam Officer <sam.officer@eastmoor.gov.uk>',
  'To: Cllr Ann Lee <cllr.ann.lee@eastmoor.gov.uk>',
  'Subject: Bus shelter',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Dear Cllr Lee, the shelter is fixed.',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Dear Cllr Lee, the shelter is <b>fixed</b>.</p>',
  '--b1--',
  '',
].join('\r\n');

/** One damaged copy of `bytes`: flips, a cut, a repeated span, a zeroed span or an inserted run. */
export function damage(bytes: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  const copy = bytes.slice();
  switch (pick(6)) {
    case 0: {
      for (let k = 0, n = 1 + pick(30); k < n; k++) copy[pick(copy.length)] = pick(256);
      return copy;
    }
    case 1:
      return copy.subarray(0, pick(copy.length));
    case 2: {
      const at = pick(copy.length);
      const span = copy.subarray(at, at + 1 + pick(64));
      const out = new Uint8Array(copy.length + span.length * 40);
      out.set(copy.subarray(0, at));
      for (let k = 0; k < 40; k++) out.set(span, at + k * span.length);
      out.set(copy.subarray(at), at + span.length * 40);
      return out;
    }
    case 3: {
      const at = pick(copy.length);
      copy.fill(pick(2) ? 0 : 0xff, at, at + 1 + pick(512));
      return copy;
    }
    case 4: {
      // Four-byte counts and indexes set to extremes, where a reader would trust them.
      const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
      for (let k = 0, n = 1 + pick(6); k < n; k++) {
        const at = pick(Math.max(1, copy.length - 4)) & ~3;
        view.setInt32(at, [0x7fffffff, -1, -2, -3, 0, 1, 0x10000, 109][pick(8)]!, true);
      }
      return copy;
    }
    default: {
      const at = pick(copy.length);
      const run = new TextEncoder().encode(['<table><tr><td>', '--b1\r\n', '\r\n\r\n', 'Content-Type: multipart/mixed; boundary=x\r\n', '=?utf-8?B?', '@ '][pick(6)]!.repeat(1 + pick(200)));
      const out = new Uint8Array(copy.length + run.length);
      out.set(copy.subarray(0, at));
      out.set(run, at);
      out.set(copy.subarray(at), at + run.length);
      return out;
    }
  }
}

/** True when a message is one a person can act on: short, no JavaScript internals. */
export function isPlainMessage(message: string): boolean {
  if (message.length > 220) return false;
  return !/\b(?:undefined|null|NaN|TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|DataView|typed array|Invalid array length|stack|Unexpected token|at position)\b/i.test(message);
}
