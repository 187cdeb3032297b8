import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';

const ID = 'favour-seeking';

// A borough citing tower-hamlets, whose 3.2 names the parking-ticket favour; one councillor
// writes from an approved personal address.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'tower-hamlets' },
  councillors: [
    {
      name: 'Ruth Penrose',
      email: 'cllr.ruth.penrose@westmoor.gov.uk',
      personalEmails: ['ruthpenrose@btinternet.com'],
      approvedPersonalEmails: ['ruthpenrose@btinternet.com'],
      ward: 'Quayside',
    },
  ],
  officers: [
    { name: 'Dev Anand', email: 'dev.anand@westmoor.gov.uk', roles: [] },
    { name: 'Helen Maitland', email: 'helen.maitland@westmoor.gov.uk', roles: ['senior'] },
  ],
};
const hallow: PolicyFile = {
  council: { name: 'Hallow Town Council', domains: ['hallow-tc.gov.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Peter Shaw', email: 'cllr.shaw@hallow-tc.gov.uk' }],
  officers: [{ name: 'Maria Costa', email: 'clerk@hallow-tc.gov.uk', roles: ['senior', 'chief-executive'] }],
};
const westmoorPolicy = resolvePolicy(westmoor, 'westmoor test policy');
const hallowPolicy = resolvePolicy(hallow, 'hallow test policy');
const embedded = embeddedDefaultPolicy();

const RUTH = 'Cllr Ruth Penrose <cllr.ruth.penrose@westmoor.gov.uk>';
const RUTH_HOME = 'Ruth Penrose <ruthpenrose@btinternet.com>';
const DEV = 'Dev Anand <dev.anand@westmoor.gov.uk>';
const HELEN = 'Helen Maitland <helen.maitland@westmoor.gov.uk>';

const mail = (to: string, text: string, from = RUTH) => ({
  from,
  to,
  subject: 'A query',
  body: `Hi ${to.split(' ')[0]},\n\n${text}\n\nThanks,\nRuth`,
});
const body = (sentence: string) => ({ field: 'body' as const, quote: sentence });

