import { describe, expect, it } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import { consentStated } from './constituent-consent.ts';

// A borough on the crawley protocol.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Asha Verma', email: 'asha.verma@westmoor.gov.uk', ward: 'Quarry', party: 'Labour' },
    { name: 'Bill Trent', email: 'bill.trent@westmoor.gov.uk', ward: 'Quarry', party: 'Conservative' },
  ],
  officers: [
    { name: 'Dan Hale', email: 'dan.hale@westmoor.gov.uk' },
    { name: 'Eve Stone', email: 'eve.stone@westmoor.gov.uk' },
  ],
  communications: { mediaDomains: ['westmoorpost.co.uk'] },
};
// A district on the district-model protocol, the one that names this rule.
const harlowVale: PolicyFile = {
  council: { name: 'Harlow Vale District Council', domains: ['harlowvale.gov.uk'], protocol: 'district-model' },
  councillors: [{ name: 'Nia Rhodes', email: 'nia.rhodes@harlowvale.gov.uk', ward: 'Brook', party: 'Green Party' }],
  officers: [{ name: 'Sam Ortiz', email: 'sam.ortiz@harlowvale.gov.uk' }],
};
const WESTMOOR = resolvePolicy(westmoor, 'westmoor test policy');
const HARLOW = resolvePolicy(harlowVale, 'harlow vale test policy');
const DEFAULT = embeddedDefaultPolicy();

/** An Outlook-style quoted resident email to Cllr Verma. */
const residentToVerma = (text: string) =>
  [
    '-----Original Message-----',
    'From: Jean Moss <jean.moss@gmail.com>',
    'Sent: 01 March 2027 21:14',
    'To: Asha Verma <asha.verma@westmoor.gov.uk>',
    'Subject: Fence on Quarry Lane',
    '',
    text,
    '',
    'Jean Moss',
    '4 Quarry Lane',
  ].join('\n');

/** A forward of that email from Cllr Verma, with `own` as her words. */
function vermaForward(own: string, residentText = 'The fence by the footpath has fallen into my garden. Can the council fix it?') {
  const body = `${own}\n\n${residentToVerma(residentText)}`;
  return {
    draft: {
      from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
      to: 'Dan Hale <dan.hale@westmoor.gov.uk>',
      subject: 'FW: Fence on Quarry Lane',
      composeType: 'forward' as const,
      body,
    },
    cut: { kind: 'replaceText' as const, field: 'body' as const, start: own.length, end: body.length, text: '' },
  };
}

const HEADER = 'From: Jean Moss <jean.moss@gmail.com>';

const plain = vermaForward('Dan - could someone look at this?\n\nAsha');
const notAgreed = vermaForward('Dan,\n\nMrs Moss has not agreed to her email being shared, but you should see it.\n\nAsha');
const writerOnly = vermaForward("Dan,\n\nI'm happy to pass this on to you.\n\nAsha");
const willAsk = vermaForward('Dan,\n\nI will ask whether she is happy for me to share it, but in the meantime here it is.\n\nAsha');
const refused = vermaForward('Dan - see below.\n\nAsha', 'The fence has fallen into my garden. Please do not pass my details on to anyone.');

const gmailForward = (from: string, to: string, own: string) => {
  const body = `${own}\n\n---------- Forwarded message ---------\nFrom: Mo Khan <mo.khan@outlook.com>\nDate: Fri, 12 Feb 2027 at 19:22\nSubject: Bins\nTo: <waste@eastshire.gov.uk>\n\nMy bins have not been emptied for three weeks. My number is 07700 900615.\n\nMo Khan`;
  return { from, to, subject: 'Fwd: Bins', composeType: 'forward' as const, body, ownEnd: own.length };
};
const toContractor = gmailForward('Lee Park <lee.park@eastshire.gov.uk>', 'Ops <ops@bincrews.co.uk>', 'Hi Dave,\n\nPlease add this to Monday.\n\nLee');
const toCouncillor = gmailForward('Lee Park <lee.park@eastshire.gov.uk>', 'Cllr Ann Lowe <ann.lowe@eastshire.gov.uk>', 'Cllr Lowe,\n\nFor your information, below.\n\nLee');
const toColleague = gmailForward('Lee Park <lee.park@eastshire.gov.uk>', 'Kim Ray <kim.ray@eastshire.gov.uk>', 'Kim,\n\nCan your crew take this one?\n\nLee');

const replyCopy = {
  from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
  to: 'Jean Moss <jean.moss@gmail.com>',
  cc: 'Eve Stone <eve.stone@westmoor.gov.uk>',
  subject: 'RE: Fence on Quarry Lane',
  composeType: 'reply' as const,
  body: `Dear Jean,\n\nThank you. I have copied in the council's estates officer.\n\nAsha\n\n${residentToVerma('The fence has fallen into my garden.')}`,
};

