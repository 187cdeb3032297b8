import { describe, expect, it } from 'vitest';
import { checkAsCli } from '../../../tests/helpers/check-as-cli.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { makeDraft, runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A borough on the crawley protocol.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Asha Verma', email: 'asha.verma@westmoor.gov.uk', ward: 'Quarry', party: 'Labour', roles: ['cabinet'] },
    { name: 'Bill Trent', email: 'bill.trent@westmoor.gov.uk', ward: 'Quarry', party: 'Conservative' },
  ],
  officers: [{ name: 'Dan Hale', email: 'dan.hale@westmoor.gov.uk', roles: ['senior'] }],
};
// A town council on the town-council protocol (which has no paragraph for this rule).
const ashcombe: PolicyFile = {
  council: { name: 'Ashcombe Town Council', domains: ['ashcombe-tc.org.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Rose Penhale', email: 'cllr.penhale@ashcombe-tc.org.uk' }],
  officers: [{ name: 'Glyn Evans', email: 'clerk@ashcombe-tc.org.uk' }],
};
const WESTMOOR = resolvePolicy(westmoor, 'westmoor test policy');
const ASHCOMBE = resolvePolicy(ashcombe, 'ashcombe test policy');
const DEFAULT = embeddedDefaultPolicy();

const toResident = (body: string) => ({
  from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
  to: 'Jean Moss <jean.moss@gmail.com>',
  subject: 'Re: Your fence',
  body: `Dear Mrs Moss,\n\n${body}\n\nBest wishes,\n\nAsha Verma\nQuarry Ward`,
});
const toContractor = (body: string) => ({
  from: 'Bill Trent <bill.trent@westmoor.gov.uk>',
  to: 'Contracts <contracts@clearwaywaste.co.uk>',
  subject: 'Rounds in Quarry ward',
  body: `Dear Mr Ferris,\n\n${body}\n\nYours sincerely,\n\nCllr Bill Trent`,
});

const refund = toResident('I can confirm that the Council will refund your permit fee in full.');
const refundAt = refund.body.indexOf('I can confirm');
const refundVerb = refund.body.indexOf('refund your');
const townPays = {
  from: 'Rose Penhale <cllr.penhale@ashcombe-tc.org.uk>',
  to: 'Ali Shah <ali@shahbakery.co.uk>',
  subject: 'Bench',
  body: 'Dear Ali,\n\nThe town council will pay for a new bench outside your shop.\n\nRose',
};
const townAt = townPays.body.indexOf('The town council');
const named = toResident('Westmoor Borough Council will refund your permit fee.');
const namedAt = named.body.indexOf('Westmoor Borough');
const toDeveloper = (body: string) => ({ ...toContractor(body), to: 'Paul Kersey <paul.kersey@harlandhomes.co.uk>', subject: 'Saltings Meadow phasing' });
const hall = { ...toResident('If the redevelopment goes ahead, the council will provide your association with a replacement room, rent-free.'), to: 'Residents Association <chair@quarryra.org.uk>' };
const hallAt = hall.body.indexOf('the council will provide');