runRuleTests(ID, {
  policy: westmoorPolicy,
  valid: [
    {
      name: 'declaring a relative’s application and asking for normal treatment',
      draft: mail(HELEN, 'My brother has submitted a householder application for 31 Kings Avenue. I will not be involved in it, and I would ask that it is dealt with exactly as any other application would be.'),
      why: 'Asking for normal treatment is not a favour.',
    },
    {
      name: 'asking for a constituent’s ticket to be reviewed',
      draft: mail(DEV, "Could you look again at Mrs Hart's parking ticket? The signs at Quay Street were covered by scaffolding."),
      why: 'Casework for a constituent is not a personal favour (it may be other rules’ business).',
    },
    {
      name: 'cancelling a constituent’s ticket “for me”',
      draft: mail(DEV, "Could you cancel Mrs Hart's parking ticket for me? The signs were covered."),
      why: 'The ticket is the resident’s: "for me" is a figure of speech.',
    },
    {
      name: 'asking about one’s own council tax bill in the normal way',
      draft: mail(DEV, 'I have had my council tax bill for the year. Could you tell me how the band was worked out?'),
      why: 'A question about one’s own bill asks for nothing to be cancelled or waived.',
    },
    {
      name: 'saying no special treatment is wanted',
      draft: mail(HELEN, "I got a parking ticket at the depot last week. I'm not expecting any special treatment and I will pay it."),
      why: 'The favour is negated.',
    },
    {
      name: '“do me a favour and send …” is an idiom',
      draft: mail(DEV, 'Could you do me a favour and send me the agenda for Thursday?'),
      why: 'An everyday idiom for a work request, not a personal favour.',
    },
    {
      name: 'a resident’s request passed on',
      draft: mail(DEV, "Mr Lowe has asked whether his fee could be waived because he is a pensioner. Could you tell me the council's policy on concessions?"),
      why: 'The resident asks; the councillor asks about policy.',
    },
    {
      name: 'an officer asking a colleague to waive their own fee',
      draft: mail(DEV, 'Could you waive my fee for the staff car park this month?', HELEN),
      why: 'The rule is about councillors seeking favours from officers.',
    },
    {
      name: 'paying one’s own penalty (embedded default)',
      draft: mail('Parking Services <parking@eastshire.gov.uk>', 'I got a PCN on Tuesday. Could you tell me how to pay it online?', 'Cllr Tom Hale <tom.hale@eastshire.gov.uk>'),
      policy: embedded,
      why: 'Asking how to pay asks for no favour.',
    },
  ],
  invalid: [
    {
      name: 'asking for one’s own parking ticket to be cancelled, from an approved personal address',
      draft: mail(DEV, "I got a parking ticket in the Quay Street car park on Tuesday. I know it's a cheek, but is there any way you could cancel it for me?", RUTH_HOME),
      expect: [{ severity: 'warning', messageId: 'cancelCharge', evidence: body("I know it's a cheek, but is there any way you could cancel it for me?"), edits: [] }],
    },
    {
      name: 'a favour put as “I wondered whether you could …”',
      draft: mail(DEV, 'I got a PCN outside the depot on Tuesday and wondered whether you could cancel it for me.'),
      expect: [{ messageId: 'cancelCharge', evidence: body('I got a PCN outside the depot on Tuesday and wondered whether you could cancel it for me.') }],
    },
    {
      name: 'asking for “my PCN” to be withdrawn',
      draft: mail(DEV, 'Could you have my PCN withdrawn? I was only there for ten minutes.'),
      expect: [{ messageId: 'cancelCharge', evidence: body('Could you have my PCN withdrawn?') }],
    },
    {
      name: 'asking for a fee to be waived for the councillor’s daughter (embedded default)',
      draft: mail('Leisure Bookings <bookings@eastshire.gov.uk>', "Would you be able to waive my daughter's hire fee for the sports hall?", 'Cllr Tom Hale <tom.hale@eastshire.gov.uk>'),
      policy: embedded,
      expect: [{ messageId: 'cancelCharge', evidence: body("Would you be able to waive my daughter's hire fee for the sports hall?") }],
    },
    {
      name: 'asking to expedite one’s own planning application',
      draft: mail(HELEN, 'Could you expedite my planning application? The builders are booked for June.'),
      expect: [{ severity: 'warning', messageId: 'expedite', evidence: body('Could you expedite my planning application?') }],
    },
    {
      name: 'a relative’s application, fast-tracked, referred back with a pronoun',
      draft: mail(HELEN, 'My son has applied for a premises licence for his cafe. Is there any way it could be fast-tracked?'),
      expect: [{ messageId: 'expedite', evidence: body('Is there any way it could be fast-tracked?') }],
    },
    {
      name: 'a town councillor asks the clerk to look favourably on a friend’s allotment request',
      draft: mail('Maria Costa <clerk@hallow-tc.gov.uk>', 'Could you look favourably on my neighbour’s allotment request?', 'Cllr Peter Shaw <cllr.shaw@hallow-tc.gov.uk>'),
      policy: hallowPolicy,
      expect: [{ messageId: 'expedite', evidence: body('Could you look favourably on my neighbour’s allotment request?') }],
    },
    {
      name: 'asking for special treatment for one’s own business',
      draft: mail(HELEN, 'My company has a tender in with procurement. I would appreciate a little special treatment for us, given everything I do for the council.'),
      expect: [{ messageId: 'specialTreatment', evidence: body('I would appreciate a little special treatment for us, given everything I do for the council.') }],
    },
    {
      name: 'asking for a late payment charge on one’s own bill to be dropped',
      draft: mail(DEV, "I've been charged a late payment surcharge on my garden waste bill. Please could you drop it?"),
      expect: [{ messageId: 'cancelCharge', evidence: body('Please could you drop it?') }],
    },
  ],
});

describe(`${ID} on the Northbridge corpus`, () => {
  itFiresOnItsCorpusLabels(ID);
});
