import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import type { Edit } from '../types.ts';

// A borough on the crawley pack with a three-member and a two-member ward.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Jane Brown', email: 'cllr.jane.brown@westmoor.gov.uk', ward: 'Northgate' },
    { name: 'Ahmed Khan', email: 'cllr.ahmed.khan@westmoor.gov.uk', ward: 'Northgate', personalEmails: ['ahmedkhan77@gmail.com'] },
    { name: 'Lucy Price', email: 'cllr.lucy.price@westmoor.gov.uk', ward: 'Northgate' },
    { name: 'Peter Ng', email: 'cllr.peter.ng@westmoor.gov.uk', ward: 'Southfields' },
    { name: 'Ola Ade', email: 'cllr.ola.ade@westmoor.gov.uk', ward: 'Southfields' },
  ],
  officers: [{ name: 'Tom Field', email: 'tom.field@westmoor.gov.uk' }],
};

// A district on the district-model pack whose ward names are ordinary words.
const kestrel: PolicyFile = {
  council: { name: 'Kestrel District Council', domains: ['kestrel.gov.uk'], protocol: 'district-model' },
  councillors: [
    { name: 'Mary Lund', email: 'mary.lund@kestrel.gov.uk', ward: 'Central' },
    { name: 'Dev Shah', email: 'dev.shah@kestrel.gov.uk', ward: 'Central' },
    { name: 'Ruth Cole', email: 'ruth.cole@kestrel.gov.uk', ward: 'Old Town' },
    { name: 'Ian Moss', email: 'ian.moss@kestrel.gov.uk', ward: 'Old Town' },
  ],
  officers: [{ name: 'Kim Fox', email: 'kim.fox@kestrel.gov.uk' }],
};

const W = resolvePolicy(westmoor, 'westmoor.json');
const K = resolvePolicy(kestrel, 'kestrel.json');

const TOM = 'Tom Field <tom.field@westmoor.gov.uk>';
const KIM = 'Kim Fox <kim.fox@kestrel.gov.uk>';
const BROWN = 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>';
const KHAN = 'Cllr Ahmed Khan <cllr.ahmed.khan@westmoor.gov.uk>';
const PRICE = 'Cllr Lucy Price <cllr.lucy.price@westmoor.gov.uk>';
const NG = 'Cllr Peter Ng <cllr.peter.ng@westmoor.gov.uk>';

const add = (name: string, email: string): Edit => ({ kind: 'addRecipient', field: 'cc', recipient: { name, email } });
const note = (body: string, at: string, names: string, ward: string): Edit => ({
  kind: 'insertText',
  field: 'body',
  at: body.indexOf(at),
  text: `I have copied in ${names} so that all the councillors for ${ward} ward have the same information.\n\n`,
});

const meetingBody =
  'Dear Cllr Brown and Cllr Khan,\n\nWe are holding a public meeting about the Northgate library opening hours on Tuesday 16 March at 7pm.\n\nKind regards\n\nTom Field';
const consultBody = 'Dear Cllr Ng,\n\nWe start an informal consultation on a residents’ parking scheme for Southfields Road on 15 March.\n\nKind regards\n\nTom';
const openingBody =
  'Dear Jane,\n\nThe new play area at Northgate Park is finished, and the Mayor will perform the official opening on Saturday 10 April at 11am. We would be glad if you could attend.\n\nTom';
const photoBody = 'Dear Ahmed,\n\nThere will be a photo opportunity when the first tree is planted at Northgate Green on Friday.\n\nTom';
const worksBody = 'Dear Peter,\n\nResurfacing works on the Southfields estate roads begin on 3 May and will last two weeks.\n\nTom';
const oldTownBody = 'Dear Cllr Cole,\n\nThere will be a drop-in session for residents in Old Town ward on the new bus lane, at the library on 4 June.\n\nKim';
const twoWardsBody = 'Dear colleagues,\n\nThe public exhibition on the Northgate and Southfields cycle route opens on Monday.\n\nTom';
const explicitBody =
  'Dear Jane,\n\nThe consultation drop-in will be at Southfields Community Centre, which is in Northgate ward, on Wednesday.\n\nTom';

