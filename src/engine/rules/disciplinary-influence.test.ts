import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';

const ID = 'disciplinary-influence';

const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'district-model' },
  councillors: [
    { name: 'Ruth Penrose', email: 'cllr.ruth.penrose@westmoor.gov.uk', ward: 'Quayside' },
    { name: 'Imran Qureshi', email: 'cllr.imran.qureshi@westmoor.gov.uk', ward: 'Hillfoot' },
  ],
  officers: [
    { name: 'Helen Maitland', email: 'helen.maitland@westmoor.gov.uk', roles: ['senior'] },
    { name: 'Carl Dunn', email: 'carl.dunn@westmoor.gov.uk', roles: [] },
    { name: 'Democratic Services', email: 'democratic.services@westmoor.gov.uk', roles: [] },
  ],
};
const hallow: PolicyFile = {
  council: { name: 'Hallow Town Council', domains: ['hallow-tc.gov.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Peter Shaw', email: 'cllr.shaw@hallow-tc.gov.uk' }],
  officers: [
    { name: 'Maria Costa', email: 'clerk@hallow-tc.gov.uk', roles: ['senior', 'chief-executive'] },
    { name: 'Lee Walsh', email: 'lee.walsh@hallow-tc.gov.uk', roles: [] },
  ],
};
const westmoorPolicy = resolvePolicy(westmoor, 'westmoor test policy');
const hallowPolicy = resolvePolicy(hallow, 'hallow test policy');
const embedded = embeddedDefaultPolicy();

const RUTH = 'Cllr Ruth Penrose <cllr.ruth.penrose@westmoor.gov.uk>';
const HELEN = 'Helen Maitland <helen.maitland@westmoor.gov.uk>';
const CARL = 'Carl Dunn <carl.dunn@westmoor.gov.uk>';

const mail = (to: string, text: string, from = RUTH, subject = 'Depot') => ({
  from,
  to,
  subject,
  body: `Dear ${to.split(' ')[0]},\n\n${text}\n\nBest wishes,\n\nRuth\n\nCllr Ruth Penrose\nQuayside Ward`,
});
const body = (sentence: string) => ({ field: 'body' as const, quote: sentence });

