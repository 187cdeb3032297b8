import { describe } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { resolvePolicy, embeddedDefaultPolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A borough on the crawley protocol, with a small directory.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Asha Verma', email: 'asha.verma@westmoor.gov.uk', ward: 'Quarry', party: 'Labour' },
    { name: 'Bill Trent', email: 'bill.trent@westmoor.gov.uk', ward: 'Quarry', party: 'Conservative' },
  ],
  officers: [{ name: 'Dan Hale', email: 'dan.hale@westmoor.gov.uk' }],
  parties: [{ name: 'Conservative', domains: ['westmoortories.org.uk'] }],
  communications: { mediaDomains: ['westmoorpost.co.uk'] },
};
// A town council on the town-council protocol.
const ashcombe: PolicyFile = {
  council: { name: 'Ashcombe Town Council', domains: ['ashcombe-tc.org.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Rose Penhale', email: 'cllr.penhale@ashcombe-tc.org.uk' }],
  officers: [{ name: 'Glyn Evans', email: 'clerk@ashcombe-tc.org.uk' }],
};
const WESTMOOR = resolvePolicy(westmoor, 'westmoor test policy');
const ASHCOMBE = resolvePolicy(ashcombe, 'ashcombe test policy');
const DEFAULT = embeddedDefaultPolicy();

const officerNote = [
  '',
  '-----Original Message-----',
  'From: Dan Hale <dan.hale@westmoor.gov.uk>',
  'Sent: 03 February 2027 11:37',
  'To: Asha Verma <asha.verma@westmoor.gov.uk>',
  'Subject: Quarry Lane enforcement',
  '',
  'CONFIDENTIAL - for Cllr Verma only',
  '',
  'The operator has told us the site will close in the summer.',
].join('\n');