runRuleTests('ward-councillors-not-informed', {
  policy: W,
  valid: [
    {
      name: 'a member of staff tells her ward councillor she is being moved, mentioning a past open day in the ward',
      why: 'a staffing matter (a transfer as part of a service review) is internal, not a public event',
      draft: { from: TOM, to: BROWN, body: 'Hi Jane,\n\nYou came to our open day at Northgate play centre last summer. Management told us I am being moved to another site from April as part of the play service review.\n\nCould you raise it?' },
    },
    {
      name: 'a drop-in that will not happen',
      why: 'negated: "there won\'t be a drop-in" describes no event',
      draft: { from: TOM, to: BROWN, body: "Hi Jane,\n\nThere won't be a drop-in session in Northgate this month." },
    },
    {
      name: 'every ward councillor is included',
      why: 'All three Northgate councillors receive it (To and Cc both count).',
      draft: { from: TOM, to: `${BROWN}; ${KHAN}`, cc: PRICE, body: meetingBody },
    },
    {
      name: 'a ward councillor is reached at a personal address',
      why: 'Cllr Khan is informed, if at the wrong address (personal-email deals with that).',
      draft: { from: TOM, to: `${BROWN}; Ahmed Khan <ahmedkhan77@gmail.com>; ${PRICE}`, body: meetingBody },
    },
    {
      name: 'no councillor for the ward receives it',
      why: 'The rule is about some but not all; a note to a councillor from another ward is not that.',
      draft: { from: TOM, to: NG, body: meetingBody.replace('Dear Cllr Brown and Cllr Khan', 'Dear Cllr Ng') },
    },
    {
      name: 'an internal staff consultation',
      why: 'A staff consultation about the depot is internal, not a public exercise in the ward.',
      draft: { from: TOM, to: BROWN, body: 'Dear Jane,\n\nWe start a staff consultation next week on the restructure of the Northgate depot team.\n\nTom' },
    },
    {
      name: 'a negated consultation',
      why: '“This is not a public consultation” says the opposite.',
      draft: { from: TOM, to: BROWN, body: 'Dear Jane,\n\nThis is not a public consultation: the Northgate bins change is a minor timetable tweak.\n\nTom' },
    },
    {
      name: 'casework about repairs in one home',
      why: 'Repairs inside a tenant’s flat are casework, not a public event or works in the ward.',
      draft: { from: TOM, to: BROWN, body: 'Dear Jane,\n\nThe contractor will repair the roof at 4 Northgate Court on Thursday.\n\nTom' },
    },
    {
      name: 'sent by a councillor',
      why: 'The duty to inform ward councillors falls on officers.',
      draft: { from: BROWN, to: KHAN, body: 'Ahmed, the public meeting about Northgate library is on Tuesday. Jane' },
    },
    {
      name: 'a lower-case ward name in running prose',
      why: '“central government” is not Central ward: ward names are proper nouns.',
      policy: K,
      draft: { from: KIM, to: 'Cllr Mary Lund <mary.lund@kestrel.gov.uk>', body: 'Dear Mary,\n\nThe central government consultation on bin collections closes on Friday.\n\nKim' },
    },
    {
      name: 'a ward name that is another council',
      why: '“Northgate Borough Council” is a neighbouring authority, not the ward.',
      draft: { from: TOM, to: BROWN, body: 'Dear Jane,\n\nNorthgate Borough Council has opened a consultation on its local plan.\n\nTom' },
    },
    {
      name: 'the embedded default has no wards',
      why: 'With no directory the rule cannot know who the ward councillors are.',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Sam Lowe <sam.lowe@eastshire.gov.uk>', to: 'Cllr Amy Lee <amy.lee@eastshire.gov.uk>', body: 'Dear Cllr Lee,\n\nThere is a public meeting in Mill ward on Monday.\n\nSam' },
    },
  ],
  invalid: [
    {
      name: 'a public meeting sent to two of three ward councillors',
      draft: { from: TOM, to: `${BROWN}; ${KHAN}`, subject: 'Public meeting on library hours', body: meetingBody },
      expect: [
        {
          severity: 'warning',
          messageId: 'missingWardCouncillors',
          evidence: { field: 'body', quote: 'Northgate', start: meetingBody.indexOf('Northgate'), end: meetingBody.indexOf('Northgate') + 9 },
          edits: [[add('Cllr Lucy Price', 'cllr.lucy.price@westmoor.gov.uk'), note(meetingBody, 'We are holding', 'Cllr Lucy Price', 'Northgate')]],
        },
      ],
    },
    {
      name: 'a consultation sent to one of two ward councillors, named only in a street name',
      draft: { from: TOM, to: NG, body: consultBody },
      expect: [
        {
          severity: 'warning',
          messageId: 'missingWardCouncillors',
          evidence: { field: 'body', quote: 'Southfields' },
          edits: [[add('Cllr Ola Ade', 'cllr.ola.ade@westmoor.gov.uk'), note(consultBody, 'We start', 'Cllr Ola Ade', 'Southfields')]],
        },
      ],
    },
    {
      name: 'an official opening sent to one of three',
      draft: { from: TOM, to: BROWN, body: openingBody },
      expect: [
        {
          severity: 'warning',
          messageId: 'missingWardCouncillors',
          evidence: { field: 'body', quote: 'Northgate' },
          edits: [
            [
              add('Cllr Ahmed Khan', 'cllr.ahmed.khan@westmoor.gov.uk'),
              add('Cllr Lucy Price', 'cllr.lucy.price@westmoor.gov.uk'),
              note(openingBody, 'The new play area', 'Cllr Ahmed Khan and Cllr Lucy Price', 'Northgate'),
            ],
          ],
        },
      ],
    },
    {
      name: 'a photo opportunity sent to one of three',
      draft: { from: TOM, to: KHAN, body: photoBody },
      expect: [{ severity: 'warning', messageId: 'missingWardCouncillors', evidence: { field: 'body', quote: 'Northgate' } }],
    },
    {
      name: 'road works in the ward',
      draft: { from: TOM, to: NG, body: worksBody },
      expect: [{ severity: 'warning', messageId: 'missingWardCouncillors', evidence: { field: 'body', quote: 'Southfields' } }],
    },
    {
      name: 'the ward is named only in the subject',
      draft: { from: TOM, to: `${BROWN}; ${PRICE}`, subject: 'Northgate library: consultation on opening hours', body: 'Dear both,\n\nThe consultation starts on Monday and runs for six weeks.\n\nTom' },
      expect: [{ severity: 'warning', messageId: 'missingWardCouncillors', evidence: { field: 'subject', quote: 'Northgate', start: 0, end: 9 } }],
    },
    {
      name: 'a drop-in in a two-word ward (district-model pack)',
      policy: K,
      draft: { from: KIM, to: 'Cllr Ruth Cole <ruth.cole@kestrel.gov.uk>', body: oldTownBody },
      expect: [
        {
          severity: 'warning',
          messageId: 'missingWardCouncillors',
          evidence: { field: 'body', quote: 'Old Town' },
          edits: [[add('Cllr Ian Moss', 'ian.moss@kestrel.gov.uk'), note(oldTownBody, 'There will be', 'Cllr Ian Moss', 'Old Town')]],
        },
      ],
    },
    {
      name: 'an exhibition covering two wards, each partly informed',
      draft: { from: TOM, to: `${BROWN}; ${NG}`, body: twoWardsBody },
      expect: [
        { severity: 'warning', messageId: 'missingWardCouncillors', evidence: { field: 'body', quote: 'Northgate' } },
        { severity: 'warning', messageId: 'missingWardCouncillors', evidence: { field: 'body', quote: 'Southfields' } },
      ],
    },
    {
      name: 'an explicit ward wins over a place name from another ward',
      draft: { from: TOM, to: `${BROWN}; ${NG}`, body: explicitBody },
      expect: [
        {
          severity: 'warning',
          messageId: 'missingWardCouncillors',
          evidence: { field: 'body', quote: 'Northgate', start: explicitBody.indexOf('Northgate ward') },
        },
      ],
    },
  ],
});

describe('ward-councillors-not-informed on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('ward-councillors-not-informed');
});