const appleReply = {
  from: 'Nia Rhodes <nia.rhodes@harlowvale.gov.uk>',
  to: 'Ray Dunn <ray.dunn@btinternet.com>',
  cc: 'Brook Builders <office@brookbuilders.co.uk>',
  subject: 'Re: Scaffolding',
  composeType: 'reply' as const,
  body: 'Dear Mr Dunn,\n\nI have asked the builder to reply to you directly.\n\nNia\n\nOn 24 Feb 2027, at 20:15, Ray Dunn <ray.dunn@btinternet.com> wrote:\n\n> The scaffolding at number 8 blocks the pavement. Ray Dunn, 6 Brook Street',
};

runRuleTests('constituent-consent', {
  policy: WESTMOOR,
  valid: [
    { name: 'the writer says the residents are happy for it to be passed on', why: 'a third-person consent statement in the writer’s words', draft: vermaForward('Dan,\n\nMr and Mrs Moss are happy for me to pass this on to the estates team.\n\nAsha').draft },
    { name: 'forwarded with the resident’s permission', why: '"with Mrs Moss’s permission" states consent', draft: vermaForward("Dan,\n\nI'm forwarding this with Mrs Moss's permission.\n\nAsha").draft },
    { name: 'the resident invites it to be passed on', why: 'the resident’s own words "you are welcome to pass this on" are consent', draft: vermaForward('Dan - see below.\n\nAsha', 'The fence has fallen into my garden. You are welcome to pass this on to the council.').draft },
    { name: 'she has agreed to her details being shared', why: 'an agreement to sharing, in the third person', draft: vermaForward('Dan,\n\nShe has agreed to her details being shared with the estates team.\n\nAsha').draft },
    { name: 'she does not mind it being passed on', why: '"doesn’t mind" carries its own "not" and still means yes', draft: vermaForward("Dan,\n\nJean doesn't mind me passing this on.\n\nAsha").draft },
    { name: 'a reply to the resident only', why: 'nobody new sees the resident’s email', draft: { ...replyCopy, cc: '' } },
    {
      name: 'forwarding an officer’s email',
      why: 'the quoted author is an officer, not a resident',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Bill Trent <bill.trent@westmoor.gov.uk>',
        subject: 'FW: Quarry Lane',
        composeType: 'forward',
        body: 'Bill, see below.\n\n-----Original Message-----\nFrom: Dan Hale <dan.hale@westmoor.gov.uk>\nSent: 01 March 2027 10:00\nTo: Asha Verma <asha.verma@westmoor.gov.uk>\nSubject: Quarry Lane\n\nThe works start on Monday.',
      },
    },
    {
      name: 'a reply-all to people the resident wrote to',
      why: 'the resident copied the officer in herself, so nobody is new',
      draft: {
        ...replyCopy,
        body: `Dear Jean,\n\nThank you.\n\nAsha\n\n-----Original Message-----\nFrom: Jean Moss <jean.moss@gmail.com>\nSent: 01 March 2027 21:14\nTo: Asha Verma <asha.verma@westmoor.gov.uk>\nCc: Eve Stone <eve.stone@westmoor.gov.uk>\nSubject: Fence\n\nThe fence has fallen down.`,
      },
    },
    { name: 'an officer passes a service request to a colleague', why: 'the resident wrote to a council service, whose officers handle it', policy: DEFAULT, draft: toColleague },
    {
      name: 'forwarding a journalist’s email',
      why: 'an email from a media domain is not a constituent’s',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Dan Hale <dan.hale@westmoor.gov.uk>',
        subject: 'FW: Interview request',
        composeType: 'forward',
        body: 'Dan, how should I answer this?\n\n-----Original Message-----\nFrom: Sam Reid <sam.reid@westmoorpost.co.uk>\nSent: 01 March 2027 10:00\nTo: Asha Verma <asha.verma@westmoor.gov.uk>\nSubject: Interview\n\nCan we talk about the quarry?',
      },
    },
    {
      name: 'forwarding an automated notification',
      why: 'a no-reply sender is not a resident',
      draft: {
        from: 'Asha Verma <asha.verma@westmoor.gov.uk>',
        to: 'Dan Hale <dan.hale@westmoor.gov.uk>',
        subject: 'FW: Planning alert',
        composeType: 'forward',
        body: 'Dan, FYI.\n\n-----Original Message-----\nFrom: Planning Alerts <no-reply@planningalerts.co.uk>\nSent: 01 March 2027 10:00\nTo: Asha Verma <asha.verma@westmoor.gov.uk>\nSubject: New application\n\nA new application has been made near you.',
      },
    },
    { name: 'consent in everyday words, with a contraction', why: '"she\'s happy for me to share this" is the resident\'s agreement', draft: vermaForward("Dan,\n\nShe's happy for me to share this with you.\n\nAsha").draft },
    { name: 'forwarded with his permission', why: '"with her permission" states consent', draft: vermaForward('Dan,\n\nForwarded with her permission.\n\nAsha').draft },
    { name: 'the resident asked for it to be passed on', why: 'a request to take it to the council is consent to share it with the council', draft: vermaForward('Dan,\n\nMrs Moss asked me to pass this on to the council.\n\nAsha').draft },
    { name: 'no objection to it being forwarded', why: '"no objection" carries its own "no" and means yes', draft: vermaForward('Dan,\n\nMrs Moss has no objection to her email being forwarded.\n\nAsha').draft },
    {
      name: "a councillor's message quoted with Outlook's [mailto:] header",
      why: 'the quoted author is a councillor, read from the address inside "[mailto:…]"',
      draft: {
        from: 'Dan Hale <dan.hale@westmoor.gov.uk>',
        to: 'Bill Trent <bill.trent@westmoor.gov.uk>',
        subject: 'FW: Quarry Lane',
        composeType: 'forward',
        body: 'Bill - FYI, see below from Asha.\n\nDan\n\n-----Original Message-----\nFrom: Asha Verma [mailto:asha.verma@westmoor.gov.uk]\nSent: 01 March 2027 10:00\nTo: Hale, Dan <dan.hale@westmoor.gov.uk>\nSubject: Quarry Lane\n\nDan, could you tell me when the works start?',
      },
    },
  ],
  invalid: [
    { name: 'a councillor forwards a resident’s email to an officer', draft: plain.draft, expect: [{ severity: 'warning', messageId: 'forwardedWithoutConsent', evidence: { field: 'body', quote: HEADER }, edits: [[plain.cut]] }] },
    { name: 'the writer says the resident has not agreed', draft: notAgreed.draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER }, edits: [[notAgreed.cut]] }] },
    { name: 'the writer speaks only for herself', draft: writerOnly.draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER } }] },
    { name: 'the writer has yet to ask', draft: willAsk.draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER } }] },
    { name: 'the resident asked for her details not to be passed on', draft: refused.draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER } }] },
    {
      name: 'an officer forwards a resident’s email to a contractor',
      policy: DEFAULT,
      draft: toContractor,
      expect: [{ severity: 'warning', messageId: 'forwardedWithoutConsent', evidence: { field: 'body', quote: 'From: Mo Khan <mo.khan@outlook.com>' }, edits: [[{ kind: 'replaceText', field: 'body', start: toContractor.ownEnd, end: toContractor.body.length, text: '' }]] }],
    },
    {
      name: 'an officer forwards a resident’s email to a councillor',
      policy: DEFAULT,
      draft: toCouncillor,
      expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: 'From: Mo Khan <mo.khan@outlook.com>' } }],
    },
    {
      name: 'a reply to the resident copies an officer she did not write to',
      draft: replyCopy,
      expect: [{ severity: 'warning', messageId: 'copiedWithoutConsent', evidence: { field: 'body', quote: HEADER }, edits: [[{ kind: 'removeRecipient', field: 'cc', email: 'eve.stone@westmoor.gov.uk' }]] }],
    },
    {
      name: 'an Apple Mail reply copies a builder in (district-model council)',
      policy: HARLOW,
      draft: appleReply,
      expect: [{ messageId: 'copiedWithoutConsent', evidence: { quote: 'On 24 Feb 2027, at 20:15, Ray Dunn <ray.dunn@btinternet.com> wrote:' }, edits: [[{ kind: 'removeRecipient', field: 'cc', email: 'office@brookbuilders.co.uk' }]] }],
    },
    { name: "consent denied with a contraction", draft: vermaForward("Dan,\n\nShe hasn't agreed to me passing this on, but you should see it.\n\nAsha").draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER } }] },
    { name: 'consent not yet given', draft: vermaForward("Dan,\n\nOnce she agrees I will tell her I've passed it on; for now, here it is.\n\nAsha").draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER } }] },
    { name: 'planning permission is not consent', draft: vermaForward('Dan,\n\nHer neighbour has planning permission for the extension that is causing this.\n\nAsha').draft, expect: [{ messageId: 'forwardedWithoutConsent', evidence: { quote: HEADER } }] },
  ],
});

describe('reading a consent statement', () => {
  it.each([
    ['Mrs Hale is happy for me to pass this on.', 'writer', true],
    ['I have her permission to share this with you.', 'writer', true],
    ['They have consented to their details being used.', 'writer', true],
    ['She did not give permission for this to go further.', 'writer', false],
    ['I am happy for you to share this with the team.', 'writer', false],
    ['Is she happy for me to share this?', 'writer', false],
    ['Feel free to forward this to whoever can help.', 'resident', true],
    ['Please do not share my email with anyone.', 'resident', false],
    ["She's happy for me to share this.", 'writer', true],
    ["I'm forwarding this with his permission.", 'writer', true],
    ["He hasn't given his permission yet.", 'writer', false],
    ['She asked me to pass this on to the council.', 'writer', true],
    ['Could you raise this with the council for me?', 'resident', true],
    ['He has applied for planning permission for the extension.', 'writer', false],
    ["I won't share this without her consent.", 'writer', false],
    ["I'm happy to pass this on, but I haven't asked her yet.", 'writer', false],
  ] as const)('"%s" (%s) → %s', (text, speaker, want) => {
    expect(consentStated(text, speaker)).toBe(want);
  });
});

describe('constituent-consent on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('constituent-consent');
});
