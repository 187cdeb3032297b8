import { describe, expect, it } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { makeDraft, runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { checkAsCli } from '../../../tests/helpers/check-as-cli.ts';
import type { PolicyFile } from '../policy.ts';
import { RULES_BY_ID } from './index.ts';

// A borough on the crawley pack (which has no paragraph for this rule) with the default hours.
const westmoor = resolvePolicy(
  {
    council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
    councillors: [
      { name: 'Jane Brown', email: 'cllr.jane.brown@westmoor.gov.uk', ward: 'Northgate', personalEmails: ['janeb@gmail.com'] },
      { name: 'Peter Ng', email: 'cllr.peter.ng@westmoor.gov.uk', ward: 'Southfields' },
    ],
    officers: [
      { name: 'Tom Field', email: 'tom.field@westmoor.gov.uk' },
      { name: 'Grace Hill', email: 'grace.hill@westmoor.gov.uk', roles: ['senior'] },
    ],
  } satisfies PolicyFile,
  'westmoor.json',
);

// A town council on the town-council pack, open Monday to Thursday, 09:00 to 15:00, closed on its
// own staff day (Monday 5 July 2027).
const ashby = resolvePolicy(
  {
    council: { name: 'Ashby Town Council', domains: ['ashbytc.gov.uk'], protocol: 'town-council' },
    councillors: [{ name: 'Ruth Okoro', email: 'cllr.okoro@ashbytc.gov.uk' }],
    officers: [{ name: 'Dev Sharma', email: 'clerk@ashbytc.gov.uk' }],
    workingHours: { days: [1, 2, 3, 4], start: '09:00', end: '15:00', timeZone: 'Europe/London' },
    nonWorkingDays: ['2027-07-05'],
  } satisfies PolicyFile,
  'ashby.json',
);

// A London borough on the tower-hamlets pack, whose own paragraph 3.8 is cited.
const limehouse = resolvePolicy(
  {
    council: { name: 'Limehouse Council', domains: ['limehouse.gov.uk'], protocol: 'tower-hamlets' },
    councillors: [{ name: 'Sam Ali', email: 'sam.ali@limehouse.gov.uk' }],
  } satisfies PolicyFile,
  'limehouse.json',
);

const officer = 'Tom Field <tom.field@westmoor.gov.uk>';
const cllrBrown = 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>';

runRuleTests('out-of-hours', {
  policy: westmoor,
  valid: [
    {
      name: 'officer to councillor at 10:40 London time, written with a -04:00 offset',
      draft: { from: officer, to: cllrBrown, subject: 'Planning query', body: 'Dear Cllr Brown,\n\nThe report is attached.\n\nTom', date: '2027-04-14T05:40:00-04:00' },
      why: '05:40 in New York is 10:40 in London, inside working hours',
    },
    {
      name: "officer to councillor on St Patrick's Day",
      draft: { from: officer, to: cllrBrown, subject: 'Bin collections', body: 'Dear Cllr Brown,\n\nCollections resume on Monday.', date: '2027-03-17T10:00:00Z' },
      why: 'St Patrick’s Day is a bank holiday in Northern Ireland only, not in England and Wales',
    },
    {
      name: 'a late time appears only in the quoted message',
      draft: {
        from: officer,
        to: cllrBrown,
        subject: 'RE: Streetlight',
        body: 'Dear Cllr Brown,\n\nThe repair is booked.\n\nTom\n\nOn Tue, 9 Feb 2027 at 22:15, Cllr Jane Brown wrote:\n> Sent at 22:15 on a Tuesday night: the light is out again.',
        date: '2027-02-10T09:30:00Z',
      },
      why: 'the reply itself is sent at 09:30; the 22:15 belongs to the councillor’s earlier message',
    },
    {
      name: 'marked high importance',
      draft: { from: officer, to: cllrBrown, subject: 'Flooding on Mill Lane', body: 'Road closed tonight.', date: '2027-02-09T21:40:00Z', importance: 'high' },
      why: 'high importance marks an emergency, which the protocols allow at any hour',
    },
    {
      name: '"Urgent" in the subject on a Saturday night',
      draft: { from: 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>', to: 'Grace Hill <grace.hill@westmoor.gov.uk>', subject: 'URGENT: tree down on Station Road', body: 'Grace, a tree is across the road.', date: '2027-02-13T23:05:00Z' },
      why: 'the subject says it is urgent',
    },
    {
      name: 'officer to officer in the evening',
      draft: { from: officer, to: 'Grace Hill <grace.hill@westmoor.gov.uk>', subject: 'Tomorrow', body: 'Grace, notes for tomorrow attached.', date: '2027-02-09T21:40:00Z' },
      why: 'the protocols speak of contact between officers and councillors, not colleagues',
    },
    {
      name: 'officer to a resident on a Saturday',
      draft: { from: officer, to: 'Alan Moss <alan.moss@gmail.com>', subject: 'Your complaint', body: 'Dear Mr Moss,\n\nThank you.', date: '2027-02-13T11:00:00Z' },
      why: 'a resident is neither a councillor nor an officer',
    },
    {
      name: 'councillor to councillor late at night',
      draft: { from: cllrBrown, to: 'Cllr Peter Ng <cllr.peter.ng@westmoor.gov.uk>', subject: 'Group meeting', body: 'Peter, are you free on Thursday?', date: '2027-02-09T22:30:00Z' },
      why: 'two councillors writing to each other are outside the officer/councillor relationship',
    },
    {
      name: 'officer to councillor exactly at the start of the working day, in summer time',
      draft: { from: officer, to: cllrBrown, subject: 'Agenda', body: 'Dear Cllr Brown,\n\nThe agenda is attached.', date: '2027-06-08T07:00:00Z' },
      why: '07:00 UTC is 08:00 BST, when working hours start',
    },
    {
      name: 'written late but already scheduled for the next working morning',
      draft: { ...makeDraft({ from: officer, to: cllrBrown, subject: 'Agenda', body: 'Dear Cllr Brown,\n\nThe agenda is attached.', date: '2027-02-09T21:40:00Z' }), deliverAt: '2027-02-10T08:00:00.000Z' },
      why: 'delivery is scheduled for 08:00 the next working day',
    },
    {
      name: 'a town clerk writes to a councillor on a Thursday afternoon within the town council’s hours',
      policy: ashby,
      draft: { from: 'Dev Sharma <clerk@ashbytc.gov.uk>', to: 'Cllr Ruth Okoro <cllr.okoro@ashbytc.gov.uk>', subject: 'Allotments', body: 'Ruth, the lease is ready.', date: '2027-07-08T13:59:00Z' },
      why: '14:59 BST on a Thursday is inside Ashby’s 09:00 to 15:00, Monday to Thursday',
    },
    {
      name: 'embedded default: officer at a gov.uk address to a "Cllr" on a weekday afternoon',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Nia Evans <nia.evans@caerwen.gov.wales>', to: 'Cllr Dafydd Jones <dafydd.jones@caerwen.gov.wales>', subject: 'Ward visit', body: 'Dafydd, Thursday suits.', date: '2027-05-12T16:59:00+01:00' },
      why: '16:59 on a Wednesday is inside the default hours',
    },
  ],
  invalid: [
    {
      name: 'officer to councillor at 21:40 on a weekday',
      draft: { from: officer, to: cllrBrown, subject: 'Streetlight', body: 'Dear Cllr Brown,\n\nThe repair is booked.', date: '2027-02-09T21:40:00Z' },
      expect: [
        {
          severity: 'info',
          messageId: 'outsideHours',
          evidence: { field: 'date', quote: '2027-02-09T21:40:00Z' },
          edits: [[{ kind: 'scheduleDelivery', at: '2027-02-10T08:00:00.000Z' }]],
        },
      ],
    },
    {
      name: 'councillor to officer on a Saturday, to be delivered on Monday morning',
      draft: { from: cllrBrown, to: 'Tom Field <tom.field@westmoor.gov.uk>', subject: 'Fly-tipping', body: 'Tom, more rubbish on Canal Walk.', date: '2027-02-13T11:00:00Z' },
      expect: [{ severity: 'info', messageId: 'nonWorkingDay', evidence: { field: 'date' }, edits: [[{ kind: 'scheduleDelivery', at: '2027-02-15T08:00:00.000Z' }]] }],
    },
    {
      name: 'councillor writes from a listed personal address to an officer before 08:00',
      draft: { from: 'Jane Brown <janeb@gmail.com>', to: 'Grace Hill <grace.hill@westmoor.gov.uk>', subject: 'Housing case', body: 'Grace, any news?', date: '2027-02-10T06:30:00Z' },
      expect: [{ messageId: 'outsideHours', edits: [[{ kind: 'scheduleDelivery', at: '2027-02-10T08:00:00.000Z' }]] }],
    },
    {
      name: 'the subject says "Not urgent"',
      draft: { from: officer, to: cllrBrown, subject: 'Not urgent: parking survey', body: 'Dear Cllr Brown,\n\nThe survey results are attached.', date: '2027-02-09T19:15:00Z' },
      expect: [{ messageId: 'outsideHours' }],
    },
    {
      name: 'the councillor is only in Cc of a reply to a resident sent in the evening',
      draft: { from: officer, to: 'Alan Moss <alan.moss@gmail.com>', cc: cllrBrown, subject: 'Your complaint', body: 'Dear Mr Moss,\n\nThe repair is booked.', date: '2027-02-09T19:00:00Z' },
      expect: [{ messageId: 'outsideHours' }],
    },
    {
      name: 'embedded default: Easter Monday, delivered on Tuesday at 08:00 BST',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Nia Evans <nia.evans@caerwen.gov.wales>', to: 'Cllr Dafydd Jones <dafydd.jones@gmail.com>', subject: 'Ward visit', body: 'Dafydd, Thursday suits.', date: '2027-03-29T10:00:00+01:00' },
      expect: [{ messageId: 'nonWorkingDay', edits: [[{ kind: 'scheduleDelivery', at: '2027-03-30T07:00:00.000Z' }]] }],
    },
    {
      name: 'town council: a Friday is not one of its working days',
      policy: ashby,
      draft: { from: 'Dev Sharma <clerk@ashbytc.gov.uk>', to: 'Cllr Ruth Okoro <cllr.okoro@ashbytc.gov.uk>', subject: 'Allotments', body: 'Ruth, the lease is ready.', date: '2027-07-02T10:00:00+01:00' },
      // Monday 5 July is the council's own closure day, so the next start is Tuesday 09:00 BST.
      expect: [{ messageId: 'nonWorkingDay', edits: [[{ kind: 'scheduleDelivery', at: '2027-07-06T08:00:00.000Z' }]] }],
    },
    {
      name: 'town council: 15:30 is after its working day ends',
      policy: ashby,
      draft: { from: 'Cllr Ruth Okoro <cllr.okoro@ashbytc.gov.uk>', to: 'Dev Sharma <clerk@ashbytc.gov.uk>', subject: 'Agenda item', body: 'Dev, please add the bus shelter.', date: '2027-07-07T15:30:00+01:00' },
      expect: [{ messageId: 'outsideHours', edits: [[{ kind: 'scheduleDelivery', at: '2027-07-08T08:00:00.000Z' }]] }],
    },
    {
      name: 'a draft scheduled for a Sunday still arrives out of hours',
      draft: { ...makeDraft({ from: officer, to: cllrBrown, subject: 'Agenda', body: 'Dear Cllr Brown,', date: '2027-02-12T10:00:00Z' }), deliverAt: '2027-02-14T09:00:00Z' },
      expect: [{ messageId: 'nonWorkingDay', evidence: { field: 'date', quote: '2027-02-14T09:00:00Z' }, edits: [[{ kind: 'scheduleDelivery', at: '2027-02-15T08:00:00.000Z' }]] }],
    },
  ],
});

describe('out-of-hours citations and wording', () => {
  const draft = makeDraft({ from: officer, to: cllrBrown, subject: 'Streetlight', body: 'Dear Cllr Brown,', date: '2027-02-09T21:40:00Z' });
  const rule = RULES_BY_ID.get('out-of-hours')!;

  it("cites the council's own paragraph when its pack has one", () => {
    const d = makeDraft({ from: 'Officer <officer@limehouse.gov.uk>', to: 'Sam Ali <sam.ali@limehouse.gov.uk>', subject: 'x', body: 'x', date: '2027-02-09T21:40:00Z' });
    const [finding] = checkAsCli(d, limehouse, { rules: [rule] });
    expect(finding?.citations.map((c) => [c.pack, c.paragraph, c.otherCouncil])).toEqual([['tower-hamlets', '3.8', undefined]]);
  });

  it("cites other councils' paragraphs, marked as such, when the pack has none", () => {
    const [finding] = checkAsCli(draft, westmoor, { rules: [rule] });
    expect(finding?.citations.map((c) => [c.pack, c.paragraph, c.otherCouncil])).toEqual([
      ['tower-hamlets', '3.8', true],
      ['district-model', '4.2', true],
    ]);
  });

  it('tells the user when it would arrive and offers the next working morning', () => {
    const [finding] = checkAsCli(draft, westmoor, { rules: [rule] });
    expect(finding?.message).toContain('21:40 on Tuesday 9 February 2027');
    expect(finding?.suggestions[0]?.title).toBe('Schedule delivery for 08:00 on Wednesday 10 February 2027');
  });

  it('speaks of a press release as dated and published, with nothing to schedule', () => {
    const release = { ...draft, publicity: 'press release' as const };
    const [finding] = checkAsCli(release, westmoor, { rules: [rule] });
    expect(finding?.message).toBe('This press release is dated 21:40 on Tuesday 9 February 2027, outside working hours (08:00 to 18:00). If it is for councillors or officers, publish it when they are at work, unless it is urgent.');
    expect(finding?.suggestions.map((s) => s.title)).toEqual(['If it cannot wait, say in the headline that it is urgent']);
    expect(finding?.suggestions.flatMap((s) => s.edits)).toEqual([]);
  });

  it('can be turned off or raised in the policy', () => {
    const off = resolvePolicy({ council: { name: 'W', domains: ['westmoor.gov.uk'] }, rules: { 'out-of-hours': 'off' } });
    expect(checkAsCli(draft, off).filter((f) => f.rule === 'out-of-hours')).toEqual([]);
    const raised = resolvePolicy({ council: { name: 'W', domains: ['westmoor.gov.uk'] }, rules: { 'out-of-hours': { severity: 'warning' } } });
    expect(checkAsCli(makeDraft({ from: officer, to: 'Cllr Jo Bloggs <jo@westmoor.gov.uk>', date: '2027-02-09T21:40:00Z' }), raised, { rules: [rule] })[0]?.severity).toBe('warning');
  });
});

describe('out-of-hours on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('out-of-hours');
});
