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
      name: 'a resident’s burial charged at the resident rate, asked about for a constituent',
      draft: mail(DEV, "Mrs Penhale's family say the non-resident fee applies because she moved to her daughter's for her last year. Could you tell me whether she can be charged at the resident rate under the policy?"),
      why: 'The family is a constituent’s, and the councillor asks what the policy allows.',
    },
    {
      name: 'a councillor asks, as any resident could, for a refund under the service terms',
      draft: mail(DEV, "My garden waste bin was missed six times this year. I'd like to ask for a refund of part of this year's £52 subscription under the service terms."),
      why: 'The terms give every resident the refund: nothing special is asked.',
    },
    {
      name: 'a councillor declares a relative’s application and asks for it to go to committee',
      draft: mail(HELEN, "My daughter-in-law has applied for an extension at 9 Mill Lane, and I declare the interest. Family members' applications should be decided by committee rather than under delegated powers, and I'd ask that that happens here."),
      why: 'Asking for the stricter route is the opposite of a favour.',
    },
    {
      name: 'a constituent’s renewal charge, waived “for her”',
      draft: mail(DEV, "Mrs Hart at 4 Quay Street is 88 and has had the £45 renewal letter for the brown bin. Is there any way you could waive it for her this year?"),
      why: 'the charge is a constituent’s, named as hers: casework, not a favour for the writer’s family',
    },
    {
      name: 'a relative’s application, with the hope that it is dealt with in the normal way',
      draft: mail(HELEN, "It's my brother-in-law's application for the annexe. I hope you can deal with it in the normal way; I have declared the link."),
      why: 'asking for normal treatment, with the interest declared, is not asking for it to be hurried',
    },
    { name: 'a word asked about a resident’s fine', why: 'casework for someone else, not the writer’s own charge', draft: mail(DEV, "Could you have a word with the enforcement team about Mrs Khan's fine? She says the sign was missing.") },
    {
      name: 'asking to move a site visit until the writer’s husband is home',
      draft: mail(DEV, 'Could you hold off the site visit until my husband is home on Friday?'),
      why: 'Rearranging a visit is not holding back enforcement or a prosecution for the family.',
    },
    {
      name: 'a council review mentioned before a residents’ group’s fee waiver',
      draft: mail(DEV, "Our Council is having a review of hall charges. Could the fee be waived for the Brookside residents' group?"),
      why: '"Our Council is having" is not a family event: the fee is the residents’ group’s.',
    },
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
    // Near misses of the kinds real drafts showed (the favours below, asked for properly or not at all).
    {
      name: 'asking how to appeal one’s own parking fine',
      draft: mail(DEV, 'I got a parking fine outside the depot on Tuesday. Could you tell me how to appeal it?'),
      why: 'Asking for the route open to any resident is not a favour.',
    },
    {
      name: 'declaring an interest in a relative’s application and stepping back',
      draft: mail(HELEN, "My son-in-law has applied for planning permission at 4 Mill Row. I've declared an interest and won't take part in the decision."),
      why: 'Declaring the interest and stepping back asks for nothing.',
    },
    {
      name: 'a negated waiver with a contraction (“I won’t be asking …”)',
      draft: mail(DEV, "My daughter's wedding reception is in Quay Park in June. I won't be asking for the hire fee to be waived; please just send me the booking form."),
      why: '"won\'t" negates the waiver: the councillor asks only for the form.',
    },
    {
      name: 'a constituent’s request for a waiver passed on',
      draft: mail(DEV, 'Mrs Patel asked whether the fee for her son’s party in the community hall could be waived. Could you tell me the policy on concessions?'),
      why: 'The resident asks; the councillor asks about policy.',
    },
    {
      name: 'asking about the housing list in general',
      draft: mail(HELEN, 'My friend Sarah is on the housing register. Could you explain how the list is prioritised so that I can tell her what to expect?'),
      why: 'A question about the process, not a request to move her up.',
    },
    {
      name: 'a club the councillor chairs asks for the usual booking, with the stake declared',
      draft: mail(DEV, "As you know, I'm chair of the Quayside Bowls Club. Could you send the club the booking form for next season? I will leave the decision on rates to you."),
      why: 'A stake is declared, but the request is for a form at the normal rate: nothing special is asked.',
    },
    {
      name: 'special treatment asked for a constituent, not for the writer',
      draft: mail(DEV, "A constituent of mine runs the Quayside Bowls Club. Could their booking quietly be kept off the new charges?"),
      why: 'The club is a constituent’s: casework, however it is worded, is not a favour for the writer.',
    },
  ],
  invalid: [
    {
      name: 'a parent’s burial put through at the resident rate, the parent named as Mum',
      draft: mail(DEV, "The funeral is on the 22nd and we'd like Mum to go in with Dad. The undertaker says the non-resident fee applies. Could you just put it through at the resident rate?"),
      expect: [{ messageId: 'cancelCharge' }],
    },
    {
      name: 'a passive request for a nephew’s party hire charge to be let go “this once”',
      draft: mail(DEV, "My nephew's engagement party is on Saturday 6 March and the family would like the big room at Quay Hall. Between us, could the hire charge be let go this once?"),
      expect: [{ messageId: 'cancelCharge' }],
    },
    {
      name: 'a question that asks for the councillor’s own amendment to be signed off this week',
      draft: mail(HELEN, "I've put in a small amendment to our rear extension at 14 Sowerby Close. Surely something this minor can just be signed off under delegated powers this week?"),
      expect: [{ messageId: 'expedite' }],
    },
    {
      name: 'special treatment for a club the writer is president of, asked after the stake',
      draft: mail(DEV, "The Quayside Bowls Club has had the small room on Tuesdays for years. I'm club president, and we haven't the money. Could you quietly keep our Tuesday slot off the list when the charges come in?"),
      expect: [{ messageId: 'specialTreatment' }],
    },
    {
      name: 'the favour in the sentence after the request (“No need to go through the appeal …”)',
      draft: mail(DEV, "My grandson Alfie was turned down for Quay Primary. I'd be grateful if you could look at it again. No need to go through the appeal if it can be sorted between us."),
      expect: [{ messageId: 'specialTreatment' }],
    },
    {
      name: 'a relative’s application pushed to the front',
      draft: mail(DEV, "My son-in-law Ryan has put in a variation to extend the hours at the Cross Keys. Is there any way you could push it to the front so it's done by Easter?"),
      expect: [{ messageId: 'expedite' }],
    },
    {
      name: 'a mother’s renewal charge, waived “for her” (the charge named the sentence before)',
      draft: mail(DEV, "Quick one - my mother is 88 and has just had the £45 renewal letter for the brown bin. Is there any way you could just waive it for her this year?"),
      expect: [{ messageId: 'cancelCharge', evidence: body('Is there any way you could just waive it for her this year?') }],
    },
    {
      name: 'a brother-in-law’s application, hoped through under delegated powers and kept moving',
      draft: mail(HELEN, "It's my brother-in-law Rob's application for the annexe. It would be lovely if it could go through under delegated powers rather than waiting for the October committee."),
      expect: [{ messageId: 'expedite', evidence: body('It would be lovely if it could go through under delegated powers rather than waiting for the October committee.') }],
    },
    {
      name: 'the writer’s own parking tickets asked to “quietly disappear”',
      draft: mail(DEV, "I'd be grateful if the two parking tickets I picked up outside the depot could quietly disappear."),
      expect: [{ messageId: 'cancelCharge' }],
    },
    {
      name: 'a flat asked for an old friend’s family',
      draft: mail(DEV, "My oldest friend's family have been on the housing list for two years; could you see your way to getting them into one of the new flats?"),
      expect: [{ messageId: 'specialTreatment' }],
    },
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
    // Kinds real drafts showed and the first version missed.
    {
      name: 'a hire fee waived for the councillor’s daughter’s wedding reception in the park',
      draft: mail(DEV, "Could you waive the hire fee for my daughter's wedding reception in Quay Park next month?"),
      expect: [{ messageId: 'cancelCharge', evidence: body("Could you waive the hire fee for my daughter's wedding reception in Quay Park next month?") }],
    },
    {
      name: 'a booking charge for a son’s party, the son named in the sentence before',
      draft: mail(DEV, 'My son is having his eighteenth in the community hall on Saturday. Is there any way the booking charge could be waived?'),
      expect: [{ messageId: 'cancelCharge', evidence: body('Is there any way the booking charge could be waived?') }],
    },
    {
      name: 'moving a friend’s family up the housing list',
      draft: mail(HELEN, "Could you move my friend's family up the housing list? They have been waiting three years."),
      expect: [{ messageId: 'expedite', evidence: body("Could you move my friend's family up the housing list?") }],
    },
    {
      name: 'a family “like my own”, then “could they be moved further up the list”',
      draft: mail(HELEN, 'Kayleigh is family to me in all but name. She and her partner are on the register for a three-bed. Could you see whether they could be moved further up the list?'),
      expect: [{ messageId: 'expedite', evidence: body('Could you see whether they could be moved further up the list?') }],
    },
    {
      name: 'asking the planning officer to look kindly on an application on the councillor’s own land',
      draft: mail(HELEN, "I'd be grateful if you could look kindly on the barn conversion application on my own land at Hill Farm."),
      expect: [{ messageId: 'expedite', evidence: body("I'd be grateful if you could look kindly on the barn conversion application on my own land at Hill Farm.") }],
    },
    {
      name: 'a family application decided under delegated powers instead of at committee, pointed back to',
      draft: mail(HELEN, "You'll have seen the turbine application at Lower Saltings. That's my family's land. Is there any way it can be dealt with under delegated powers instead?"),
      expect: [{ messageId: 'expedite', evidence: body('Is there any way it can be dealt with under delegated powers instead?') }],
    },
    {
      name: 'writing off the councillor’s own council tax arrears',
      draft: mail(DEV, 'Could you write off my council tax arrears from last year?'),
      expect: [{ messageId: 'cancelCharge', evidence: body('Could you write off my council tax arrears from last year?') }],
    },
    {
      name: 'a son’s parking fines written off',
      draft: mail(DEV, "Could you get my son's parking fines written off?"),
      expect: [{ messageId: 'cancelCharge', evidence: body("Could you get my son's parking fines written off?") }],
    },
    {
      name: 'a ticket with no “I” (“Got a ticket …”) voided outside the appeals process',
      draft: mail(HELEN, "Got a ticket outside the Guildhall on Tuesday night. Can you get the parking team to void it like they always used to for members?"),
      expect: [{ messageId: 'cancelCharge', evidence: body('Can you get the parking team to void it like they always used to for members?') }],
    },
  ],
});

describe(`${ID} on the Northbridge corpus`, () => {
  itFiresOnItsCorpusLabels(ID);
});