runRuleTests('official-letter-from-member', {
  policy: WESTMOOR,
  valid: [
    {
      name: 'a councillor says officers will be asked whether the council would sell, and at what price',
      draft: toContractor('I will ask officers whether the council would sell the verge strip, and at what price. The council will accept comments on the plan until Friday.'),
      why: 'Asking officers commits nobody; accepting comments is a fact about a consultation.',
    },
    { name: 'the councillor has raised it with officers', why: 'reporting one’s own request to officers commits the council to nothing', draft: toResident('I have raised this with the council’s estates team and asked whether they can repair the fence.') },
    { name: 'the councillor will ask officers to look into it', why: 'a promise to ask is the councillor’s own, not the council’s', draft: toResident('I will ask officers to look into it and let you know what they say.') },
    { name: 'the council’s policy described', why: 'a statement of the rules is not an undertaking', draft: toResident('Under the Council’s policy, the Council will refund the fee when a bin is missed three times.') },
    { name: 'a decision officers already made, reported', why: 'reported speech: the officer decided, the councillor passes it on', draft: toResident('Officers have confirmed that the Council will refund your permit fee.') },
    { name: 'an officer makes the commitment', why: 'an officer with delegated authority may commit the council', draft: { ...refund, from: 'Dan Hale <dan.hale@westmoor.gov.uk>' } },
    { name: 'a hope, not a promise', why: '"I hope the Council will…" is tentative', draft: toResident('I hope the Council will waive the fee this year, and I will press for it.') },
    { name: 'a negated promise', why: '"I can’t promise that…" is the opposite of a promise', draft: toResident('I can’t promise that the Council will refund you, but I will ask.') },
    { name: 'thanks on behalf of the council', why: '"on behalf of the Council" with no instruction or obligation is courtesy', draft: toResident('On behalf of the Council, thank you for organising the litter pick.') },
    { name: 'news of planned works, not a promise to the reader', why: 'works verbs count only when promised to "you"', draft: toResident('The Council will resurface Mill Road in May.') },
    { name: 'a councillor urges the council', why: '"I would urge the Council to refund you" asks; it does not promise', draft: toResident('I would urge the Council to refund you, and I will raise it at Cabinet.') },
    { name: 'a councillor passes on what she was told', why: '"I’m told the council will refund you" reports someone else’s decision', draft: toResident('I’m told the council will refund you by the end of the month.') },
    {
      name: 'the same words to an officer',
      why: 'internal discussion between a councillor and an officer is not an official letter',
      draft: { ...toContractor('I am instructing you to suspend the rounds.'), to: 'Dan Hale <dan.hale@westmoor.gov.uk>' },
    },
    { name: 'a councillor asks officers to instruct the contractor', why: 'asking officers to act leaves the instruction with them', draft: toContractor('I have asked officers to instruct you to send an additional crew to Quarry Lane.') },
    { name: 'permission to quote a statement', why: '"happy for you to use" a comment is not permission to build or start work', draft: { ...toResident('Happy for you to use all or part of my comment.'), to: 'News <news@westmoorpost.co.uk>' } },
    { name: 'a negated promise with contractions', why: '"I can\'t say the council won\'t take action" promises nothing', draft: toResident("I can't say the council won't take enforcement action against you, but I'll ask officers.") },
    { name: 'a permission the councillor withholds', why: '"You can\'t start" is the opposite of permission', draft: toDeveloper("You can't start on site until officers have approved the plans.") },
    { name: 'a charge-free day, not a promise to the reader', why: 'no "you" in the sentence: news of a scheme, not an undertaking', draft: toResident('There will be no charge for parking on Sundays.') },
    { name: 'an officer instructs the contractor', why: 'an officer with delegated authority may instruct the council\'s contractor', draft: { ...toContractor('Please send an additional crew to Quarry Lane tomorrow and clear the backlog.'), from: 'Dan Hale <dan.hale@westmoor.gov.uk>' } },
  ],
  invalid: [
    {
      name: 'a councillor tells a land agent the council will sell its verge strip at a price, agreed in principle',
      draft: toContractor("The council owns the verge strip you need, and I can tell you the council will sell it to your client for £40k. Take this as agreed in principle."),
      expect: [{ messageId: 'commitsCouncil' }, { messageId: 'commitsCouncil' }],
    },
    {
      name: 'a contractor told to bill the councillor and that the council will settle it',
      draft: toContractor('Please send the invoice for the bench straight to me and the council will settle it.'),
      expect: [{ messageId: 'instructsOnBehalf' }],
    },
    {
      name: 'a councillor promises a refund for the Council (with a fix)',
      draft: refund,
      expect: [
        {
          severity: 'warning',
          messageId: 'commitsCouncil',
          evidence: { field: 'body', quote: 'I can confirm that the Council will refund' },
          edits: [[{ kind: 'replaceText', field: 'body', start: refundAt, end: refundVerb, text: 'I will ask officers whether the Council can ' }]],
        },
      ],
    },
    {
      name: 'a cabinet member instructs a contractor on behalf of the Council',
      draft: toContractor('On behalf of the Council, I am instructing you to suspend the Quarry rounds for two weeks.'),
      expect: [{ severity: 'warning', messageId: 'instructsOnBehalf', evidence: { field: 'body', quote: 'On behalf of the Council' }, edits: [] }],
    },
    { name: 'a fee waived outright', draft: toResident('There will be no charge for your permit next year.'), expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'There will be no charge' }, edits: [] }] },
    { name: 'a developer told what to do', draft: toContractor('You are hereby instructed to stop work on the site until further notice.'), expect: [{ messageId: 'instructsOnBehalf', evidence: { quote: 'You are hereby instructed to' } }] },
    { name: 'a quotation accepted', draft: toContractor('I accept your quotation of £4,500 for the repairs to the pavilion roof.'), expect: [{ messageId: 'agreesContract', evidence: { quote: 'I accept your quotation' } }] },
    { name: 'an email offered as the instruction', draft: toContractor('Please treat this email as the Council’s instruction to proceed.'), expect: [{ messageId: 'instructsOnBehalf', evidence: { quote: 'treat this email as the Council’s instruction' } }] },
    { name: '"we will reimburse" from a councillor', draft: toResident('We will reimburse your costs for the damaged tyre.'), expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'We will reimburse' } }] },
    { name: 'the councillor will make sure the council repairs the fence', draft: toResident('I will make sure the council repairs your fence before the summer.'), expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'I will make sure' }, edits: [] }] },
    { name: 'officers instructed to waive a fee', draft: toResident('I have instructed officers to waive your fee.'), expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'I have instructed' } }] },
    { name: 'a decision taken by the councillor', draft: toResident('I am authorising the removal of the tree outside your house.'), expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'I am authorising' } }] },
    { name: 'a supplier told to start the works', draft: toContractor('Please go ahead with the works on Monday.'), expect: [{ messageId: 'instructsOnBehalf', evidence: { quote: 'go ahead with the works' } }] },
    {
      name: 'a town councillor commits the town council to paying (cites other councils’ protocols)',
      policy: ASHCOMBE,
      draft: townPays,
      expect: [
        {
          messageId: 'commitsCouncil',
          evidence: { quote: 'The town council will pay for' },
          edits: [[{ kind: 'replaceText', field: 'body', start: townAt, end: townAt + 'The town council will '.length, text: 'I will ask officers whether the Council can ' }]],
        },
      ],
    },
    {
      name: 'a councillor identified by "Cllr" under the embedded default',
      policy: DEFAULT,
      draft: { from: 'Cllr Ann Lowe <ann.lowe@eastshire.gov.uk>', to: 'Mo Khan <mo.khan@outlook.com>', subject: 'Permit', body: 'Dear Mr Khan,\n\nYou have my approval to go ahead with the dropped kerb.\n\nAnn' },
      expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'You have my approval' } }],
    },
    {
      name: 'the council named in full commits to a refund (the fix rewords the whole name)',
      draft: named,
      expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'Westmoor Borough Council will refund' }, edits: [[{ kind: 'replaceText', field: 'body', start: namedAt, end: named.body.indexOf('refund your'), text: 'I will ask officers whether the Council can ' }]] }],
    },
    { name: 'permission to a developer on the council\'s behalf', draft: toDeveloper('You can take it that the council is content for you to build the first 250 homes before the link road opens.'), expect: [{ messageId: 'commitsCouncil', evidence: { quote: 'You can take it that' } }] },
    { name: 'a start on site permitted', draft: toDeveloper("I'm happy for you to start on site on Monday."), expect: [{ messageId: 'commitsCouncil', evidence: { quote: "I'm happy for you to start" } }] },
    { name: 'a contractor told to send a crew', draft: toContractor('Please send an additional crew to Quarry Lane tomorrow and clear the backlog.'), expect: [{ messageId: 'instructsOnBehalf', evidence: { quote: 'send an additional crew' } }] },
    { name: 'the council billed by the councillor', draft: toContractor('Invoice the council for the extra crew in the usual way.'), expect: [{ messageId: 'instructsOnBehalf', evidence: { quote: 'Invoice the council' } }] },
    { name: 'an email offered as the go-ahead', draft: toContractor('Treat this email as your go-ahead.'), expect: [{ messageId: 'instructsOnBehalf', evidence: { quote: 'Treat this email as your go-ahead' } }] },
    { name: 'a price agreed', draft: toContractor("That price is fine, so let's go with your quote."), expect: [{ messageId: 'agreesContract', evidence: { quote: 'That price is fine' } }] },
    { name: 'no enforcement promised, with a contraction', draft: toResident("The council won't be taking any enforcement action against you."), expect: [{ messageId: 'commitsCouncil', evidence: { quote: "The council won't be taking" }, edits: [] }] },
    {
      name: 'a replacement room promised to a residents\' association (with a fix)',
      draft: hall,
      expect: [
        {
          messageId: 'commitsCouncil',
          evidence: { quote: 'the council will provide' },
          edits: [[{ kind: 'replaceText', field: 'body', start: hallAt, end: hallAt + 'the council will '.length, text: 'I will ask officers whether the Council can ' }]],
        },
      ],
    },
  ],
});

describe('official-letter-from-member citations', () => {
  it('marks another council’s paragraphs when the town council has none', () => {
    const f = checkAsCli(makeDraft(townPays), ASHCOMBE).find((x) => x.rule === 'official-letter-from-member')!;
    expect(f.citations.every((c) => c.otherCouncil)).toBe(true);
  });
});

describe('official-letter-from-member on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('official-letter-from-member');
});
