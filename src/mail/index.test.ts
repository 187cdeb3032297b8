import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMsg } from '../../tests/fixtures/mail/build-msg.ts';
import { parseDraftFile } from './index.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseDraftFile', () => {
  it('reads .eml, .msg and .json by extension, in any case', async () => {
    const eml = new Uint8Array(readFileSync(new URL('../../tests/fixtures/mail/in-reply-to-only.eml', import.meta.url)));
    expect((await parseDraftFile('drafts/a.EML', eml)).subject).toBe('Bins');
    const msg = buildMsg({ subject: 'Bins', recipients: [{ name: 'A', email: 'a@example.org', type: 'to' }], body: 'x' });
    expect((await parseDraftFile('b.msg', msg)).to).toEqual([{ name: 'A', email: 'a@example.org' }]);
    expect((await parseDraftFile('c.json', bytes('{"to":[{"email":"a@example.org"}],"body":"x"}'))).body).toBe('x');
  });

  it('names the file and what is wrong', async () => {
    await expect(parseDraftFile('drafts/c.json', bytes('{"to":[{"email":"bob"}]}'))).rejects.toThrow('drafts/c.json: to[0].email: expected an email address, got "bob"');
    await expect(parseDraftFile('notes.txt', bytes('hello'))).rejects.toThrow('notes.txt: expected a file ending .eml, .msg or .json, got ".txt"');
    await expect(parseDraftFile('cut.eml', bytes('From: a@b.org\nTo: c@d'))).rejects.toThrow(/^cut\.eml: /);
  });

  it('keeps the .msg reader out of the modules browser and engine code import', () => {
    // html-text.ts moved into the engine, which tests/engine-boundary.test.ts keeps out of src/mail.
    for (const file of ['eml.ts', 'html-edit.ts', 'json-draft.ts']) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/msgreader|from '\.\/msg(\.ts)?'|from '\.\/index(\.ts)?'/);
    }
  });
});
