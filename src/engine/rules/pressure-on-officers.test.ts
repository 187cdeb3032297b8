import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';

const ID = 'pressure-on-officers';

// A borough with a directory, citing crawley: seniority is known from officers' roles.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Ruth Penrose', email: 'cllr.ruth.penrose@westmoor.gov.uk', ward: 'Quayside', party: 'Independent' },
    { name: 'Imran Qureshi', email: 'cllr.imran.qureshi@westmoor.gov.uk', ward: 'Hillfoot', party: 'Labour', roles: ['cabinet'] },
  ],
  officers: [
    { name: 'Dev Anand', email: 'dev.anand@westmoor.gov.uk', roles: [] },
    { name: 'Joe Park', email: 'joe.park@westmoor.gov.uk', roles: [] },
    { name: 'Helen Maitland', email: 'helen.maitland@westmoor.gov.uk', roles: ['senior'] },
  ],
};
// A town council on its own pack: the clerk is the senior officer.
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
const DEV = 'Dev Anand <dev.anand@westmoor.gov.uk>';
const JOE = 'Joe Park <joe.park@westmoor.gov.uk>';
const HELEN = 'Helen Maitland <helen.maitland@westmoor.gov.uk>';

/** A short email: greeting, the sentences under test, sign-off. */
const mail = (to: string, text: string, from = RUTH) => ({
  from,
  to,
  subject: 'Casework',
  body: `Dear ${to.split(' ')[0]},\n\n${text}\n\nKind regards,\nRuth`,
});
const body = (sentence: string) => ({ field: 'body' as const, quote: sentence });

