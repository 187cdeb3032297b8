/**
 * The Outlook compose adapter against the office-js double: reading the item, hearing changes,
 * applying every edit kind, keeping the HTML body's formatting, and refusing unsafe edits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAsCli } from '../helpers/check-as-cli.ts';
import type { Edit } from '../../src/engine/types.ts';
import { IDLE_AFTER_MS, IDLE_POLL_FACTOR, OutlookComposeHost, type VisibilitySource } from '../../src/hosts/outlook/compose-host.ts';
import { embeddedDefaultPolicy } from '../../src/policy/resolve.ts';
import { EditRefused } from '../../src/ui/host.ts';
import { planUndo, undoEdits } from '../../src/ui/undo.ts';
import { FakeComposeItem, installOffice } from '../doubles/office.ts';

const SIGNATURE_TABLE =
  '<table class="sig" style="border-top:1px solid #036"><tr><td><b>Sam Officer</b><br>Housing Officer<br>Westmoor Borough Council</td></tr></table>';
const HTML = [
  '<div>',
  '<p>Dear Cllr Hart,</p>',
  '<p>The repairs at <b>12 Mill Lane</b> are booked for <b>Monday 3 May</b>. The details are on <a href="https://www.westmoor.gov.uk/repairs">our repairs page</a>.</p>',
  '<p>Kind regards</p>',
  SIGNATURE_TABLE,
  '</div>',
].join('');

const visible: VisibilitySource = { isVisible: () => true, onChange: () => () => {} };

let uninstall: () => void;
let item: FakeComposeItem;

function makeItem(overrides: Partial<ConstructorParameters<typeof FakeComposeItem>[0]> = {}) {
  item = new FakeComposeItem({
    from: { displayName: 'Sam Officer', emailAddress: 'sam.officer@westmoor.gov.uk' },
    to: [{ displayName: 'Cllr Jo Hart', emailAddress: 'jo.hart@westmoor.gov.uk' }],
    bcc: [{ displayName: 'Cllr Ravi Shah', emailAddress: 'ravi.shah@westmoor.gov.uk' }],
    subject: 'Repairs at 12 Mill Lane',
    body: HTML,
    ...overrides,
  });
  uninstall();
  uninstall = installOffice(item);
  return new OutlookComposeHost(item.asCompose(), visible, 50);
}

beforeEach(() => {
  uninstall = installOffice(undefined);
});
afterEach(() => uninstall());

describe('reading the compose item', () => {
  it('reads sender, recipients, subject and the HTML body as text', async () => {
    const host = makeItem();
    const draft = await host.read();
    expect(draft.from).toEqual({ name: 'Sam Officer', email: 'sam.officer@westmoor.gov.uk' });
    expect(draft.to).toEqual([{ name: 'Cllr Jo Hart', email: 'jo.hart@westmoor.gov.uk' }]);
    expect(draft.bcc).toEqual([{ name: 'Cllr Ravi Shah', email: 'ravi.shah@westmoor.gov.uk' }]);
    expect(draft.subject).toBe('Repairs at 12 Mill Lane');
    expect(draft.bodyHtml).toBe(HTML);
    expect(draft.body).toContain('Dear Cllr Hart,');
    expect(draft.body).toContain('The repairs at 12 Mill Lane are booked for Monday 3 May.');
    expect(draft.body).not.toContain('<b>');
  });

  it('reads a plain-text body as text and never asks for HTML', async () => {
    const host = makeItem({ body: 'Dear Cllr Hart,\n\nThanks.', bodyType: 'text' });
    const draft = await host.read();
    expect(draft.body).toBe('Dear Cllr Hart,\n\nThanks.');
    expect(draft.bodyHtml).toBeUndefined();
  });

  it('re-checks when recipients change and while polling, and stops when unsubscribed', async () => {
    vi.useFakeTimers();
    try {
      const host = makeItem();
      const onChange = vi.fn();
      const stop = host.subscribe(onChange);
      await vi.advanceTimersByTimeAsync(0);
      item.cc.setAsync([{ displayName: 'Cllr New', emailAddress: 'new@westmoor.gov.uk' } as Office.EmailAddressDetails]);
      expect(onChange).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(120);
      expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
      stop();
      const calls = onChange.mock.calls.length;
      await vi.advanceTimersByTimeAsync(500);
      expect(onChange.mock.calls.length).toBe(calls);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not poll while the pane is hidden', async () => {
    vi.useFakeTimers();
    try {
      let shown = false;
      const listeners: (() => void)[] = [];
      const hidden: VisibilitySource = { isVisible: () => shown, onChange: (l) => (listeners.push(l), () => {}) };
      item = new FakeComposeItem({ body: HTML });
      uninstall();
      uninstall = installOffice(item);
      const host = new OutlookComposeHost(item.asCompose(), hidden, 50);
      const onChange = vi.fn();
      host.subscribe(onChange);
      await vi.advanceTimersByTimeAsync(500);
      expect(onChange).not.toHaveBeenCalled();
      shown = true;
      listeners.forEach((l) => l());
      await vi.advanceTimersByTimeAsync(120);
      expect(onChange).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an unchanged item costs no conversion', () => {
  it('gives back the same Draft while nothing changed, and a new one after any change', async () => {
    const host = makeItem();
    const first = await host.read();
    expect(await host.read()).toBe(first);
    // One character of the body.
    item.bodyValue = item.bodyValue.replace('Monday', 'Tuesday');
    const edited = await host.read();
    expect(edited).not.toBe(first);
    expect(edited.body).toContain('Tuesday 3 May');
    expect(await host.read()).toBe(edited);
    // A recipient changed in place, the subject, the body type.
    item.cc.setAsync([{ displayName: 'Cllr New', emailAddress: 'new@westmoor.gov.uk' } as Office.EmailAddressDetails]);
    const withCc = await host.read();
    expect(withCc.cc).toEqual([{ name: 'Cllr New', email: 'new@westmoor.gov.uk' }]);
    item.cc.setAsync([{ displayName: 'Cllr Newer', emailAddress: 'new@westmoor.gov.uk' } as Office.EmailAddressDetails]);
    expect((await host.read()).cc).toEqual([{ name: 'Cllr Newer', email: 'new@westmoor.gov.uk' }]);
    item.subjectValue = 'Repairs';
    expect((await host.read()).subject).toBe('Repairs');
    item.bodyType = 'text';
    item.bodyValue = 'Dear Cllr Hart';
    const asText = await host.read();
    expect(asText.bodyHtml).toBeUndefined();
    expect(asText.body).toBe('Dear Cllr Hart');
  });

  it('looks less often once the item has rested, and often again after a change', async () => {
    vi.useFakeTimers();
    try {
      const host = makeItem();
      await host.read();
      const onChange = vi.fn(() => void host.read());
      const stop = host.subscribe(onChange);
      expect(host.nextPollMs()).toBe(50);
      await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS + 100);
      expect(host.nextPollMs()).toBe(50 * IDLE_POLL_FACTOR);
      const before = onChange.mock.calls.length;
      await vi.advanceTimersByTimeAsync(50 * IDLE_POLL_FACTOR * 5);
      expect(onChange.mock.calls.length - before).toBeLessThanOrEqual(6);
      item.bodyValue += '<p>More</p>';
      await vi.advanceTimersByTimeAsync(50 * IDLE_POLL_FACTOR + 10);
      expect(host.nextPollMs()).toBe(50);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('applying edits', () => {
  it("moves a Bcc'd councillor to Cc and adds the disclosure to the HTML body, keeping bold, link and signature", async () => {
    const host = makeItem();
    const draft = await host.read();
    const finding = checkAsCli(draft, embeddedDefaultPolicy()).find((f) => f.rule === 'silent-copy');
    expect(finding?.severity).toBe('error');
    const fix = finding!.suggestions.find((s) => s.edits.some((e) => e.kind === 'moveRecipient'))!;
    await host.apply(fix.edits);

    expect(item.bcc.value).toEqual([]);
    expect(item.cc.value.map((r) => r.emailAddress)).toEqual(['ravi.shah@westmoor.gov.uk']);
    const html = item.bodyValue;
    expect(html).toMatch(/Ravi Shah/);
    expect(html).toContain('<b>12 Mill Lane</b>');
    expect(html).toContain('<b>Monday 3 May</b>');
    expect(html).toContain('<a href="https://www.westmoor.gov.uk/repairs">our repairs page</a>');
    expect(html).toContain(SIGNATURE_TABLE);
    // The fixed draft checks clean for silent-copy.
    const after = await host.read();
    expect(checkAsCli(after, embeddedDefaultPolicy()).filter((f) => f.rule === 'silent-copy')).toEqual([]);
  });

  it('applies every recipient edit kind and schedules delivery', async () => {
    const host = makeItem();
    const edits: Edit[] = [
      { kind: 'addRecipient', field: 'cc', recipient: { name: 'Cllr Ann Lee', email: 'ann.lee@westmoor.gov.uk' } },
      { kind: 'replaceRecipient', field: 'to', from: 'jo.hart@westmoor.gov.uk', to: { name: 'Cllr Jo Hart', email: 'cllr.jo.hart@westmoor.gov.uk' } },
      { kind: 'removeRecipient', field: 'bcc', email: 'RAVI.SHAH@westmoor.gov.uk' },
      { kind: 'replaceText', field: 'subject', start: 0, end: 7, text: 'Repair' },
      { kind: 'scheduleDelivery', at: '2027-05-04T08:00:00+01:00' },
    ];
    await host.apply(edits);
    expect(item.cc.value.map((r) => r.emailAddress)).toEqual(['ann.lee@westmoor.gov.uk']);
    expect(item.to.value.map((r) => r.emailAddress)).toEqual(['cllr.jo.hart@westmoor.gov.uk']);
    expect(item.bcc.value).toEqual([]);
    expect(item.subjectValue).toBe('Repair at 12 Mill Lane');
    expect(item.deliverAt?.toISOString()).toBe('2027-05-04T07:00:00.000Z');
  });

  it('keeps formatting through several edits in a row despite Outlook rewriting the markup', async () => {
    const host = makeItem();
    for (const word of ['first', 'second']) {
      const draft = await host.read();
      const at = draft.body.indexOf('Kind regards');
      await host.apply([{ kind: 'insertText', field: 'body', at, text: `A ${word} note.\n\n` }]);
    }
    const html = item.bodyValue;
    expect(html).toContain('<b>12 Mill Lane</b>');
    expect(html).toContain('our repairs page</a>');
    expect(html).toContain('<td><b>Sam Officer</b><br>Housing Officer<br>Westmoor Borough Council</td>');
    const text = (await host.read()).body;
    expect(text.indexOf('A first note.')).toBeGreaterThan(-1);
    expect(text.indexOf('A second note.')).toBeGreaterThan(text.indexOf('A first note.'));
  });

  it('refuses an edit it cannot map safely and leaves the body as it was', async () => {
    const host = makeItem();
    const draft = await host.read();
    // From the middle of the link's text into the signature table: no safe patch exists.
    const start = draft.body.indexOf('repairs page') + 3;
    const end = draft.body.indexOf('Housing Officer') + 4;
    const before = item.bodyValue;
    await expect(host.apply([{ kind: 'replaceText', field: 'body', start, end, text: 'x' }])).rejects.toBeInstanceOf(EditRefused);
    expect(item.bodyValue).toBe(before);
    expect(item.setBodyCalls).toBe(0);
  });

  it('refuses out-of-range edits before changing anything', async () => {
    const host = makeItem();
    await expect(
      host.apply([
        { kind: 'moveRecipient', email: 'ravi.shah@westmoor.gov.uk', fromField: 'bcc', toField: 'cc' },
        { kind: 'insertText', field: 'body', at: 99_999, text: 'x' },
      ]),
    ).rejects.toBeInstanceOf(EditRefused);
    expect(item.bcc.value.length).toBe(1);
    expect(item.cc.value.length).toBe(0);
  });

  it('edits a plain-text body as text', async () => {
    const host = makeItem({ body: 'Dear Cllr Hart,\n\nThanks.', bodyType: 'text' });
    await host.apply([{ kind: 'insertText', field: 'body', at: 17, text: 'I have copied in Cllr Shah.\n' }]);
    expect(item.bodyValue).toBe('Dear Cllr Hart,\n\nI have copied in Cllr Shah.\nThanks.');
  });

  it('undoes a fix through its inverse edits, keeping what the user typed since', async () => {
    const host = makeItem();
    const before = await host.read();
    const at = before.body.indexOf('The repairs');
    const fix: Edit[] = [
      { kind: 'moveRecipient', email: 'ravi.shah@westmoor.gov.uk', fromField: 'bcc', toField: 'cc' },
      { kind: 'insertText', field: 'body', at, text: 'I have copied in Cllr Ravi Shah because he chairs the housing panel.\n\n' },
    ];
    await host.apply(fix, before);
    const plan = planUndo(before, fix)!;
    // The user types a new paragraph after the fix, at the end of the first paragraph.
    item.bodyValue = item.bodyValue.replace('Dear Cllr Hart,', 'Dear Cllr Hart, thank you for Friday.');
    const current = await host.read();
    await host.apply(undoEdits(plan, current), current);
    expect(item.bcc.value.map((r) => r.emailAddress)).toEqual(['ravi.shah@westmoor.gov.uk']);
    expect(item.cc.value).toEqual([]);
    const text = (await host.read()).body;
    expect(text).toContain('thank you for Friday.');
    expect(text).not.toContain('I have copied in');
    expect(item.bodyValue).toContain('<b>12 Mill Lane</b>');
  });
});

describe('a draft that changed after it was checked', () => {
  it('refuses a text edit computed on the old text and leaves the body alone', async () => {
    const host = makeItem();
    const basis = await host.read();
    item.bodyValue = item.bodyValue.replace('Dear Cllr Hart,', 'Dear Councillor Hart, thank you.');
    const before = item.bodyValue;
    await expect(host.apply([{ kind: 'insertText', field: 'body', at: 5, text: 'x' }], basis)).rejects.toThrow(/changed after it was checked/);
    expect(item.bodyValue).toBe(before);
  });

  it('still applies recipient edits, which do not depend on the text', async () => {
    const host = makeItem();
    const basis = await host.read();
    item.bodyValue = `${item.bodyValue}<p>More.</p>`;
    await host.apply([{ kind: 'moveRecipient', email: 'ravi.shah@westmoor.gov.uk', fromField: 'bcc', toField: 'cc' }], basis);
    expect(item.cc.value.map((r) => r.emailAddress)).toEqual(['ravi.shah@westmoor.gov.uk']);
  });
});
