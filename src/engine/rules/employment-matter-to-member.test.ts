import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';

const ID = 'employment-matter-to-member';

const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'surrey-heath' },
  councillors: [
    { name: 'Ruth Penrose', email: 'cllr.ruth.penrose@westmoor.gov.uk', ward: 'Quayside', roles: ['group-leader'] },
    { name: 'Imran Qureshi', email: 'cllr.imran.qureshi@westmoor.gov.uk', ward: 'Hillfoot', roles: ['chair'] },
  ],
  officers: [
    { name: 'Dev Anand', email: 'dev.anand@westmoor.gov.uk', roles: [] },
    { name: 'Priya Das', email: 'priya.das@westmoor.gov.uk', roles: [] },
  ],
};
const hallow: PolicyFile = {
  council: { name: 'Hallow Town Council', domains: ['hallow-tc.gov.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Peter Shaw', email: 'cllr.shaw@hallow-tc.gov.uk' }],
  officers: [{ name: 'Lee Walsh', email: 'lee.walsh@hallow-tc.gov.uk', roles: [] }],
};
const westmoorPolicy = resolvePolicy(westmoor, 'westmoor test policy');
const hallowPolicy = resolvePolicy(hallow, 'hallow test policy');
const embedded = embeddedDefaultPolicy();

const RUTH = 'Cllr Ruth Penrose <cllr.ruth.penrose@westmoor.gov.uk>';
const IMRAN = 'Cllr Imran Qureshi <cllr.imran.qureshi@westmoor.gov.uk>';
const DEV = 'Dev Anand <dev.anand@westmoor.gov.uk>';
const PRIYA = 'Priya Das <priya.das@westmoor.gov.uk>';

const mail = (to: string, text: string, from = DEV, subject = 'A matter') => ({
  from,
  to,
  subject,
  body: `Dear Councillor,\n\n${text}\n\nKind regards,\n\nDev Anand\nPlanning Officer\nWestmoor Borough Council`,
});
const body = (sentence: string) => ({ field: 'body' as const, quote: sentence });

