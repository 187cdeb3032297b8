/**
 * The cases issue 16 saw, each generated here (no large file is committed): a .msg that took
 * the process down, hangs, quadratic patterns on the checking path, unclear messages and real
 * mail that was refused. (Deep HTML nesting is tested in src/engine/html-text.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, normaliseDraft } from '../../src/engine/check.ts';
import { maintainedFreeMail } from '../../src/engine/free-mail-full.ts';
import type { Draft } from '../../src/engine/types.ts';
import { IsolatedReader } from '../../src/cli/isolated-reader.ts';
import { parseDraftBytes } from '../../src/cli/read-draft.ts';
import { parseEml } from '../../src/mail/eml.ts';
import { parseMsg } from '../../src/mail/msg.ts';
import { embeddedDefaultPolicy } from '../../src/policy/resolve.ts';
import { runCliProcess, tempTree } from '../cli/helpers.ts';
import { GOOD_EML, goodMsg, isPlainMessage, randomAfterSignature } from './damage.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('1. a .msg that took the whole run down', () => {
  it('random bytes after a valid signature give a plain error for that file, never a crash', () => {
    for (let seed = 1; seed <= 200; seed++) {
      let message = '';
      try {
        parseMsg(randomAfterSignature(seed));
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, `seed ${seed}`).toMatch(/\.msg file/);
      expect(isPlainMessage(message), message).toBe(true);
    }
  });

  let tree: ReturnType<typeof tempTree>;
  beforeAll(() => {
    tree = tempTree({
      'mailbox/a-good.eml': GOOD_EML,
      'mailbox/b-damaged.msg': randomAfterSignature(7),
      'mailbox/c-good.msg': goodMsg(),
      'mailbox/d-cut-short.msg': goodMsg().subarray(0, 1600),
      'mailbox/e-good.json': JSON.stringify({ to: [{ email: 'cllr.ann.lee@eastmoor.gov.uk' }], subject: 'Bins', body: 'Dear Cllr Lee, the bins are collected on Friday.' }),
    });
  });
  afterAll(() => tree.cleanup());

  it('the command over a folder with damaged .msg files among good ones still reports every good file', () => {
    const run = runCliProcess(['--format', 'json', 'mailbox'], { cwd: tree.dir, cli: 'real' });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/Fatal|JavaScript|\n\s+at /);
    const { results } = JSON.parse(run.stdout) as { results: { file: string; findings?: unknown[]; error?: string }[] };
    const byFile = Object.fromEntries(results.map((r) => [r.file, r]));
    for (const good of ['mailbox/a-good.eml', 'mailbox/c-good.msg', 'mailbox/e-good.json']) expect(byFile[good]?.findings, good).toBeInstanceOf(Array);
    for (const bad of ['mailbox/b-damaged.msg', 'mailbox/d-cut-short.msg']) {
      expect(byFile[bad]?.error, bad).toMatch(/\.msg file is damaged/);
      expect(run.stderr).toContain(`${bad}: `);
    }
  });
});

describe('isolation: a reader that runs out of time or memory loses that file only', () => {
  it('a file that takes longer than the limit is stopped with a message naming the option, and the next file is read', async () => {
    const tree = tempTree({ 'big.eml': `${GOOD_EML.replace(/\n\n[\s\S]*$/, '\n\n')}${'Dear Cllr Lee, the repair is booked.\n'.repeat(150_000)}`, 'small.eml': GOOD_EML });
    const reader = new IsolatedReader({ timeoutMs: 5 });
    try {
      await expect(reader.read(`${tree.dir}/big.eml`, 'big.eml')).rejects.toThrow(/took longer than .* --file-timeout/);
      const generous = new IsolatedReader({ timeoutMs: 60_000 });
      expect((await generous.read(`${tree.dir}/small.eml`, 'small.eml')).subject).toBe('Your enquiry');
      await generous.close();
    } finally {
      await reader.close();
      tree.cleanup();
    }
  }, 120_000);

  it('a worker that runs out of memory becomes that file\'s error, and the next file gets a new worker', async () => {
    // A stand-in reader that allocates without end on one file: the memory limit, not the machine, stops it.
    const tree = tempTree({ 'hungry.eml': GOOD_EML, 'small.eml': GOOD_EML });
    const reader = new IsolatedReader({ memoryMb: 16, timeoutMs: 60_000, workerUrl: new URL('./hungry-worker.mjs', import.meta.url) });
    try {
      await expect(reader.read(`${tree.dir}/hungry.eml`, 'hungry.eml')).rejects.toThrow(/needed more than 16 MB of memory, so it was stopped/);
      expect((await reader.read(`${tree.dir}/small.eml`, 'small.eml')).subject).toBe('read by the stand-in');
    } finally {
      await reader.close();
      tree.cleanup();
    }
  }, 120_000);

  it('files asked for together (the CLI reads the next while it checks this one) keep their own outcome: a crash fails its file alone', async () => {
    const tree = tempTree({ 'hungry.eml': GOOD_EML, 'small.eml': GOOD_EML });
    const reader = new IsolatedReader({ memoryMb: 16, timeoutMs: 60_000, workerUrl: new URL('./hungry-worker.mjs', import.meta.url) });
    try {
      const hungry = reader.read(`${tree.dir}/hungry.eml`, 'hungry.eml');
      const small = reader.read(`${tree.dir}/small.eml`, 'small.eml');
      await expect(hungry).rejects.toThrow(/needed more than 16 MB of memory/);
      expect((await small).subject).toBe('read by the stand-in');
    } finally {
      await reader.close();
      tree.cleanup();
    }
  }, 120_000);
});

describe('3. patterns on the checking path stay linear', () => {
  const policy = embeddedDefaultPolicy();
  const draft = (body: string): Draft =>
    normaliseDraft({ from: { name: 'Cllr Ann Lee', email: 'cllr.ann.lee@eastmoor.gov.uk' }, to: [{ name: 'Sam Officer', email: 'sam.officer@eastmoor.gov.uk' }], cc: [], bcc: [], subject: 'Press release', body, composeType: 'new', attachments: [] });
  const time = (body: string) => {
    const start = performance.now();
    check(draft(body), policy, { now: new Date('2027-04-12T10:00:00Z'), freeMail: maintainedFreeMail });
    return performance.now() - start;
  };

  it.each([
    ['"@ " then 50 KB of letters (was 11.7 s)', 'PRESS RELEASE\n\nMedia enquiries: @ ' + 'a'.repeat(50_000)],
    ['a media enquiries address, then a line of underscores (was 6.5 s)', 'PRESS RELEASE\n\nMedia enquiries: press@eastmoor.gov.uk\n' + '_'.repeat(50_000)],
    ['200 KB of repeated warning adjectives (was 10 s)', 'Dear Sam,\n\nHe should get a ' + 'final written formal verbal '.repeat(7_000) + 'warning.'],
  ])('%s', (_name, body) => {
    expect(time(body)).toBeLessThan(4_000);
  });
});

describe('5. messages a person can act on', () => {
  const reasonFor = async (name: string, bytes: Uint8Array) => {
    try {
      await parseDraftBytes(name, bytes);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('a 100 KB MIME boundary gives a short message', async () => {
    const boundary = 'x'.repeat(100_000);
    const message = await reasonFor('long.eml', utf8(`From: a@eastmoor.gov.uk\nTo: b@eastmoor.gov.uk\nContent-Type: multipart/mixed; boundary="${boundary}"\n\n--${boundary}\nContent-Type: text/plain\n\nHello\n`));
    expect(message).toMatch(/cut short/);
    expect(message.length).toBeLessThan(200);
  });

  it('never repeats the file\'s own text, however long', async () => {
    const secret = 'Confidential casework about Mrs Example';
    for (const [name, bytes] of [
      ['notes.eml', utf8(`${secret}\n${'x'.repeat(200_000)}`)],
      ['draft.json', utf8(`{"to": [${secret} ${'y'.repeat(200_000)}`)],
      ['draft2.json', utf8(`{"to": [{"email": "a@b.gov.uk"}], "subject": "${secret}", "bodyy": 1}`)],
    ] as const) {
      const message = await reasonFor(name, bytes);
      expect(message).not.toBe('');
      expect(message).not.toContain('Confidential');
      expect(message.length).toBeLessThan(220);
    }
  });

  it('reads a UTF-16 draft object, with or without a byte-order mark', async () => {
    const text = JSON.stringify({ to: [{ email: 'cllr.ann.lee@eastmoor.gov.uk' }], subject: 'Bins – Friday', body: 'Dear Cllr Lee' });
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    expect((await parseDraftBytes('a.json', le)).subject).toBe('Bins – Friday');
    const marked = new Uint8Array([0xff, 0xfe, ...le]);
    expect((await parseDraftBytes('b.json', marked)).subject).toBe('Bins – Friday');
    expect((await parseDraftBytes('c.json', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).subject).toBe('Bins – Friday');
  });
});

describe('6. real mail that was refused', () => {
  it('reads an .eml that starts with a UTF-8 byte-order mark', async () => {
    const draft = await parseDraftBytes('bom.eml', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(GOOD_EML)]));
    expect(draft.subject).toBe('Your enquiry');
    expect(draft.body).toContain('bus shelter');
  });

  it('reads a complete bounce whose returned headers carry a multipart Content-Type', async () => {
    const bounce = [
      'From: Mail Delivery System <mailer-daemon@eastmoor.gov.uk>',
      'To: Sam Officer <sam.officer@eastmoor.gov.uk>',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="rep"',
      '',
      '--rep',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--rep',
      'Content-Type: text/rfc822-headers',
      '',
      'From: Sam Officer <sam.officer@eastmoor.gov.uk>',
      'Subject: Bins',
      'Content-Type: multipart/alternative; boundary="never-closed-here"',
      '--rep--',
      '',
    ].join('\r\n');
    const draft = await parseEml(utf8(bounce));
    expect(draft.body).toContain('could not be delivered');
    expect((await parseDraftBytes('bounce.eml', utf8(bounce))).subject).toBe('Undelivered Mail Returned to Sender');
  });

  it('still refuses a multipart message that is really cut short', async () => {
    const cut = 'From: a@eastmoor.gov.uk\nTo: b@eastmoor.gov.uk\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nHello, the rep';
    await expect(parseEml(utf8(cut))).rejects.toThrow(/cut short/);
  });
});
