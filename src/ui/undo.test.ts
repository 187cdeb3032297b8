import { describe, expect, it } from 'vitest';
import { applyEdits } from '../engine/apply.ts';
import type { Draft, Edit } from '../engine/types.ts';
import { locateSpan, planUndo, UndoNotPossible, undoEdits } from './undo.ts';

const draft = (body: string, extra: Partial<Draft> = {}): Draft => ({
  from: { email: 'sam.officer@westmoor.gov.uk' },
  to: [{ name: 'Cllr Jo Hart', email: 'cllr.jo.hart@westmoor.gov.uk' }],
  cc: [],
  bcc: [{ name: 'Cllr Ravi Shah', email: 'cllr.ravi.shah@westmoor.gov.uk' }],
  subject: 'Missed bins',
  body,
  ...extra,
});

const BODY = 'Dear Cllr Hart,\n\nThe missed bins will be collected on Thursday.\n\nKind regards\nSam';
const DISCLOSE: Edit[] = [
  { kind: 'moveRecipient', email: 'cllr.ravi.shah@westmoor.gov.uk', fromField: 'bcc', toField: 'cc' },
  { kind: 'insertText', field: 'body', at: 'Dear Cllr Hart,\n\n'.length, text: 'I have copied in Cllr Ravi Shah because he is a ward councillor.\n\n' },
];

describe('Undo', () => {
  it('takes the fix back out and keeps a paragraph typed after it', () => {
    const before = draft(BODY);
    const after = applyEdits(before, DISCLOSE);
    const plan = planUndo(before, DISCLOSE)!;
    const typed = { ...after, body: after.body.replace('Kind regards', 'I will ring you on Friday about the new round.\n\nKind regards') };
    const undone = applyEdits(typed, undoEdits(plan, typed));
    expect(undone.body).toBe(BODY.replace('Kind regards', 'I will ring you on Friday about the new round.\n\nKind regards'));
    expect(undone.bcc.map((m) => m.email)).toEqual(['cllr.ravi.shah@westmoor.gov.uk']);
    expect(undone.cc).toEqual([]);
  });

  it('keeps typing placed just before the words the fix wrote', () => {
    const before = draft(BODY);
    const after = applyEdits(before, DISCLOSE);
    const plan = planUndo(before, DISCLOSE)!;
    const typed = { ...after, body: after.body.replace('Dear Cllr Hart,\n\n', 'Dear Cllr Hart,\n\nThank you for Friday.\n\n') };
    expect(applyEdits(typed, undoEdits(plan, typed)).body).toBe(BODY.replace('Dear Cllr Hart,\n\n', 'Dear Cllr Hart,\n\nThank you for Friday.\n\n'));
  });

  it('puts back a sentence a fix removed, in the right place, after the user typed elsewhere', () => {
    const body = 'Dear all,\n\nThe park opens today. Cllr Hart has worked tirelessly for this. Everyone is welcome.\n\nEnds';
    const start = body.indexOf(' Cllr Hart');
    const removal: Edit[] = [{ kind: 'replaceText', field: 'body', start, end: body.indexOf(' Everyone'), text: '' }];
    const before = draft(body);
    const after = applyEdits(before, removal);
    const typed = { ...after, body: after.body.replace('Ends', 'Photos are available.\n\nEnds') };
    const undone = applyEdits(typed, undoEdits(planUndo(before, removal)!, typed));
    expect(undone.body).toBe(body.replace('Ends', 'Photos are available.\n\nEnds'));
  });

  it('refuses when the user changed the words the fix wrote, rather than lose them', () => {
    const before = draft(BODY);
    const after = applyEdits(before, DISCLOSE);
    const plan = planUndo(before, DISCLOSE)!;
    const edited = { ...after, body: after.body.replace('because he is a ward councillor', 'because he chairs the waste panel') };
    expect(() => undoEdits(plan, edited)).toThrow(UndoNotPossible);
  });

  it('takes out only the recipients the fix added', () => {
    const before = draft(BODY, { bcc: [] });
    const add: Edit[] = [{ kind: 'addRecipient', field: 'cc', recipient: { name: 'Cllr Ravi Shah', email: 'cllr.ravi.shah@westmoor.gov.uk' } }];
    const after = applyEdits(before, add);
    const more = { ...after, cc: [...after.cc, { email: 'someone@westmoor.gov.uk' }] };
    const undone = applyEdits(more, undoEdits(planUndo(before, add)!, more));
    expect(undone.cc.map((m) => m.email)).toEqual(['someone@westmoor.gov.uk']);
  });

  it('puts the old send date back on a page with a date field, and offers no Undo where there is none', () => {
    const schedule: Edit[] = [{ kind: 'scheduleDelivery', at: '2027-02-11T09:00:00.000Z' }];
    expect(planUndo(draft(BODY, { date: '2027-02-10T21:30:00.000Z' }), schedule)!.delivery).toBe('2027-02-10T21:30:00.000Z');
    expect(planUndo(draft(BODY), schedule)).toBeUndefined();
  });

  it('does not guess between two identical places', () => {
    expect(locateSpan('a x b', 2, 3, 'a x b a x b')).toBeUndefined();
  });
});
