/**
 * Reading Outlook .pst exports (src/audit/pst.ts) from files that tests/audit/pst-writer.ts
 * makes: what each message becomes as a draft, where its override record is found, and what
 * a damaged or foreign file is reported as. The audit command over the same export in every
 * format is in report.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PstItem, pstMessages } from '../../src/audit/pst.ts';
import { type PstMessage, writePst } from './pst-writer.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-pst-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: PstMessage = {
  subject: 'Quay Road resurfacing',
  from: { name: 'Kit Morgan', email: 'kit.morgan@eastbrook.gov.uk' },
  to: [{ name: 'Cllr Omar Reed', email: 'cllr.omar.reed@eastbrook.gov.uk' }],
  body: 'Dear Councillor Reed,\r\n\r\nThe work starts in the spring.\r\n',
  date: new Date('2027-02-09T10:12:00Z'),
};

function read(name: string, messages: PstMessage[]): PstItem[] {
  const path = join(dir, name);
  writePst(path, messages.length, (i) => messages[i]!);
  return [...pstMessages(path)];
}

describe('pstMessages', () => {
  it('rebuilds each message as a draft: sender, To, Cc and Bcc, subject, body, date', () => {
    const items = read('one.pst', [
      {
        ...base,
        cc: [{ email: 'lee.patel@eastbrook.gov.uk' }],
        bcc: [{ name: 'Cllr Dana Price', email: 'cllr.dana.price@eastbrook.gov.uk' }],
        subject: 'RE: Quay Road resurfacing',
      },
    ]);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect('draft' in item && item).toMatchObject({
      folder: 'Sent Items',
      index: 1,
      draft: {
        from: { name: 'Kit Morgan', email: 'kit.morgan@eastbrook.gov.uk' },
        to: [{ name: 'Cllr Omar Reed', email: 'cllr.omar.reed@eastbrook.gov.uk' }],
        cc: [{ email: 'lee.patel@eastbrook.gov.uk' }],
        bcc: [{ name: 'Cllr Dana Price', email: 'cllr.dana.price@eastbrook.gov.uk' }],
        subject: 'RE: Quay Road resurfacing',
        body: 'Dear Councillor Reed,\n\nThe work starts in the spring.\n',
        date: '2027-02-09T10:12:00Z',
        composeType: 'reply',
      },
    });
    expect(item).not.toHaveProperty('stamp');
  });

  it('takes the text from the HTML body when the plain body is empty', () => {
    const [item] = read('html.pst', [{ ...base, body: '', html: '<html><body><p>Please keep this <b>between us</b>.</p></body></html>' }]);
    expect(item).toMatchObject({ draft: { bodyHtml: expect.stringContaining('<b>between us</b>'), body: expect.stringContaining('Please keep this between us.') } });
  });

  it('finds the override record in the transport headers and in a named internet header, and nowhere else', () => {
    const items = read('stamps.pst', [
      { ...base, transportHeaders: 'From: kit.morgan@eastbrook.gov.uk\r\nX-Protocol-Checker: v=1; from-headers\r\n' },
      { ...base, internetHeaders: { 'x-protocol-checker': 'v=1; from-named-property' } },
      // A near miss: the words in the body are not a header.
      { ...base, body: 'X-Protocol-Checker: v=1; typed in the body\r\n' },
    ]);
    expect(items.map((i) => ('stamp' in i ? i.stamp : undefined))).toEqual(['v=1; from-headers', 'v=1; from-named-property', undefined]);
  });

  it('reads 600 messages, more than one block of the folder table holds, in order', () => {
    const messages = Array.from({ length: 600 }, (_, i) => ({ ...base, subject: `Message ${i}` }));
    const items = read('many.pst', messages);
    expect(items.map((i) => ('draft' in i ? i.draft.subject : i.error))).toEqual(messages.map((m) => m.subject));
  });

  it('counts a message with neither sender nor recipient as unreadable, and says why', () => {
    const [item] = read('nobody.pst', [{ ...base, from: { email: 'not an address' }, to: [{ email: 'nor this' }] }]);
    expect(item).toEqual({ folder: 'Sent Items', index: 1, error: 'the message has no sender and no recipient with an email address' });
  });

  it('reports a file cut short, with the size it has and should have, after the messages before the cut', () => {
    const path = join(dir, 'cut.pst');
    const layout = writePst(path, 10, (i) => ({ ...base, subject: `Message ${i}` }));
    truncateSync(path, layout.messageOffsets[8]! + 64);
    const items = [...pstMessages(path)];
    expect(items.filter((i) => 'draft' in i)).toHaveLength(8);
    const errors = items.filter((i) => 'error' in i).map((i) => ('error' in i ? i.error : ''));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^2 of the folder's 10 messages could not be read: the export is cut short \(it ends at [\d.]+ MB of the [\d.]+ MB its header gives\)$/);
  });

  it('says plainly when a file is not a PST, is empty, or stops inside its header', () => {
    const cases: [string, string | Buffer, string][] = [
      ['notes.pst', 'Shopping list', 'this is not an Outlook .pst file: it does not start with the PST signature (!BDN)'],
      ['empty.pst', '', 'the file is empty'],
      ['stub.pst', '!BDN', 'the file is cut short inside its header, so nothing in it can be read'],
    ];
    for (const [name, content, error] of cases) {
      writeFileSync(join(dir, name), content);
      expect([...pstMessages(join(dir, name))], name).toEqual([{ error }]);
    }
  });

  it('runs as users run it: bin/protocol-check.js reports on a .pst alone and exits when done', () => {
    const path = join(dir, 'alone.pst');
    writePst(path, 3, () => ({ ...base, bcc: [{ email: 'cllr.dana.price@eastbrook.gov.uk' }] }));
    const bin = new URL('../../bin/protocol-check.js', import.meta.url).pathname;
    const child = spawnSync(process.execPath, [bin, 'audit', '--format', 'json', path], { encoding: 'utf8', timeout: 120_000 });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ messages: 3, unreadable: 0 });
  }, 150_000);

  it('keeps pst-extractor quiet: nothing reaches the console from a damaged file', () => {
    const path = join(dir, 'noisy.pst');
    const layout = writePst(path, 5, () => base);
    truncateSync(path, layout.messageOffsets[2]! + 64);
    const seen: unknown[] = [];
    const saved = { log: console.log, error: console.error };
    console.log = console.error = (...args: unknown[]) => seen.push(args);
    try {
      expect([...pstMessages(path)].filter((i) => 'error' in i)).toHaveLength(3);
    } finally {
      Object.assign(console, saved);
    }
    expect(seen).toEqual([]);
  });
});
