import { describe } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { resolvePolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A borough on the crawley pack, with a small directory.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [{ name: 'Dev Rao', email: 'cllr.rao@westmoor.gov.uk', ward: 'Quayside', party: 'Labour' }],
  officers: [{ name: 'Ruth Hale', email: 'ruth.hale@westmoor.gov.uk', roles: ['senior'] }],
};
// A town council on the town-council pack.
const ashby = resolvePolicy({ council: { name: 'Ashby Magna Town Council', domains: ['ashbymagna-tc.gov.uk'], protocol: 'town-council' } }, 'test');

const CLLR = 'Cllr Dev Rao <cllr.rao@westmoor.gov.uk>';
const OFFICER = 'Ruth Hale <ruth.hale@westmoor.gov.uk>';

runRuleTests('discourteous-tone', {
  policy: westmoor,
  valid: [
    {
      name: 'acronyms, a planning reference and a postcode in capitals',
      why: 'HMO, CIL, S106, ASB and 24/01234/FUL are abbreviations, not shouting',
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nIs the HMO at 4 Dock Road (QU1 2AB, 24/01234/FUL) liable for CIL, and will there be an S106 contribution? The ASB reports are attached.\n\nThanks,\nDev' },
    },
    {
      name: 'a firm but polite chaser with a deadline',
      why: 'a date for a reply is a request, not an aggressive demand',
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nI am disappointed not to have had a reply. I would appreciate an answer by Friday, or an idea of when you can give one.\n\nKind regards,\nDev' },
    },
    {
      name: '"URGENT" in the subject',
      why: 'one word in the subject marks priority; it is not shouting at the reader',
      draft: { from: CLLR, to: OFFICER, subject: 'URGENT: flooding on Mill Lane', body: 'Ruth, water is coming into two houses on Mill Lane. Could someone attend today?\n\nDev' },
    },
    {
      name: "quoting a resident's angry words",
      why: "the capitals and insult are the resident's, relayed by the writer",
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nMrs Ode wrote to me: "YOU PEOPLE ARE USELESS AND NOBODY EVER ANSWERS THE PHONE." Could we look at her case together?\n\nDev' },
    },
    {
      name: 'sympathy that is not aimed at the reader',
      why: 'indignation about what happened to a resident is not an insult to the officer',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI was disgusted to hear what happened to her. It is a disgrace that a family waited so long in temporary housing.\n\nDev' },
    },
    {
      name: 'escalation through the proper route',
      why: 'saying a matter will go to the Chief Executive is what the protocol asks, not a threat',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nIf I have not heard by Friday I will raise this with the Chief Executive.\n\nDev' },
    },
    {
      name: 'a negated insult',
      why: '"not useless" says the opposite',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI know your team is not useless and is under pressure. Could you give me a date for the repair?\n\nDev' },
    },
    {
      name: 'a polite question that uses "sort it out"',
      why: 'a question with "could you" is a request, not an imperative',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth, could you sort it out before the weekend, please?\n\nDev' },
    },
    {
      name: 'a document marking in capitals',
      why: 'PRIVATE AND CONFIDENTIAL and NOT FOR PUBLICATION are markings, not shouting',
      draft: { from: OFFICER, to: CLLR, body: 'PRIVATE AND CONFIDENTIAL - NOT FOR PUBLICATION\n\nDear Cllr Rao,\n\nThe report is attached.\n\nRuth' },
    },
    {
      name: 'a councillor writing to a resident only',
      why: 'the protocols govern councillors and officers; no council person receives it',
      draft: { from: CLLR, to: 'Pat Moss <pat.moss@example.com>', body: 'Pat, THE COUNCIL HAS LET YOU DOWN AND I WILL FIGHT THIS FOR YOU.\n\nDev' },
    },
    {
      name: 'shouting in quoted history only',
      why: 'the capitals are in the message being replied to, not the writer\'s words',
      policy: ashby,
      draft: {
        from: 'Town Clerk <clerk@ashbymagna-tc.gov.uk>',
        to: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>',
        body: 'Dear Amy,\n\nThank you, I will look into it.\n\nClerk\n\n-----Original Message-----\nFrom: Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>\nSubject: bins\n\nTHE BINS HAVE NOT BEEN EMPTIED AGAIN AND I AM FED UP WITH IT.',
      },
    },
  ],
  invalid: [
    (() => {
      const body = 'Ruth,\n\nTHE BINS ON DOCK ROAD HAVE NOT BEEN EMPTIED FOR THREE WEEKS.\n\nI HAVE ASKED YOU TWICE NOW AND NOTHING HAS HAPPENED.\n\nDev';
      const first = 'THE BINS ON DOCK ROAD HAVE NOT BEEN EMPTIED FOR THREE WEEKS';
      const second = 'I HAVE ASKED YOU TWICE NOW AND NOTHING HAS HAPPENED';
      const a = body.indexOf(first);
      const b = body.indexOf(second);
      return {
        name: 'two paragraphs in capitals (crawley)',
        draft: { from: CLLR, to: OFFICER, subject: 'Dock Road bins', body },
        expect: [
          {
            severity: 'warning' as const,
            messageId: 'shouting',
            evidence: { field: 'body' as const, start: a, end: a + first.length, quote: first },
            edits: [
              [
                { kind: 'replaceText' as const, field: 'body' as const, start: a, end: a + first.length, text: 'The bins on Dock Road have not been emptied for three weeks' },
                { kind: 'replaceText' as const, field: 'body' as const, start: b, end: b + second.length, text: 'I have asked you twice now and nothing has happened' },
              ],
            ],
          },
        ],
      };
    })(),
    {
      name: 'a shouted sentence keeps its acronyms in the fix',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nWHY HAS THE HMO LICENCE STILL NOT BEEN ISSUED?\n\nDev' },
      expect: [
        {
          messageId: 'shouting',
          evidence: { quote: 'WHY HAS THE HMO LICENCE STILL NOT BEEN ISSUED' },
          edits: [[{ kind: 'replaceText', field: 'body', start: 7, end: 52, text: 'Why has the HMO licence still not been issued' }]],
        },
      ],
    },
    {
      name: 'an insult aimed at the reader',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nThis is the third complaint and frankly you are useless.\n\nDev' },
      expect: [{ severity: 'warning', messageId: 'insult', evidence: { field: 'body', quote: 'useless' }, edits: [] }],
    },
    {
      name: 'a threat to go to the press',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nIf this is not fixed by Monday I will go to the press.\n\nDev' },
      expect: [{ messageId: 'threat', evidence: { quote: 'I will go to the press' } }],
    },
    {
      name: '"or else" as a threat (embedded default)',
      policy: resolvePolicy({ council: { name: 'your council' } }, 'embedded default', true),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Sam Ray <sam.ray@kirkby.gov.uk>', body: 'Sam,\n\nGet the report to me by noon, or else.\n\nJo' },
      expect: [{ messageId: 'threat', evidence: { quote: 'or else' } }],
    },
    {
      name: 'a shouted demand and a threat in one draft',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nSORT IT OUT. I will make sure every resident knows exactly how your team treats Quayside.\n\nDev' },
      expect: [
        { messageId: 'shouting', evidence: { quote: 'SORT IT OUT' }, edits: [[{ kind: 'replaceText', field: 'body', start: 7, end: 18, text: 'Sort it out' }]] },
        { messageId: 'threat', evidence: { quote: 'I will make sure every resident knows exactly how your' } },
      ],
    },
    {
      name: 'an officer swearing at a councillor (town council)',
      policy: ashby,
      draft: { from: 'Town Clerk <clerk@ashbymagna-tc.gov.uk>', to: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>', body: 'Amy,\n\nI have had enough of your bloody emails about the allotments.\n\nClerk' },
      expect: [{ messageId: 'insult', evidence: { quote: 'bloody' } }],
    },
    {
      name: '"I won\'t be polite about it"',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI will raise this at full council and I won\'t be polite about it.\n\nDev' },
      expect: [{ messageId: 'threat', evidence: { quote: "won't be polite" } }],
    },
    {
      name: 'a demand that starts "I demand"',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI demand a full explanation today.\n\nDev' },
      expect: [{ messageId: 'demand', evidence: { quote: 'I demand' } }],
    },
    {
      name: 'a team called a shambles',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nYour department is an absolute shambles.\n\nDev' },
      expect: [{ messageId: 'insult', evidence: { quote: 'an absolute shambles' } }],
    },
  ],
});

describe('discourteous-tone on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('discourteous-tone');
});