runRuleTests('confidential-information', {
  policy: WESTMOOR,
  valid: [
    {
      name: 'an email disclaimer in the footer',
      why: 'a disclaimer paragraph ("intended solely for the addressee") is boilerplate on every message, not a marking of this one',
      policy: DEFAULT,
      draft: {
        from: 'Pat Moss <pat.moss@eastshire.gov.uk>',
        to: 'Ian Chandler <i.chandler@virginmedia.com>',
        subject: 'Pothole, Abbey Road',
        body: 'Dear Mr Chandler,\n\nWe have booked a repair for Thursday.\n\nYours sincerely,\nPat Moss\n\nThis email and any files transmitted with it are confidential and intended solely for the use of the individual to whom they are addressed. If you have received this email in error, notify the sender.',
      },
    },
    {
      name: 'an exempt report sent only to councillors',
      why: 'exempt papers may go to councillors and officers; nobody outside the council receives it',
      draft: {
        from: 'Dan Hale <dan.hale@westmoor.gov.uk>',
        to: 'Asha Verma <asha.verma@westmoor.gov.uk>, Bill Trent <bill.trent@westmoor.gov.uk>',
        subject: 'Cabinet item 7 - exempt report',
        body: 'Dear councillors,\n\nThe attached report is exempt under paragraph 3 of Schedule 12A and not for publication.\n\nDan',
        attachments: ['Item 7 - Part II.pdf'],
      },
    },
    {
      name: 'a confidential reporting line in the signature and the text',
      why: '"confidential reporting line" names a service, and says nothing about the content',
      policy: DEFAULT,
      draft: {
        from: 'Lee Park <lee.park@eastshire.gov.uk>',
        to: 'Ops <ops@hedgerowgrounds.co.uk>',
        subject: 'Hedge cutting',
        body: 'Hi Dave,\n\nCan you add Linden Close to next week? Your staff can use our confidential reporting line if they see anything on site that worries them.\n\nThanks,\nLee\nConfidential helpline: 01632 960000',
      },
    },
    {
      name: 'a negated marking',
      why: '"not confidential" says the opposite of a marking',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Jean Moss <jean.moss@gmail.com>',
        subject: 'Play area plans',
        body: 'Dear Jean,\n\nThe plans for the play area are not confidential, so do share them with the residents\' association.\n\nAsha',
      },
    },
    {
      name: 'a report that is no longer exempt',
      why: '"no longer exempt" is a negation: the report has been published',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Jean Moss <jean.moss@gmail.com>',
        subject: 'Car park sale',
        body: 'Dear Jean,\n\nThe car park report is no longer exempt and is on the website now.\n\nAsha',
      },
    },
    {
      name: '"exempt from" council tax',
      why: '"exempt from" is about liability, not about the status of a document',
      policy: DEFAULT,
      draft: {
        from: 'Revenues <revenues@eastshire.gov.uk>',
        to: 'Mo Khan <mo.khan@outlook.com>',
        subject: 'Your council tax',
        body: 'Dear Mr Khan,\n\nAs a full-time student you are exempt from council tax from 1 October.\n\nRevenues team',
      },
    },
    {
      name: 'an officer asks a contractor to keep a resident\'s details confidential',
      why: 'an officer\'s request to a contractor to protect data is ordinary handling, not confidential council material',
      policy: DEFAULT,
      draft: {
        from: 'Lee Park <lee.park@eastshire.gov.uk>',
        to: 'Ops <ops@hedgerowgrounds.co.uk>',
        subject: 'Access to 17 Linden Close',
        body: 'Hi Dave,\n\nThe resident at 17 Linden Close will let your crew in. Please keep her phone number confidential and delete it after the job.\n\nLee',
      },
    },
    {
      name: 'a reply to a resident who wrote "in confidence" herself',
      why: 'the resident wrote that message, so sending it back to her discloses nothing',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Jean Moss <jean.moss@gmail.com>',
        subject: 'Re: My neighbour',
        composeType: 'reply',
        body: 'Dear Jean,\n\nThank you. I will look into it.\n\nAsha\n\nOn 2 Feb 2027, at 20:15, Jean Moss <jean.moss@gmail.com> wrote:\n\n> I am telling you this in confidence: my neighbour runs a business from the garage.',
      },
    },
    {
      name: '"Part 2 of the form"',
      why: 'a part of a form or an Act is not a Part II agenda item',
      policy: ASHCOMBE,
      draft: {
        from: 'Glyn Evans <clerk@ashcombe-tc.org.uk>',
        to: 'Mo Khan <mo.khan@outlook.com>',
        subject: 'Allotment application',
        body: 'Dear Mr Khan,\n\nPlease fill in Part 2 of the form and return it by Friday.\n\nGlyn Evans\nClerk',
      },
    },
    {
      name: 'an assurance that the resident\'s details will be kept confidential',
      why: 'telling a resident their details will be protected is not a marking of council material',
      policy: ASHCOMBE,
      draft: {
        from: 'Glyn Evans <clerk@ashcombe-tc.org.uk>',
        to: 'Mo Khan <mo.khan@outlook.com>',
        subject: 'Your complaint',
        body: 'Dear Mr Khan,\n\nThank you for your complaint. Your details will be kept confidential and used only to investigate it.\n\nGlyn Evans',
      },
    },
    {
      name: 'restricted parking',
      why: 'lower-case "restricted" describes parking, not a security classification',
      policy: DEFAULT,
      draft: {
        from: 'Parking <parking@eastshire.gov.uk>',
        to: 'Mo Khan <mo.khan@outlook.com>',
        subject: 'Parking on Mill Road',
        body: 'Dear Mr Khan,\n\nParking on Mill Road is restricted to permit holders between 8am and 6pm.\n\nParking Services',
      },
    },
    {
      name: 'a negated marking with a contraction',
      why: '"isn\'t confidential" says the material is open',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Jean Moss <jean.moss@gmail.com>', subject: 'Depot', body: "Dear Jean,\n\nThe depot plan isn't confidential, so share it as you like.\n\nAsha" },
    },
    {
      name: 'confidential material named in order to withhold it',
      why: 'the sentence says the appendix is not being shared; nothing marked is sent',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Forum <members@quarryforum.org.uk>', subject: 'Market Hall', body: "Dear all,\n\nThe public report is on the website. There is also a confidential appendix which councillors can't share, so please don't ask me about it.\n\nAsha" },
    },
    {
      name: 'the public version of a report',
      why: '"non-confidential" marks the material as open',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Jean Moss <jean.moss@gmail.com>', subject: 'Depot', body: 'Dear Jean,\n\nThe non-confidential version of the depot report is attached.\n\nAsha' },
    },
    {
      name: 'a meeting held in private session, described',
      why: 'saying an item is taken in private session passes on no marked material',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Jean Moss <jean.moss@gmail.com>', subject: 'Cabinet', body: 'Dear Ms Moss,\n\nItem 9 will be considered in private session. The decision will be published afterwards.\n\nDan Hale' },
    },
    {
      name: 'a question about whether a report is exempt',
      why: 'a question about status is not a marking',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Jean Moss <jean.moss@gmail.com>', subject: 'Depot', body: 'Dear Jean,\n\nI have asked officers whether the depot report is exempt.\n\nAsha' },
    },
  ],
  invalid: [
    {
      name: 'a councillor forwards an officer\'s confidential note to a resident',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Gary Nolan <gary.nolan@gmail.com>',
        subject: 'FW: Quarry Lane enforcement',
        composeType: 'forward',
        body: 'Gary,\n\nSo you know where things stand.\n\nAsha\n' + officerNote,
      },
      expect: [
        {
          severity: 'error',
          messageId: 'passedOnToOutsider',
          evidence: { field: 'body', quote: 'CONFIDENTIAL' },
          edits: [[{ kind: 'removeRecipient', field: 'to', email: 'gary.nolan@gmail.com' }]],
        },
      ],
    },
    {
      name: 'OFFICIAL-SENSITIVE in the subject, sent to a consultancy',
      policy: DEFAULT,
      draft: {
        from: 'Lee Park <lee.park@eastshire.gov.uk>',
        to: 'Jo Reed <jo@reedconsulting.co.uk>',
        subject: 'OFFICIAL-SENSITIVE: staffing review figures',
        body: 'Jo,\n\nThe figures you asked for are below.\n\nLee',
      },
      expect: [
        {
          severity: 'error',
          messageId: 'markedToOutsider',
          evidence: { field: 'subject', start: 0, end: 18, quote: 'OFFICIAL-SENSITIVE' },
          edits: [[{ kind: 'removeRecipient', field: 'to', email: 'jo@reedconsulting.co.uk' }]],
        },
      ],
    },
    {
      name: 'a Part II attachment sent to a campaign group, with nothing said in the text',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Save the Baths <savethebaths@gmail.com>',
        subject: 'The report',
        body: 'Dear Colin,\n\nHere it is, as promised.\n\nAsha',
        attachments: ['Cabinet 9 March - Item 4 - Part II.pdf'],
      },
      expect: [
        {
          severity: 'error',
          messageId: 'markedToOutsider',
          evidence: { field: 'to', recipient: 'savethebaths@gmail.com' },
          edits: [[{ kind: 'removeRecipient', field: 'to', email: 'savethebaths@gmail.com' }]],
        },
      ],
    },
    {
      name: 'a councillor sends a journalist a report "not for publication"',
      draft: {
        from: 'Bill Trent <bill.trent@westmoor.gov.uk>',
        to: 'Newsdesk <news@westmoorpost.co.uk>',
        subject: 'Leisure centre',
        body: 'Sam,\n\nThe draft options paper is attached. It is not for publication until Cabinet, but you should see the numbers.\n\nBill',
      },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'not for publication' } }],
    },
    {
      name: 'legally privileged advice passed to the party agent',
      draft: {
        from: 'Bill Trent <bill.trent@westmoor.gov.uk>',
        to: 'Agent <agent@westmoortories.org.uk>',
        subject: 'Advice on the boundary review',
        body: 'Here is the council solicitor\'s note. It is legally privileged, so use it carefully.\n\nBill',
      },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'legally privileged' } }],
    },
    {
      name: 'a councillor tells a resident something "in confidence"',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Jean Moss <jean.moss@gmail.com>',
        subject: 'The library',
        body: 'Dear Jean,\n\nI can tell you in strict confidence that the library is on the list for closure.\n\nAsha',
      },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'in strict confidence' } }],
    },
    {
      name: 'only the outside recipient is removed when a councillor is copied too',
      draft: {
        from: 'Dan Hale <dan.hale@westmoor.gov.uk>',
        to: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        cc: 'Jean Moss <jean.moss@gmail.com>',
        subject: 'Quarry Lane',
        body: 'Cllr Verma,\n\nThis update is confidential while the investigation continues.\n\nDan',
      },
      expect: [
        {
          severity: 'error',
          messageId: 'markedToOutsider',
          evidence: { field: 'body', quote: 'confidential' },
          edits: [[{ kind: 'removeRecipient', field: 'cc', email: 'jean.moss@gmail.com' }]],
        },
      ],
    },
    {
      name: 'a councillor asks an outsider to keep it confidential',
      policy: DEFAULT,
      draft: {
        from: 'Cllr Ann Lowe <ann.lowe@eastshire.gov.uk>',
        to: 'Tom Bright <tom@brightbuild.co.uk>',
        subject: 'Tender',
        body: 'Tom,\n\nThe other bids came in around £2m. Please keep this confidential.\n\nAnn',
      },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'confidential' } }],
    },
    {
      name: 'a clerk forwards a "Private & Confidential" letter to the complainant',
      policy: ASHCOMBE,
      draft: {
        from: 'Glyn Evans <clerk@ashcombe-tc.org.uk>',
        to: 'Mo Khan <mo.khan@outlook.com>',
        subject: 'FW: Private & Confidential - allotment dispute',
        composeType: 'forward',
        body: 'Mr Khan,\n\nSee below.\n\nGlyn\n\n---------- Forwarded message ---------\nFrom: Rose Penhale <cllr.penhale@ashcombe-tc.org.uk>\nDate: Fri, 12 Feb 2027 at 19:22\nTo: <clerk@ashcombe-tc.org.uk>\n\nGlyn, between us, the tenant of plot 9 has been warned twice.',
      },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'subject', quote: 'Private & Confidential' } }],
    },
    {
      name: 'exempt information in the officer\'s own words to a developer',
      policy: DEFAULT,
      draft: {
        from: 'Lee Park <lee.park@eastshire.gov.uk>',
        to: 'Tom Bright <tom@brightbuild.co.uk>',
        subject: 'Station site',
        body: 'Tom,\n\nThe valuation in the exempt appendix puts the site at £1.2m.\n\nLee',
      },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'exempt appendix' } }],
    },
    {
      name: 'a Part II report sent to a resident',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Jean Moss <jean.moss@gmail.com>', subject: 'Depot', body: 'Dear Jean,\n\nAttached is the Part II report on the depot sale.\n\nAsha' },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'Part II report' } }],
    },
    {
      name: 'RESTRICTED partnership minutes forwarded to a campaigner',
      draft: { from: 'Bill Trent <bill.trent@westmoor.gov.uk>', to: 'Save the Baths <savethebaths@gmail.com>', subject: 'Minutes', body: 'Colin,\n\nRESTRICTED - the police partnership minutes are below.\n\nBill' },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'RESTRICTED' } }],
    },
    {
      name: 'exempt information named as such, to a developer',
      draft: { from: 'Bill Trent <bill.trent@westmoor.gov.uk>', to: 'Tom Bright <tom@brightbuild.co.uk>', subject: 'Depot', body: 'Tom,\n\nThis is exempt information under paragraph 3 of Schedule 12A, but the reserve price is £900,000.\n\nBill' },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'exempt information' } }],
    },
    {
      name: 'a councillor passes on what she was told in confidence, with a contraction',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Jean Moss <jean.moss@gmail.com>', subject: 'Library', body: "Dear Jean,\n\nI'm telling you this in confidence: the library is on the list.\n\nAsha" },
      expect: [{ severity: 'error', messageId: 'markedToOutsider', evidence: { field: 'body', quote: 'in confidence' } }],
    },
  ],
});

describe('confidential-information on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('confidential-information');
});