runRuleTests(ID, {
  policy: westmoorPolicy,
  valid: [
    {
      name: 'an officer briefing a councillor on a pay and display change for residents',
      draft: mail(RUTH, 'The new pay and display charges start in May and the evening rate is being cut. Could you pull together any comments from residents by Friday?'),
      why: 'The charges are residents’ parking charges: nothing about the writer’s own pay or job.',
    },
    {
      name: 'an officer telling a councillor that a staff consultation has opened, with no ask about their own job',
      draft: mail(RUTH, 'For information: the job evaluation consultation for the revenues service opened today, and HR will brief members next week.'),
      why: 'Council business passed on; the writer asks nothing about their own grade.',
    },
    {
      name: 'a restructure reported as council business, and an ask to raise questions at a meeting',
      draft: mail(RUTH, 'The housing options restructure report goes to Cabinet on 4 May. Could you raise any questions from residents at the next meeting?'),
      why: 'the writer ties nothing of it to their own job: it is council business passed on',
    },
    { name: 'an officer answers a councillor’s question about the pay offer', why: 'information for the councillor, not the writer’s own grievance', draft: mail(RUTH, 'Thank you for the question about the pay offer; HR will publish the details on the intranet on Friday.') },
    {
      name: 'a quiet word asked about how tenants are treated',
      draft: mail(RUTH, 'The tenants at Mill Court feel ignored. Could you have a quiet word with the director about how they are being treated?'),
      why: 'Nothing ties the writer’s own job to it: the treatment is the tenants’.',
    },
    {
      name: 'an officer writing about a resident’s employment',
      draft: mail(RUTH, 'Mr Kaur tells me his post at the depot is being regraded. I have passed his question about housing benefit to the benefits team.'),
      why: 'The employment matter is the resident’s, not the writer’s.',
    },
    {
      name: 'HR writing to councillors about a restructure as council business',
      draft: mail(`${RUTH}, ${IMRAN}`, 'The restructure of the housing service will go to the Employment Committee on 4 May. Posts at grade 6 will be evaluated under the job evaluation scheme.', PRIYA, 'Housing restructure: committee report'),
      why: 'Council business about a restructure, with nothing of the writer’s own.',
    },
    {
      name: 'a routine casework reply mentioning the writer’s manager',
      draft: mail(RUTH, 'I have looked into the complaint about the hedge at 12 Mill Row. My manager will call you tomorrow to arrange a site visit.'),
      why: '"My manager will call you" is a handover, not a grievance.',
    },
    {
      name: 'an out-of-office style note about the writer’s hours',
      draft: mail(RUTH, 'I work part time, so my hours are Monday to Wednesday. I will reply to your enquiry on Monday.'),
      why: 'The writer’s hours are mentioned with nothing wrong with them.',
    },
    {
      name: 'a negated employment event',
      draft: mail(RUTH, 'To answer your question at the surgery: my post is not being regraded, and the team is staying as it is.'),
      why: 'The regrading is negated.',
    },
    {
      name: 'an officer raising their grievance with their manager, not a councillor',
      draft: mail('Sam Green <sam.green@westmoor.gov.uk>', 'I have raised a grievance about my regrading and would like to meet to discuss it.'),
      why: 'A manager is the right person for an employment matter.',
    },
    {
      name: 'a councillor writing about their own allowance',
      draft: mail(PRIYA, 'My allowance has been cut this year. Could you explain why?', RUTH),
      why: 'The rule is about officers raising their employment with councillors.',
    },
    {
      name: 'an officer updating a councillor on a fraud case they handle',
      draft: mail(RUTH, 'The benefit fraud investigation at 8 Quay Street is continuing, and I will update you when it is complete.'),
      why: 'Casework about fraud is not a disclosure of wrongdoing inside the council.',
    },
    {
      name: 'a grievance in quoted history only',
      draft: {
        from: DEV,
        to: RUTH,
        subject: 'RE: Planning surgery',
        body: 'Dear Cllr Penrose,\n\nThe surgery is booked for 3 May at 10am.\n\nDev\n\n-----Original Message-----\nFrom: Priya Das <priya.das@westmoor.gov.uk>\nSent: 03 February 2027 15:48\nTo: Dev Anand <dev.anand@westmoor.gov.uk>\nSubject: Planning surgery\n\nMy post is being downgraded and my manager has refused to discuss it.\n',
      },
      why: 'The grievance is a colleague’s, in quoted history.',
    },
    // Near misses of the kinds real drafts showed.
    {
      name: 'a negated effect with a contraction (“isn’t affected”)',
      draft: mail(RUTH, "My post isn't affected by the restructure, but I wanted to let you know the library's opening hours will change in April."),
      why: '"isn\'t" negates the effect on the writer; the rest is service news.',
    },
    {
      name: 'an officer declining to involve the councillor',
      draft: mail(RUTH, "I'm not asking you to intervene in the restructure. I've raised my concerns through HR and my union rep."),
      why: 'The ask to intervene is negated, and the writer uses the proper route.',
    },
    {
      name: 'democratic services telling a councillor when a staffing review goes to Cabinet',
      draft: mail(RUTH, 'The departmental staffing review report goes to Cabinet on 12 March. Could you let me know if you would like a briefing beforehand?', PRIYA),
      why: 'Council business about a review, with nothing of the writer’s own.',
    },
    {
      name: 'a message from the writer’s manager passed on about a restructure',
      draft: mail(RUTH, 'My manager has asked me to let you know that the restructure consultation closes on Friday.'),
      why: 'The manager is mentioned with nothing wrong in the writer’s treatment: a message passed on.',
    },
  ],
  invalid: [
    {
      name: 'a cut to the writer’s team’s unsocial hours pay, and an ask to pull the proposal',
      draft: mail(RUTH, "Management are taking away the unsocial hours enhancement from the enforcement team. For most of us that's a tenth of our take home pay. Could you pull the proposal when it comes to Cabinet?"),
      expect: [{ messageId: 'ownEmployment' }],
    },
    {
      name: 'officers whose posts came out a grade lower ask the cabinet member to stop the review',
      draft: mail(RUTH, "I'm writing on behalf of five of us in the revenues team. Two of our posts have come out a grade lower after the job evaluation. We would be grateful if you could stop the review for our section."),
      expect: [{ messageId: 'ownEmployment' }],
    },
    {
      name: 'the writer’s team and the coming restructure, then an ask to raise “it” at the next meeting',
      draft: mail(RUTH, "I work in the housing options team. Nobody will say whether posts are going until the restructure report is out. Could you find out what is planned, or raise it at the next meeting?"),
      expect: [{ messageId: 'ownEmployment', evidence: body('Could you find out what is planned, or raise it at the next meeting?') }],
    },
    {
      name: 'the writer’s regrading request turned down by their manager',
      draft: mail(RUTH, 'My regrading request has been turned down twice by my manager without any reasons. I do not know where else to go.'),
      expect: [{ messageId: 'ownEmployment', evidence: body('My regrading request has been turned down twice by my manager without any reasons.') }],
    },
    {
      name: 'the pay offer made to the writer’s own staff group, and a vote asked against it',
      draft: mail(RUTH, 'The pay offer the council has made to us this year is insulting. Please vote against it at the employment committee.'),
      expect: [{ messageId: 'ownEmployment' }],
    },
    {
      name: 'a quiet word about how the writer is treated by a new team leader',
      draft: mail(RUTH, 'Since my team leader changed, things have been really hard. Could you have a quiet word with the director about how I am being treated?'),
      expect: [{ messageId: 'ownEmployment', evidence: body('Since my team leader changed, things have been really hard.') }],
    },
    {
      name: 'an officer raises her own regrading with her ward councillor',
      draft: mail(IMRAN, 'Under the housing restructure my post is being regraded from grade 6 to grade 5. Could you raise this with the Cabinet Member?'),
      expect: [{ severity: 'warning', messageId: 'ownEmployment', evidence: body('Under the housing restructure my post is being regraded from grade 6 to grade 5.'), edits: [] }],
    },
    {
      name: 'an officer complains about their manager (embedded default)',
      draft: mail('Cllr Jo Marsh <jo.marsh@eastshire.gov.uk>', 'My line manager has refused to consider my request for flexible working, and I do not know where else to turn.', 'Alex Byrne <alex.byrne@eastshire.gov.uk>'),
      policy: embedded,
      expect: [{ messageId: 'ownEmployment', evidence: body('My line manager has refused to consider my request for flexible working, and I do not know where else to turn.') }],
    },
    {
      name: 'an officer tells a councillor they are being made redundant',
      draft: mail(RUTH, 'I have just been told I am at risk of redundancy in the restructure. I wondered if you could help.'),
      expect: [{ messageId: 'ownEmployment', evidence: body('I have just been told I am at risk of redundancy in the restructure.') }],
    },
    {
      name: 'an officer lobbies a councillor about their pay',
      draft: mail(RUTH, 'My salary has not gone up for three years while my workload has doubled. I think the job evaluation was unfair.'),
      expect: [{ messageId: 'ownEmployment', evidence: body('My salary has not gone up for three years while my workload has doubled.') }],
    },
    {
      name: 'an officer asks a councillor to help with their grievance',
      draft: mail(IMRAN, "I've lodged a grievance about the way the restructure has been handled. Would you be willing to support me?"),
      expect: [{ messageId: 'ownEmployment', evidence: body("I've lodged a grievance about the way the restructure has been handled.") }],
    },
    {
      name: 'a town council officer raises their disciplinary with a councillor',
      draft: mail('Cllr Peter Shaw <cllr.shaw@hallow-tc.gov.uk>', 'I am being disciplined for something I did not do, and I would like you to put my side to the committee.', 'Lee Walsh <lee.walsh@hallow-tc.gov.uk>'),
      policy: hallowPolicy,
      expect: [{ messageId: 'ownEmployment', evidence: body('I am being disciplined for something I did not do, and I would like you to put my side to the committee.') }],
    },
    {
      name: 'a whistleblowing disclosure gets advice, not a warning',
      draft: mail(RUTH, 'I want to report what I believe is fraud in the way overtime is being claimed in my team. I am raising this under the Speak Up policy.'),
      expect: [{ severity: 'info', messageId: 'speakUp', evidence: body('I want to report what I believe is fraud in the way overtime is being claimed in my team.'), edits: [] }],
    },
    {
      name: 'a protected disclosure named as such (embedded default)',
      draft: mail('Cllr Jo Marsh <jo.marsh@eastshire.gov.uk>', 'This email is a protected disclosure about the awarding of the grounds maintenance contract.', 'Alex Byrne <alex.byrne@eastshire.gov.uk>'),
      policy: embedded,
      expect: [{ severity: 'info', messageId: 'speakUp', evidence: body('This email is a protected disclosure about the awarding of the grounds maintenance contract.') }],
    },
    // Kinds real drafts showed and the first version missed.
    {
      name: 'a member of staff asks her ward councillor to intervene in a staffing review, words between the key words',
      draft: mail(RUTH, 'I work in the revenues team. Could you raise the proposed departmental staffing review with the Leader for us?'),
      expect: [{ messageId: 'ownEmployment', evidence: body('Could you raise the proposed departmental staffing review with the Leader for us?') }],
    },
    {
      name: 'this year’s derisory pay offer, the writer left worse off',
      draft: mail(IMRAN, "Is there anything you can do about this year's derisory pay offer? It leaves me worse off than last year."),
      expect: [{ messageId: 'ownEmployment', evidence: body('It leaves me worse off than last year.') }],
    },
    {
      name: 'a regrading that puts the writer’s post two grades lower',
      draft: mail(RUTH, 'Under the pay and grading review my post has come out two grades lower. Please could you raise my case with HR?'),
      expect: [{ messageId: 'ownEmployment', evidence: body('Under the pay and grading review my post has come out two grades lower.') }],
    },
    {
      name: '“including me”: a restructure that moves the writer down a scale',
      draft: mail(RUTH, 'The restructure would move everyone on scale 4, including me, down to scale 3. Could you raise it with the Director?'),
      expect: [{ messageId: 'ownEmployment', evidence: body('The restructure would move everyone on scale 4, including me, down to scale 3.') }],
    },
    {
      name: 'one of the officers whose posts are being deleted',
      draft: mail(IMRAN, "I'm one of the six officers whose posts are being deleted under the housing restructure. Could you speak to the Director on our behalf?"),
      expect: [{ messageId: 'ownEmployment', evidence: body("I'm one of the six officers whose posts are being deleted under the housing restructure.") }],
    },
    {
      name: 'a transfer in a service review (“I’m being moved”)',
      draft: mail(RUTH, "Management told us on Monday that I'm being moved to the Westcliff site as part of the play service review. Could you have a word with the Director?"),
      expect: [{ messageId: 'ownEmployment', evidence: body("Management told us on Monday that I'm being moved to the Westcliff site as part of the play service review.") }],
    },
    {
      name: 'treatment by the writer’s line manager',
      draft: mail(RUTH, "Things have got really difficult with my line manager since I came back from sick leave. Would you be able to have a quiet word with someone senior?"),
      expect: [{ messageId: 'ownEmployment', evidence: body('Things have got really difficult with my line manager since I came back from sick leave.') }],
    },
  ],
});

describe(`${ID} on the Northbridge corpus`, () => {
  itFiresOnItsCorpusLabels(ID);
});