runRuleTests(ID, {
  policy: westmoorPolicy,
  valid: [
    {
      name: 'a concern about an officer’s handling raised privately with the director',
      draft: mail(HELEN, "A resident tells me the officer dealing with her case was short with her on the phone. I'd be grateful if you could look into how the call was handled."),
      why: 'Raising a concern with the director and leaving it to them is the proper route.',
    },
    {
      name: 'asking whether action has been taken',
      draft: mail(HELEN, "I understand you can't tell me about any disciplinary action, but could you let me know whether the missed collections have been addressed?"),
      why: 'district-model 15.6: Members have a right to know whether action was taken.',
    },
    {
      name: 'asking HR about the process for councillors as employer',
      draft: mail(HELEN, 'What is the process for councillors when a disciplinary appeal comes to the Employment Committee?', RUTH, 'Employment Committee'),
      why: 'A question about process, in general.',
    },
    {
      name: 'a panel member writing through Democratic Services about arrangements',
      draft: mail('Democratic Services <democratic.services@westmoor.gov.uk>', 'As a member of the appeals panel for the disciplinary appeal hearing on 12 May, could you send me the papers and confirm the room?'),
      why: 'A panel member dealing with arrangements through the proper channel presses for no outcome.',
    },
    {
      name: 'a councillor declines to act as friend and points to the union',
      draft: mail(CARL, "I'm sorry to hear about your hearing. I can't come with you as your friend, but your union rep or a colleague can. I have passed your message to the Chief Executive."),
      why: 'The offer is negated, and the approach is referred on (surrey-heath 4.15).',
    },
    {
      name: 'telling an officer who may accompany them',
      draft: mail(CARL, 'You can bring a colleague or your union representative as your companion at the hearing.'),
      why: 'The writer does not offer to be the companion.',
    },
    {
      name: 'a resident’s wish for a sanction passed on without endorsement',
      draft: mail(HELEN, 'The residents at Kingsmead Court want the supervisor sacked. I have told them that staffing is a matter for you.'),
      why: 'The residents press for the sanction; the councillor does not.',
    },
    {
      name: 'a negated sanction',
      draft: mail(HELEN, "I'm not asking for anyone to be disciplined; I just want the round put right."),
      why: 'The councillor says they are not pressing for discipline.',
    },
    {
      name: 'an officer recommending a sanction to HR',
      draft: mail('HR Advice <hr.advice@westmoor.gov.uk>', 'I think a final written warning is the appropriate outcome of the investigation.', HELEN),
      why: 'Officers manage discipline; the rule is about councillors.',
    },
    {
      name: 'a fire safety concern is not a dismissal',
      draft: mail(HELEN, 'I want the fire doors at the depot checked before the staffing changes take effect.'),
      why: '"fire" as in fire doors is not a sanction.',
    },
    // Near misses of the kinds real drafts showed.
    {
      name: 'declining to act as companion, with the negation carried over “or”',
      draft: mail(CARL, "I'm afraid I can't come with you to the meeting on Thursday or act as your companion. Your union rep or a colleague can support you."),
      why: 'The offer is negated ("can\'t … or act as"), and the officer is pointed to the union.',
    },
    {
      name: '“I didn’t ask for him to be sacked”',
      draft: mail(HELEN, "I didn't ask for the supervisor to be sacked, and I won't be pressing for any particular outcome of the disciplinary."),
      why: 'Both the sanction and the pressing are negated with contractions.',
    },
    {
      name: 'asking for information after a complaint',
      draft: mail(HELEN, 'Following my complaint about the missed collections, could you let me know whether the disciplinary process has concluded?'),
      why: 'district-model 15.6: asking whether action was taken is a Member’s right.',
    },
    {
      name: 'a housing register reference is not HR',
      draft: mail(HELEN, 'The family are on the housing register (ref HR/2291/4). Could you have a quiet word with the allocations team about their banding?'),
      why: 'No staffing matter: "HR/2291" is a reference number, and a quiet word is not leniency.',
    },
  ],
  invalid: [
    {
      name: 'pressing for a final written warning',
      draft: mail(HELEN, 'I understand the supervisor is being dealt with under your disciplinary procedure. In my view a final written warning is the least this calls for, and I would like your assurance that this will be the outcome.'),
      expect: [
        {
          severity: 'warning',
          messageId: 'influenceOutcome',
          evidence: body('In my view a final written warning is the least this calls for, and I would like your assurance that this will be the outcome.'),
          edits: [],
        },
      ],
    },
    {
      name: 'saying an officer should be sacked (embedded default)',
      draft: mail('Dan Price <dan.price@eastshire.gov.uk>', 'Frankly the enforcement officer who handled this should be sacked.', 'Cllr Tom Hale <tom.hale@eastshire.gov.uk>'),
      policy: embedded,
      expect: [{ messageId: 'influenceOutcome', evidence: body('Frankly the enforcement officer who handled this should be sacked.') }],
    },
    {
      name: 'insisting that an officer is disciplined',
      draft: mail(HELEN, 'I expect to see the officer concerned disciplined for this.'),
      expect: [{ messageId: 'influenceOutcome', evidence: body('I expect to see the officer concerned disciplined for this.') }],
    },
    {
      name: 'lobbying for leniency at a hearing',
      draft: mail(HELEN, "Carl Dunn has his disciplinary hearing on Thursday. He is a hard worker and I hope you'll take that into account."),
      expect: [{ messageId: 'influenceOutcome', evidence: body("He is a hard worker and I hope you'll take that into account.") }],
    },
    {
      name: 'offering to act as an officer’s friend at a hearing',
      draft: mail(CARL, "I'm sorry to hear about the disciplinary hearing. I'm happy to come with you to the hearing as your friend and to speak up for you."),
      expect: [{ severity: 'warning', messageId: 'actAsFriend', evidence: body("I'm happy to come with you to the hearing as your friend and to speak up for you."), edits: [] }],
    },
    {
      name: 'offering to represent an officer in a grievance (town council)',
      draft: mail('Lee Walsh <lee.walsh@hallow-tc.gov.uk>', 'About your grievance: I would be glad to represent you at the meeting with the clerk.', 'Cllr Peter Shaw <cllr.shaw@hallow-tc.gov.uk>'),
      policy: hallowPolicy,
      expect: [{ messageId: 'actAsFriend', evidence: body('About your grievance: I would be glad to represent you at the meeting with the clerk.') }],
    },
    {
      name: 'offering to have a word with the officer’s manager about a capability review (embedded default)',
      draft: mail('Kim Lowe <kim.lowe@northvale.gov.uk>', "Leave it with me: I'll have a quiet word with your manager before the capability review.", 'Councillor Ann Bright <ann.bright@northvale.gov.uk>'),
      policy: embedded,
      expect: [{ messageId: 'actAsFriend', evidence: body("Leave it with me: I'll have a quiet word with your manager before the capability review.") }],
    },
    {
      name: 'both pressing for an outcome and offering to be the friend',
      draft: mail(CARL, 'The suspension should be lifted at once. I will come along with you to the investigation meeting as your representative.'),
      expect: [
        { messageId: 'influenceOutcome', evidence: body('The suspension should be lifted at once.') },
        { messageId: 'actAsFriend', evidence: body('I will come along with you to the investigation meeting as your representative.') },
      ],
    },
    // Kinds real drafts showed and the first version missed.
    {
      name: 'asking for an officer to be moved off the councillor’s ward during a disciplinary',
      draft: mail(HELEN, "I'd like to know what disciplinary action is going to be taken against him. I'd ask that he's moved off my ward while this is looked at."),
      expect: [{ messageId: 'influenceOutcome', evidence: body("I'd ask that he's moved off my ward while this is looked at.") }],
    },
    {
      name: 'urging the Chief Executive to drop a disciplinary to an informal word',
      draft: mail(HELEN, "Gary faces a disciplinary hearing next week. I'd urge you to drop it down to an informal word, which is all it deserves."),
      expect: [{ messageId: 'influenceOutcome', evidence: body("I'd urge you to drop it down to an informal word, which is all it deserves.") }],
    },
    {
      name: 'an opinion that a final written warning is over the top',
      draft: mail(HELEN, 'Darren is up for a disciplinary hearing. Frankly I think a final written warning would be way over the top for a first offence.'),
      expect: [{ messageId: 'influenceOutcome', evidence: body('Frankly I think a final written warning would be way over the top for a first offence.') }],
    },
    {
      name: 'offering to act as a named officer’s friend, to the officer',
      draft: mail(CARL, "I've heard about the disciplinary. I'd be happy to act as Carl's friend at the hearing if he wants me."),
      expect: [{ messageId: 'actAsFriend', evidence: body("I'd be happy to act as Carl's friend at the hearing if he wants me.") }],
    },
  ],
});

describe(`${ID} on the Northbridge corpus`, () => {
  itFiresOnItsCorpusLabels(ID);
});
