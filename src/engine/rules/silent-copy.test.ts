import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';

// A borough on the crawley pack, with wards, one listed personal address and a cabinet member.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Jane Brown', email: 'cllr.jane.brown@westmoor.gov.uk', ward: 'Northgate' },
    { name: 'Ahmed Khan', email: 'cllr.ahmed.khan@westmoor.gov.uk', ward: 'Northgate', personalEmails: ['ahmedkhan77@gmail.com'] },
    { name: 'Lucy Price', email: 'cllr.lucy.price@westmoor.gov.uk', ward: 'Northgate', roles: ['cabinet'] },
    { name: 'Peter Ng', email: 'cllr.peter.ng@westmoor.gov.uk', ward: 'Southfields' },
  ],
  officers: [
    { name: 'Tom Field', email: 'tom.field@westmoor.gov.uk' },
    { name: 'Grace Hill', email: 'grace.hill@westmoor.gov.uk', roles: ['senior'] },
  ],
};

// A town council on the town-council pack: no wards.
const ashby: PolicyFile = {
  council: { name: 'Ashby Town Council', domains: ['ashbytc.gov.uk'], protocol: 'town-council' },
  councillors: [
    { name: 'Rosa Mendes', email: 'rosa.mendes@ashbytc.gov.uk' },
    { name: 'Bill Carter', email: 'bill.carter@ashbytc.gov.uk', personalEmails: ['billcarter@btinternet.com'] },
  ],
  officers: [{ name: 'Dawn Ellis', email: 'clerk@ashbytc.gov.uk', roles: ['senior'] }],
};

const W = resolvePolicy(westmoor, 'westmoor.json');
const A = resolvePolicy(ashby, 'ashby.json');
const D = embeddedDefaultPolicy();

const TOM = 'Tom Field <tom.field@westmoor.gov.uk>';
const BROWN = 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>';
const KHAN = 'Cllr Ahmed Khan <cllr.ahmed.khan@westmoor.gov.uk>';
const PRICE = 'Cllr Lucy Price <cllr.lucy.price@westmoor.gov.uk>';
const NG = 'Cllr Peter Ng <cllr.peter.ng@westmoor.gov.uk>';

const casework = (greeting: string, extra = '') =>
  `${greeting}\n\nThe repairs team will visit 12 Elm Close on Thursday to look at the leaking roof.${extra}\n\nKind regards\n\nTom Field\nHousing Officer\nWestmoor Borough Council`;

const body1 = casework('Dear Cllr Brown,');
const firstParagraph = (body: string) => body.indexOf('The repairs team');

const forwardBody = (own: string) =>
  `${own}\n\nTom\n\n---------- Forwarded message ---------\nFrom: Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>\nDate: Mon, 1 Feb 2027 at 09:12\nSubject: Elm Close roof\nTo: Tom Field <tom.field@westmoor.gov.uk>\n\nTom, a resident at 12 Elm Close says the roof is leaking again. Can someone look? Jane\n`;

