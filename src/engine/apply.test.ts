import { describe, expect, it } from 'vitest';
import { patchHtml } from '../mail/html-edit.ts';
import { embeddedDefaultPolicy } from '../policy/resolve.ts';
import { applyEdits, EditError } from './apply.ts';
import { checkAsCli } from '../../tests/helpers/check-as-cli.ts';
import type { Draft } from './types.ts';

// An HTML-only draft, as a .json draft or a host may give it: the body text is empty.
const htmlOnly: Draft = {
  from: { name: 'Sam Officer', email: 'sam.officer@eastmoor.gov.uk' },
  to: [{ name: 'Cllr Jo Hart', email: 'jo.hart@eastmoor.gov.uk' }],
  cc: [],
  bcc: [{ name: 'Cllr Ravi Shah', email: 'ravi.shah@eastmoor.gov.uk' }],
  subject: 'Repairs at 12 Mill Lane',
  body: '',
  bodyHtml: '<p>Dear Cllr Hart,</p><p>The repairs at <b>12 Mill Lane</b> are booked for Monday.</p><p>Kind regards</p><p>Sam</p>',
};

describe('applyEdits on a draft with only an HTML body', () => {
  const finding = checkAsCli(htmlOnly, embeddedDefaultPolicy()).find((f) => f.rule === 'silent-copy')!;
  const fix = finding.suggestions.find((s) => s.edits.some((e) => e.kind === 'insertText'))!;

  it('edits the text check() saw, not the empty body field', () => {
    const next = applyEdits(htmlOnly, fix.edits);
    expect(next.body).toContain('Dear Cllr Hart,');
    expect(next.body).toContain('12 Mill Lane');
    expect(next.body).toMatch(/Ravi Shah/);
    expect(next.bcc).toEqual([]);
  });

  it('drops the HTML that no longer says what the text says, so the fix is not undone', () => {
    const next = applyEdits(htmlOnly, fix.edits);
    expect(next.bodyHtml).toBeUndefined();
    expect(checkAsCli(next, embeddedDefaultPolicy()).filter((f) => f.rule === 'silent-copy')).toEqual([]);
  });

  it('keeps the HTML in step, formatting and all, when given patchHtml', () => {
    const next = applyEdits(htmlOnly, fix.edits, { patchHtml });
    expect(next.bodyHtml).toContain('<b>12 Mill Lane</b>');
    expect(next.bodyHtml).toMatch(/Ravi Shah/);
    expect(checkAsCli({ ...next, body: '' }, embeddedDefaultPolicy()).filter((f) => f.rule === 'silent-copy')).toEqual([]);
  });

  it('leaves the HTML alone when only recipients change', () => {
    const next = applyEdits(htmlOnly, [{ kind: 'moveRecipient', email: 'ravi.shah@eastmoor.gov.uk', fromField: 'bcc', toField: 'cc' }]);
    expect(next.bodyHtml).toBe(htmlOnly.bodyHtml);
    expect(next.body).toBe('');
  });

  it('refuses an edit past the end of the text, changing nothing', () => {
    expect(() => applyEdits(htmlOnly, [{ kind: 'insertText', field: 'body', at: 10_000, text: 'x' }])).toThrow(EditError);
  });
});