runRuleTests(ID, {
  policy: westmoorPolicy,
  valid: [
    {
      name: 'an edit to something that is not the officer’s advice ("take the bins out")',
      why: 'no report, recommendation or paragraph is in view: an ordinary request',
      draft: mail(DEV, 'The crew missed Elm Close again. Could someone take the bins out of the alley and return them?'),
    },
    {
      name: 'the councillor offering to meet the crew',
      why: '"give me a shout" offers help; it directs nobody',
      draft: mail(DEV, 'The resurfacing is on Tuesday. Give me a shout if you want me to meet them at the gate.'),
    },
    {
      name: 'a councillor’s view on an application given as a view, with the report left to the officer',
      why: 'giving a view and asking for it to be recorded is proper; the officer decides what the report says',
      draft: mail(DEV, 'I object to the Brackenside Road scheme for the reasons in my letter. I would be grateful if my objection could be recorded in the report.'),
    },
    { name: 'asking whether another monitoring visit is planned', why: 'a question about the process, not an instruction to skip it', draft: mail(DEV, 'Could you tell me whether there will be another monitoring visit at number 14?') },
    { name: 'saying she will mention the case to the officer’s manager', why: 'going through the manager, not around', draft: mail(DEV, "Thanks for the update. I'll mention it to your manager at our catch-up.") },
    {
      name: 'a junior officer asked to keep an aside between themselves',
      draft: mail(JOE, 'Could you let me know, between us, whether the hedge notice has gone out? Please do raise it with your manager if that is easier.'),
      why: 'A confidential aside, and the writer points the officer to their manager rather than round them.',
    },
    {
      name: 'a firm but polite chaser to a senior officer',
      draft: mail(HELEN, "I'm disappointed not to have had answers yet. I'd appreciate a reply by the end of next week, or an idea of when you will be able to give one."),
      why: 'Asking for a reply by a date is not pressure on advice, a queue or an instruction, and Helen is a senior officer.',
    },
    {
      name: 'a question about how a waiting list is prioritised',
      draft: mail(JOE, 'Could you explain how the adaptations waiting list is prioritised, so that I can answer residents who ask?'),
      why: 'Asking about the process is the proper route.',
    },
    {
      name: 'a councillor declaring a relative’s application and asking for normal treatment',
      draft: mail(HELEN, 'My brother has applied for a rear extension. I would ask that it is dealt with exactly as any other application would be.'),
      why: 'Asking for normal treatment is the opposite of asking to jump the queue.',
    },
    {
      name: 'an officer asking a colleague to change a recommendation',
      draft: mail(DEV, 'Please change the recommendation to refusal: the highways objection stands.', HELEN),
      why: 'Officer to officer is line management, not a councillor pressing an officer.',
    },
    {
      name: 'a councillor passing on a resident’s request about the waiting list',
      draft: mail(JOE, 'Mrs Oduya has asked whether she could be moved up the waiting list. Could you let me know where she stands?'),
      why: 'The resident asks; the councillor only asks for an update.',
    },
    {
      name: 'a negated request about the recommendation',
      draft: mail(DEV, "I'm not asking you to change your recommendation, but could you explain the parking figures?"),
      why: 'The change is negated: the councillor asks for an explanation only.',
    },
    {
      name: 'a factual correction to a report, with no directory (embedded default)',
      draft: mail('Amir Khan <amir.khan@eastshire.gov.uk>', 'Please amend the report: paragraph 4 gives the wrong address for the site.', 'Cllr Tom Hale <tom.hale@eastshire.gov.uk>'),
      policy: embedded,
      why: 'Putting a factual slip right is not pressing the officer’s judgement, and without a directory a polite imperative is not a clear instruction.',
    },
    {
      name: 'disagreement stated without asking for a change',
      draft: mail(DEV, 'I disagree with the recommendation and will say so when the committee meets.'),
      why: 'A councillor may disagree and say so at the meeting.',
    },
    {
      name: 'a request for information to a junior officer',
      draft: mail(JOE, 'Could you send me the list of outstanding repairs on the Hawthorn estate?'),
      why: 'Councillors may ask any officer for information (crawley 7.1).',
    },
    {
      name: '"I want you to know" is not an instruction',
      draft: mail(JOE, 'I want you to know that residents were very grateful for your help last week.'),
      why: 'The verb after "I want you to" asks for nothing to be done.',
    },
    {
      name: 'pressure in quoted history only',
      draft: {
        from: RUTH,
        to: DEV,
        subject: 'RE: Castle Yard',
        body: 'Thanks Dev, noted.\n\nRuth\n\n-----Original Message-----\nFrom: Cllr Imran Qureshi <cllr.imran.qureshi@westmoor.gov.uk>\nSent: 03 February 2027 15:48\nTo: Dev Anand <dev.anand@westmoor.gov.uk>\nSubject: Castle Yard\n\nPlease change the recommendation to refusal before Monday.\n',
      },
      why: 'The pressure is in the quoted message, not in the writer’s own words.',
    },
    {
      name: 'an urgent request without a queue',
      draft: mail(JOE, 'Could you treat this as urgent? Water is coming through the ceiling of the flat.'),
      why: 'Urgency is not asking to be put ahead of others in a list.',
    },
    // Near misses of the kinds real drafts showed.
    {
      name: 'a negated change with a contraction (“I won’t be asking …”)',
      draft: mail(DEV, "I won't be asking you to change the recommendation. Could you send me the highways comments?"),
      why: '"won\'t" negates the change.',
    },
    {
      name: '“I didn’t ask you to rewrite the report”',
      draft: mail(DEV, "I didn't ask you to rewrite the report, only to check the parking figures."),
      why: 'The rewrite is negated; checking figures is not pressure on the advice.',
    },
    {
      name: 'a question about the criteria for moving up the register',
      draft: mail(JOE, 'What are the criteria for moving a family up the housing register?'),
      why: 'A process question, not a request to move anyone.',
    },
    {
      name: 'asking a senior officer to report the objections fully',
      draft: mail(HELEN, "I accept the recommendation is your professional judgement. I would ask only that the report sets out the residents' objections fully."),
      why: 'Asking for objections to be reported fully leaves the advice to the officer.',
    },
    {
      name: 'the resident’s own request passed on with no pressure',
      draft: mail(JOE, 'Mr Adeyemi has asked whether his repair could be done before the others on the list. Could you let me know when it is booked?'),
      why: 'The resident asks; the councillor asks only when it is booked.',
    },
  ],
  invalid: [
    {
      name: 'an edit asked for in the sentence after the paragraph it names ("Please take it out …, and tone down 6.5")',
      draft: mail(DEV, "Para 6.3 gives far too much weight to the applicant's retail study. Please take it out before the report is published, and tone down 6.5 while you're at it."),
      expect: [{ messageId: 'changeAdvice', evidence: body("Please take it out before the report is published, and tone down 6.5 while you're at it.") }],
    },
    {
      name: 'a junior officer told to hold a mailing, and told the crew is needed tomorrow',
      draft: mail(DEV, 'Please hold the renewal letters until the legal basis has been confirmed to me. I need a gang on Wharf Road tomorrow.'),
      expect: [{ messageId: 'directJunior' }, { messageId: 'directJunior' }],
    },
    {
      name: 'a recommendation the councillor wants, and the points to be set out in the report',
      draft: mail(DEV, 'I want every one of those points set out in full in your report, and frankly I want a recommendation to refuse.'),
      expect: [{ messageId: 'changeAdvice' }],
    },
    {
      name: 'telling a junior officer to skip the evidence and promising to square it with her manager',
      draft: mail(DEV, "I want a noise abatement notice served on number 14 this week. Don't send them any more diary sheets. I'll square it with your boss."),
      expect: [{ messageId: 'directJunior' }, { messageId: 'directJunior' }, { messageId: 'directJunior' }],
    },
    {
      name: 'asking a junior officer to keep an application away from committee',
      draft: mail(DEV, 'It would be lovely if it could go through under delegated powers rather than waiting for the October committee.'),
      expect: [{ messageId: 'directJunior', evidence: body('It would be lovely if it could go through under delegated powers rather than waiting for the October committee.') }],
    },
    {
      name: 'a councillor tells a junior officer to change the recommendation',
      draft: mail(DEV, 'I want you to change your recommendation to approval.'),
      expect: [{ severity: 'warning', messageId: 'changeAdvice', evidence: body('I want you to change your recommendation to approval.'), edits: [] }],
    },
    {
      name: 'dictating a report’s recommendation, with no directory (embedded default)',
      draft: mail('Amir Khan <amir.khan@eastshire.gov.uk>', 'Your report should recommend refusal, not approval.', 'Cllr Tom Hale <tom.hale@eastshire.gov.uk>'),
      policy: embedded,
      expect: [{ severity: 'warning', messageId: 'changeAdvice', evidence: body('Your report should recommend refusal, not approval.') }],
    },
    {
      name: 'asking a senior officer to take a paragraph out of a committee report',
      draft: mail(HELEN, 'Please take out the paragraph about highway safety from the committee report; it will only confuse members.'),
      expect: [{ messageId: 'changeAdvice', evidence: body('Please take out the paragraph about highway safety from the committee report; it will only confuse members.') }],
    },
    {
      name: 'a town councillor asks the clerk to move an allotment application up the list',
      draft: mail('Maria Costa <clerk@hallow-tc.gov.uk>', "Could you get Mrs Oduya's allotment application moved up the waiting list?", 'Cllr Peter Shaw <cllr.shaw@hallow-tc.gov.uk>'),
      policy: hallowPolicy,
      expect: [{ severity: 'warning', messageId: 'queueJump', evidence: body("Could you get Mrs Oduya's allotment application moved up the waiting list?") }],
    },
    {
      name: 'asking for a family to be fast-tracked (embedded default)',
      draft: mail('Housing Options <housing.options@northvale.gov.uk>', 'Is there any way the Hendersons could be fast-tracked for the adaptation?', 'Councillor Ann Bright <ann.bright@northvale.gov.uk>'),
      policy: embedded,
      expect: [{ messageId: 'queueJump', evidence: body('Is there any way the Hendersons could be fast-tracked for the adaptation?') }],
    },
    {
      name: 'saying a constituent deserves to jump the queue',
      draft: mail(HELEN, 'He deserves to jump the queue after everything the family has been through.'),
      expect: [{ messageId: 'queueJump', evidence: body('He deserves to jump the queue after everything the family has been through.') }],
    },
    {
      name: 'prioritising one repair over the others',
      draft: mail(HELEN, "Please prioritise Mr Green's repair over the others on the list."),
      expect: [{ messageId: 'queueJump', evidence: body("Please prioritise Mr Green's repair over the others on the list.") }],
    },
    {
      name: 'a junior officer asked to keep a case from going up the line',
      draft: mail(JOE, "Could you hold the file until March? I'd rather this didn't go up the line."),
      expect: [{ messageId: 'directJunior', evidence: body("I'd rather this didn't go up the line.") }],
    },
    {
      name: 'a direct instruction to a junior officer',
      draft: mail(JOE, 'I need you to serve a notice on the landlord at 4 Mill Row by Friday.'),
      expect: [{ severity: 'warning', messageId: 'directJunior', evidence: body('I need you to serve a notice on the landlord at 4 Mill Row by Friday.'), edits: [] }],
    },
    {
      name: 'an imperative to an officer the directory lists as junior',
      draft: mail(JOE, 'Please arrange for the fly-tip on Canal Walk to be cleared today.'),
      expect: [{ messageId: 'directJunior', evidence: body('Please arrange for the fly-tip on Canal Walk to be cleared today.') }],
    },
    {
      name: 'a clear instruction to an officer of unknown seniority (embedded default)',
      draft: mail('Sam Idowu <sam.idowu@glenford.gov.scot>', 'You must issue the enforcement notice this week.', 'Cllr Morag Reid <morag.reid@glenford.gov.scot>'),
      policy: embedded,
      expect: [{ messageId: 'directJunior', evidence: body('You must issue the enforcement notice this week.') }],
    },
    {
      name: 'two pressing sentences give two findings',
      draft: mail(DEV, "I'd like the recommendation changed to refusal. The report ought to reflect the committee's view."),
      expect: [
        { messageId: 'changeAdvice', evidence: body("I'd like the recommendation changed to refusal.") },
        { messageId: 'changeAdvice', evidence: body("The report ought to reflect the committee's view.") },
      ],
    },
    // Kinds real drafts showed and the first version missed.
    {
      name: 'changing the officer’s comments (once gated off by a stem check)',
      draft: mail(DEV, "I'd like you to change the officer's comments on heritage harm before the report is published."),
      expect: [{ messageId: 'changeAdvice', evidence: body("I'd like you to change the officer's comments on heritage harm before the report is published.") }],
    },
    {
      name: 'insisting that the recommendation is changed',
      draft: mail(DEV, 'I insist that the recommendation is changed to refusal.'),
      expect: [{ messageId: 'changeAdvice', evidence: body('I insist that the recommendation is changed to refusal.') }],
    },
    {
      name: 'sandbags for a relative’s house before the rest of the street',
      draft: mail(JOE, "Can you get the crew to drop sandbags at 14 Mill Lane before they go on to the rest of the street? If you could bump her up to first I'd be grateful."),
      expect: [
        { messageId: 'queueJump', evidence: body('Can you get the crew to drop sandbags at 14 Mill Lane before they go on to the rest of the street?') },
        { messageId: 'queueJump', evidence: body("If you could bump her up to first I'd be grateful.") },
      ],
    },
    {
      name: 'deciding an application early rather than waiting its turn in the queue',
      draft: mail(HELEN, "I'd be grateful if you could get it signed off before then rather than waiting for it to come up in the queue."),
      expect: [{ messageId: 'queueJump', evidence: body("I'd be grateful if you could get it signed off before then rather than waiting for it to come up in the queue.") }],
    },
    {
      name: 'directing a junior officer with “I want you to”',
      draft: mail(JOE, 'I want you to get the crew out to Mill Lane this afternoon.'),
      expect: [{ messageId: 'directJunior', evidence: body('I want you to get the crew out to Mill Lane this afternoon.') }],
    },
  ],
});

describe(`${ID} on the Northbridge corpus`, () => {
  itFiresOnItsCorpusLabels(ID);
});