runRuleTests('silent-copy', {
  policy: W,
  valid: [
    {
      name: 'a Cc’d councillor named in the body with the reason',
      why: 'The original councillor is told who was copied and why (crawley 6.2).',
      draft: { from: TOM, to: BROWN, cc: PRICE, body: casework('Dear Jane,', ' I have copied in Cllr Price, as the Cabinet Member for Housing, because the repairs budget is hers.') },
    },
    {
      name: 'a Bcc’d officer',
      why: 'Only copies to councillors are silent copies.',
      draft: { from: TOM, to: BROWN, bcc: 'Grace Hill <grace.hill@westmoor.gov.uk>', body: body1 },
    },
    {
      name: 'a councillor copying a colleague',
      why: 'The protocols govern officers handling councillors’ correspondence; a councillor may copy whom they like.',
      draft: { from: BROWN, to: TOM, cc: KHAN, body: 'Tom, can you look at the roof at 12 Elm Close? Thanks, Jane' },
    },
    {
      name: 'a members’ bulletin with every councillor in Bcc',
      why: 'No councillor is individually addressed, so there is no one to hide a copy from.',
      draft: { from: TOM, to: TOM, bcc: `${BROWN}; ${KHAN}; ${PRICE}; ${NG}`, subject: 'Members’ bulletin', body: 'Dear councillors,\n\nThis week’s bulletin is below.' },
    },
    {
      name: 'ward colleagues copied and disclosed as a group',
      why: 'A ward-wide copy is expected (surrey-heath 7.2) and “your ward colleagues … so that” names and explains it.',
      draft: {
        from: TOM,
        to: BROWN,
        cc: `${KHAN}; ${PRICE}`,
        body: casework('Dear Jane,', ' I have copied in your ward colleagues so that all three of you have the same information.'),
      },
    },
    {
      name: 'reply-all keeps the colleague the councillor copied',
      why: 'Cllr Brown copied Cllr Khan herself, so the copy is hers, not the officer’s.',
      draft: {
        from: TOM,
        to: BROWN,
        cc: KHAN,
        subject: 'RE: Elm Close roof',
        body: `Dear Jane,\n\nThe roof will be repaired on Thursday.\n\nTom\n\n-----Original Message-----\nFrom: Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>\nSent: 01 February 2027 09:12\nTo: Tom Field <tom.field@westmoor.gov.uk>\nCc: Cllr Ahmed Khan <cllr.ahmed.khan@westmoor.gov.uk>\nSubject: Elm Close roof\n\nTom, the roof is leaking again. Jane\n`,
      },
    },
    {
      name: 'the councillor asked for the colleague to be copied',
      why: 'district-model 13.2.1: copying is fine where the member intends it.',
      draft: {
        from: TOM,
        to: BROWN,
        cc: NG,
        subject: 'RE: Elm Close roof',
        body: `Dear Jane,\n\nThe roof will be repaired on Thursday.\n\nTom\n\n-----Original Message-----\nFrom: Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>\nSent: 01 February 2027 09:12\nTo: Tom Field <tom.field@westmoor.gov.uk>\nSubject: Elm Close roof\n\nTom, the roof is leaking again. Please copy Cllr Ng into your reply as he knows the family. Jane\n`,
      },
    },
    {
      name: '“Cllr” in the body but not in the display name (embedded default)',
      why: 'With no directory, a Gmail address with a plain name is not known to be a councillor.',
      policy: D,
      draft: {
        from: 'Sam Lowe <sam.lowe@eastshire.gov.uk>',
        to: 'Cllr Amy Lee <amy.lee@eastshire.gov.uk>',
        cc: 'Ben Ward <ben.ward@gmail.com>',
        body: 'Dear Cllr Lee,\n\nThe bins at Mill Court will be emptied tomorrow. Cllr Ward mentioned them too.\n\nRegards\nSam',
      },
    },
    {
      name: 'a forward the original councillor asked for',
      why: 'The writer says Cllr Brown asked for it to be passed on, so it is not behind her back.',
      draft: { from: TOM, to: NG, subject: 'FW: Elm Close roof', composeType: 'forward', body: forwardBody('Peter,\n\nCllr Brown asked me to pass this on to you, as the family have moved to your ward.') },
    },
    {
      name: 'a forward of a resident’s message to a councillor',
      why: 'The original writer is not a councillor, so it is not a councillor’s correspondence being copied.',
      draft: {
        from: TOM,
        to: BROWN,
        subject: 'FW: Roof',
        body: 'Jane, see below.\n\nTom\n\n---------- Forwarded message ---------\nFrom: Pat Jones <pat.jones@example.com>\nSubject: Roof\n\nMy roof is leaking.\n',
      },
    },
    {
      name: 'a reason placeholder left for the writer to fill',
      why: 'The sentence the fix inserts counts as a disclosure; the reason is the writer’s to complete.',
      draft: { from: TOM, to: BROWN, cc: NG, body: casework('Dear Jane,', '\n\nI have copied in Cllr Peter Ng because [reason].') },
    },
    {
      name: 'the councillor’s own personal address in Cc (town council)',
      why: 'It is the same councillor as the one written to, not another councillor (personal-email deals with the address).',
      policy: A,
      draft: { from: 'Dawn Ellis <clerk@ashbytc.gov.uk>', to: 'Bill Carter <bill.carter@ashbytc.gov.uk>', cc: 'Bill Carter <billcarter@btinternet.com>', body: 'Dear Bill,\n\nThe hall is booked for the 14th.\n\nDawn' },
    },
  ],
  invalid: [
    {
      name: 'a councillor in Bcc on casework (crawley)',
      draft: { from: TOM, to: BROWN, bcc: NG, body: body1 },
      expect: [
        {
          severity: 'error',
          messageId: 'blindCopy',
          evidence: { field: 'bcc', recipient: 'cllr.peter.ng@westmoor.gov.uk' },
          edits: [
            [
              { kind: 'moveRecipient', email: 'cllr.peter.ng@westmoor.gov.uk', fromField: 'bcc', toField: 'cc' },
              { kind: 'insertText', field: 'body', at: firstParagraph(body1), text: 'I have copied in Cllr Peter Ng because [reason].\n\n' },
            ],
            [{ kind: 'removeRecipient', field: 'bcc', email: 'cllr.peter.ng@westmoor.gov.uk' }],
          ],
        },
      ],
    },
    {
      name: 'a Bcc that the body owns up to is still blind',
      draft: { from: TOM, to: BROWN, bcc: NG, body: casework('Hi Jane,', ' I have blind-copied Cllr Ng as he asked the same question.') },
      expect: [
        {
          severity: 'error',
          messageId: 'blindCopy',
          evidence: { field: 'bcc', recipient: 'cllr.peter.ng@westmoor.gov.uk' },
          edits: [
            [{ kind: 'moveRecipient', email: 'cllr.peter.ng@westmoor.gov.uk', fromField: 'bcc', toField: 'cc' }],
            [{ kind: 'removeRecipient', field: 'bcc', email: 'cllr.peter.ng@westmoor.gov.uk' }],
          ],
        },
      ],
    },
    {
      name: 'a Bcc to a colleague’s personal address still counts as that councillor',
      draft: { from: TOM, to: BROWN, bcc: 'Ahmed Khan <ahmedkhan77@gmail.com>', body: body1 },
      expect: [{ severity: 'error', messageId: 'blindCopy', evidence: { field: 'bcc', recipient: 'ahmedkhan77@gmail.com' } }],
    },
    {
      name: 'an undisclosed Cc (embedded default, titled display names)',
      policy: D,
      draft: {
        from: 'Sam Lowe <sam.lowe@eastshire.gov.uk>',
        to: 'Cllr Amy Lee <amy.lee@eastshire.gov.uk>',
        cc: 'Councillor Ben Ward <ben.ward@eastshire.gov.uk>',
        body: 'Dear Cllr Lee,\n\nThe bins at Mill Court will be emptied tomorrow.\n\nRegards\nSam',
      },
      expect: [
        {
          severity: 'warning',
          messageId: 'undisclosedCopy',
          evidence: { field: 'cc', recipient: 'ben.ward@eastshire.gov.uk' },
          edits: [
            [{ kind: 'insertText', field: 'body', at: 'Dear Cllr Lee,\n\n'.length, text: 'I have copied in Cllr Ben Ward because [reason].\n\n' }],
            [{ kind: 'removeRecipient', field: 'cc', email: 'ben.ward@eastshire.gov.uk' }],
          ],
        },
      ],
    },
    {
      name: 'the Cc’d councillor is named but no reason is given',
      draft: { from: TOM, to: BROWN, cc: NG, body: casework('Dear Jane,', ' I have copied in Cllr Ng.') },
      expect: [{ severity: 'warning', messageId: 'undisclosedCopy', evidence: { field: 'cc', recipient: 'cllr.peter.ng@westmoor.gov.uk' } }],
    },
    {
      name: 'a negated disclosure does not disclose',
      draft: { from: TOM, to: BROWN, cc: NG, body: casework('Dear Jane,', ' I have not copied Cllr Ng in, as this is your casework.') },
      expect: [{ severity: 'warning', messageId: 'undisclosedCopy', evidence: { field: 'cc', recipient: 'cllr.peter.ng@westmoor.gov.uk' } }],
    },
    {
      name: 'a ward-group disclosure does not cover a councillor from another ward',
      draft: { from: TOM, to: BROWN, cc: `${KHAN}; ${NG}`, body: casework('Dear Jane,', ' I have copied in your ward colleague so that you both have the same information.') },
      expect: [{ severity: 'warning', messageId: 'undisclosedCopy', evidence: { field: 'cc', recipient: 'cllr.peter.ng@westmoor.gov.uk' } }],
    },
    {
      name: 'a forward of a councillor’s message to another councillor, even when explained',
      draft: {
        from: TOM,
        to: NG,
        subject: 'FW: Elm Close roof',
        composeType: 'forward',
        body: forwardBody('Peter,\n\nI have copied this to you because the family may move to your ward.'),
      },
      expect: [
        {
          severity: 'warning',
          messageId: 'forwarded',
          evidence: { field: 'to', recipient: 'cllr.peter.ng@westmoor.gov.uk' },
          edits: [[{ kind: 'removeRecipient', field: 'to', email: 'cllr.peter.ng@westmoor.gov.uk' }]],
        },
      ],
    },
    {
      name: 'a forward whose quoted header is Outlook’s "Name [mailto:address]"',
      draft: {
        from: TOM,
        to: NG,
        subject: 'FW: Elm Close roof',
        body: 'Peter - FYI, see below.\n\nTom\n\n-----Original Message-----\nFrom: Cllr Jane Brown [mailto:cllr.jane.brown@westmoor.gov.uk]\nSent: 01 February 2027 09:12\nTo: Field, Tom <tom.field@westmoor.gov.uk>\nSubject: Elm Close roof\n\nTom, please keep this between us for now. Jane\n',
      },
      expect: [
        {
          severity: 'warning',
          messageId: 'forwarded',
          evidence: { field: 'to', recipient: 'cllr.peter.ng@westmoor.gov.uk' },
          edits: [[{ kind: 'removeRecipient', field: 'to', email: 'cllr.peter.ng@westmoor.gov.uk' }]],
        },
      ],
    },
    {
      name: 'the clerk blind-copies a councillor at a personal address (town council)',
      policy: A,
      draft: { from: 'Dawn Ellis <clerk@ashbytc.gov.uk>', to: 'Rosa Mendes <rosa.mendes@ashbytc.gov.uk>', bcc: 'Bill Carter <billcarter@btinternet.com>', body: 'Dear Rosa,\n\nThe allotment rents are due in April.\n\nDawn' },
      expect: [
        {
          severity: 'error',
          messageId: 'blindCopy',
          evidence: { field: 'bcc', recipient: 'billcarter@btinternet.com' },
          edits: [
            [
              { kind: 'moveRecipient', email: 'billcarter@btinternet.com', fromField: 'bcc', toField: 'cc' },
              { kind: 'insertText', field: 'body', at: 'Dear Rosa,\n\n'.length, text: 'I have copied in Cllr Bill Carter because [reason].\n\n' },
            ],
            [{ kind: 'removeRecipient', field: 'bcc', email: 'billcarter@btinternet.com' }],
          ],
        },
      ],
    },
  ],
});

describe('silent-copy on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('silent-copy');
});
