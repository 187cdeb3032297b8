import { describe } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A district on the district-model pack with a small directory and one newspaper.
const eastmere: PolicyFile = {
  council: { name: 'Eastmere District Council', domains: ['eastmere.gov.uk'], protocol: 'district-model' },
  councillors: [{ name: 'Nia Patel', email: 'cllr.nia.patel@eastmere.gov.uk', ward: 'Fenside' }],
  officers: [
    { name: 'Gary Holt', email: 'gary.holt@eastmere.gov.uk' },
    { name: 'Lena Brooks', email: 'lena.brooks@eastmere.gov.uk', roles: ['senior'] },
  ],
  communications: { mediaDomains: ['eastmeretimes.co.uk'] },
};
const CLLR = 'Cllr Nia Patel <cllr.nia.patel@eastmere.gov.uk>';
const PRESS = 'News desk <news@eastmeretimes.co.uk>';
const RESIDENTS = 'Fenside Residents <committee@fensideresidents.org.uk>';
const DIRECTOR = 'Lena Brooks <lena.brooks@eastmere.gov.uk>';
const sentence = 'Gary Holt has failed to answer a single letter from residents since March.';

runRuleTests('public-criticism-of-officers', {
  policy: eastmere,
  valid: [
    {
      name: 'a councillor tells the press a claim about the scheme was not true, naming no officer',
      draft: { from: CLLR, to: PRESS, body: 'Happy to be quoted:\n\n"Residents were told the Quay Street scheme was on budget. That was not true, and I have asked for the full cost report to be published."\n\nNia' },
      why: 'The service is criticised, not an officer: no officer is named or identifiable.',
    },
    {
      name: "a councillor's release quoting a resident's criticism of a named officer",
      why: 'the words are the resident’s, attributed to her, not the councillor’s',
      draft: { from: CLLR, to: PRESS, body: 'PRESS RELEASE\n\nResident Pat Moss said: "Gary Holt has failed us." Cllr Patel will raise the matter with the director.\n\nEnds' },
    },
    {
      name: 'an insult in the next sentence aimed at someone else, named there',
      why: 'the insult names its own target (a councillor), not the officer named before',
      draft: { from: CLLR, to: DIRECTOR, body: 'Gary Holt sent the flood figures on Monday. Cllr Shaw called them a joke at the meeting, which was rude.\n\nNia' },
    },
    {
      name: 'a concern about a named officer raised privately with the director',
      why: 'district-model 4.4 asks for exactly this: private, to the Senior Officer',
      draft: { from: CLLR, to: DIRECTOR, body: `Dear Lena,\n\nI would like to raise a concern privately. ${sentence} Could you look into it?\n\nNia` },
    },
    {
      name: 'praising a named officer to residents',
      why: 'praise is not criticism, and "never failed" is negated',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nGary Holt has been a great help and never failed to reply within a day.\n\nNia' },
    },
    {
      name: "criticising the council's decision without naming an officer",
      why: 'criticism of a policy or decision is the councillor\'s right; no officer is named',
      draft: { from: CLLR, to: PRESS, body: 'The council has failed Fenside: the decision to close the library is wrong and I will fight it.' },
    },
    {
      name: "a resident's complaint in quoted history",
      why: 'the criticism is in the message being forwarded, not the writer\'s words',
      draft: {
        from: CLLR,
        to: RESIDENTS,
        body: 'Dear all,\n\nI have passed this to the director and will report back.\n\nNia\n\n-----Original Message-----\nFrom: Pat Moss <pat@example.com>\nSubject: bins\n\nGary Holt is useless and has failed to do anything.',
      },
    },
    {
      name: "a resident's words relayed by the writer",
      why: 'reported speech of a resident is not the councillor\'s criticism',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nOne resident told me that Gary Holt had failed to call back. I have asked the director to look into it.\n\nNia' },
    },
    {
      name: 'an officer writing about a colleague',
      why: 'the rule binds councillors; officers are covered by their own code',
      draft: { from: DIRECTOR, to: PRESS, body: 'Gary Holt failed to send the statement on time; here it is.' },
    },
    {
      name: 'criticism of someone else in the same sentence',
      why: 'after "but" the criticism is about the contractor, not the named officer',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nGary Holt chased it every week, but the contractor failed to turn up.\n\nNia' },
    },
    {
      name: 'a councillor named in the same way as an officer',
      why: 'Cllr Patel is a councillor, not an officer',
      draft: { from: 'Cllr Ann Lee <cllr.ann.lee@eastmere.gov.uk>', to: PRESS, body: 'Cllr Nia Patel failed to turn up to the meeting.' },
    },
    {
      name: 'a firm private complaint that is not abuse (embedded default)',
      why: 'private, and about the work rather than a personal attack',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Sam Ray <sam.ray@kirkby.gov.uk>', body: 'Sam,\n\nThe planning officer, Amir Khan, failed to consult the ward councillors.\n\nJo' },
    },
    {
      name: 'a negated criticism with a contraction',
      why: '"isn\'t" negates "incompetent": the writer is defending the officer',
      draft: { from: CLLR, to: RESIDENTS, body: "Dear all,\n\nGary Holt isn't incompetent, whatever you may have read.\n\nNia" },
    },
    {
      name: 'a call for resignation, negated',
      why: '"shouldn\'t resign" says the opposite of a call for the officer to go',
      draft: { from: CLLR, to: PRESS, body: "Gary Holt shouldn't resign over this, and I haven't lost confidence in him." },
    },
    {
      name: "a resident's words in quotation marks, attributed",
      why: 'the quotation is the resident\'s: the verb of saying stands outside the marks',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\n"Gary Holt is useless," one resident told me. I do not agree, and I have said so.\n\nNia' },
    },
    {
      name: 'praise of a named officer in a statement to the press',
      why: 'praise is not criticism, and "never let … down" is negated',
      draft: { from: CLLR, to: PRESS, body: 'Statement from me:\n\n"Gary Holt has done a brilliant job and has never let residents down."' },
    },
    {
      name: 'a concern about conduct raised privately with the manager',
      why: 'surrey-heath 5.2: privately, to the Head of Service; about the work, not a personal attack',
      draft: { from: CLLR, to: DIRECTOR, body: 'Lena,\n\nIn confidence: Gary Holt was rude and dismissive to residents at the drop-in. Could we talk about it?\n\nNia' },
    },
    {
      name: 'a surname alone that the subject line does not name in full',
      why: 'a bare surname is too often someone else: only the subject naming the officer in full ties it to them',
      draft: { from: CLLR, to: DIRECTOR, subject: 'Allotments', body: 'Lena,\n\nI hear Holt lectured the allotment committee on Saturday. Spineless.\n\nNia' },
    },
    {
      name: 'a later paragraph opening with a pronoun when two officers are named',
      why: 'with two officers in view, "He" could be either, so the insult is left to the tone rule',
      draft: { from: CLLR, to: DIRECTOR, body: 'Lena,\n\nGary Holt visited the site with Lena Brooks on Monday.\n\nThe residents were upset.\n\nHe is a jobsworth.\n\nNia' },
    },
    {
      name: 'a change of subject after a dash, to residents',
      why: 'the failure belongs to the contractor, who opens the clause after the dash',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nGary Holt chased the repair twice - the contractor has failed to turn up.\n\nNia' },
    },
    {
      name: 'a change of subject after an en dash, to residents',
      why: 'an en dash opens a new statement as a spaced hyphen does',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nGary Holt chased the repair twice \u2013 the contractor has failed to turn up.\n\nNia' },
    },
    {
      name: "a press office statement quoting a councillor's praise of a named officer",
      why: 'the quoted words praise the officer: nothing is criticised',
      draft: { from: 'Press Office <press@eastmere.gov.uk>', to: PRESS, body: 'Cllr Nia Patel said: "Gary Holt and his team did a brilliant job in the floods."' },
    },
    {
      name: "the reader's name in the salutation, then a denial of having criticised an officer",
      why: 'the salutation names the reader; "I did not say" denies the word',
      draft: { from: CLLR, to: DIRECTOR, body: 'Ms Brooks,\n\nThank you for your letter.\n\nI did not say the officer was useless. I said the service was.\n\nNia' },
    },
  ],
  invalid: [
    {
      name: 'a statement to the press that a named officer knew what he told the panel was untrue',
      draft: { from: CLLR, to: PRESS, body: 'Happy to be quoted:\n\n"Members were told the scheme was on budget. Neither was true and Gary Holt knew it. He gave the panel a picture he must have known was out of date."\n\nNia' },
      expect: [{ messageId: 'toMedia' }],
    },
    {
      name: "a councillor's own release that quotes herself on a named officer (error)",
      draft: { from: CLLR, to: PRESS, body: 'PRESS RELEASE\n\nFenside councillor Nia Patel said: "Gary Holt has had every chance to sort this out and has failed. The council should take him off the job now."\n\nEnds' },
      expect: [{ messageId: 'toMedia', severity: 'error' }],
    },
    {
      name: "a press office statement quoting a councillor's blame of a named officer (error)",
      draft: { from: 'Press Office <press@eastmere.gov.uk>', to: PRESS, body: 'Statement from Eastmere District Council\n\nCllr Nia Patel said: "Gary Holt committed the council to costs nobody had approved. That was a serious error of judgement on his part."' },
      expect: [{ messageId: 'toMedia', severity: 'error' }],
    },
    {
      name: 'a surname alone once the subject line names the officer in full, then an insult',
      draft: { from: CLLR, to: DIRECTOR, subject: 'Gary Holt - allotments', body: 'Lena,\n\nI have had it with your man Holt. He lectured the allotment committee on Saturday.\n\nHe is a jobsworth of the worst kind. Have a word.\n\nNia' },
      expect: [{ messageId: 'personalAttack' }],
    },
    {
      name: 'a pronoun after a dash keeps the officer as the subject, to residents',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nGary Holt, who runs enforcement, clearly could not care less - he has not answered one of my emails.\n\nNia' },
      expect: [{ messageId: 'inPublic' }],
    },
    {
      name: "a named officer's department that cannot organise a simple letter, to parish clerks",
      draft: { from: CLLR, to: RESIDENTS, body: "All,\n\nYou were given the wrong date because Gary Holt's department can't organise a simple consultation letter.\n\nNia" },
      expect: [{ messageId: 'inPublic' }],
    },
    {
      name: 'a verbless insult right after the named officer, to residents',
      draft: { from: CLLR, to: RESIDENTS, body: 'Please share this.\n\nSix months on, Gary Holt still says the flooding on Fen Lane is not a priority. Buffoonery of the highest order.\n\nNia' },
      expect: [{ messageId: 'inPublic' }],
    },
    {
      name: 'a named officer criticised to the press (error)',
      draft: { from: CLLR, to: PRESS, body: `For your story. ${sentence} Residents deserve better.` },
      expect: [
        {
          severity: 'error',
          messageId: 'toMedia',
          evidence: { field: 'body', start: 16, end: 16 + sentence.length, quote: sentence },
          edits: [[{ kind: 'replaceText', field: 'body', start: 16, end: 17 + sentence.length, text: '' }]],
        },
      ],
    },
    {
      name: "a named officer criticised to a residents' association",
      draft: { from: CLLR, to: RESIDENTS, body: `Dear all,\n\n${sentence}\n\nNia` },
      expect: [{ severity: 'warning', messageId: 'inPublic', evidence: { quote: sentence } }],
    },
    {
      name: 'a follow-on sentence that refers back by pronoun is removed too',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nGary Holt, the engineer responsible, sat on the design for months. Frankly, he has let us down.\n\nNia' },
      expect: [
        {
          messageId: 'inPublic',
          evidence: { quote: 'Gary Holt, the engineer responsible, sat on the design for months.' },
          edits: [[{ kind: 'replaceText', field: 'body', start: 11, end: 106, text: '' }]],
        },
      ],
    },
    {
      name: 'an officer named by title and surname in a large mailing',
      draft: {
        from: CLLR,
        to: Array.from({ length: 10 }, (_, i) => `Member ${i} <m${i}@eastmere.gov.uk>`).join('; '),
        body: 'Colleagues,\n\nMr Holt made basic errors in the flood report.\n\nNia',
      },
      expect: [{ messageId: 'inPublic', evidence: { quote: 'Mr Holt made basic errors in the flood report.' } }],
    },
    {
      name: 'a personal attack in a private email',
      draft: { from: CLLR, to: DIRECTOR, body: 'Lena,\n\nGary Holt is lazy and incompetent.\n\nNia' },
      expect: [{ severity: 'warning', messageId: 'personalAttack', evidence: { quote: 'Gary Holt is lazy and incompetent.' } }],
    },
    {
      name: 'an officer introduced by role, no directory (embedded default)',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Kirkby Voice <letters@kirkbyvoice.co.uk>', body: 'Letter for publication.\n\nThe housing officer, Amir Khan, clearly did not read the survey before refusing the repair.' },
      expect: [{ messageId: 'inPublic', evidence: { quote: 'The housing officer, Amir Khan, clearly did not read the survey before refusing the repair.' } }],
    },
    {
      name: 'a town council clerk criticised on a community mailing list',
      policy: resolvePolicy({ council: { name: 'Ashby Magna Town Council', domains: ['ashbymagna-tc.gov.uk'], protocol: 'town-council' }, officers: [{ name: 'Mary Stone', email: 'clerk@ashbymagna-tc.gov.uk' }] }, 'test'),
      draft: { from: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>', to: 'Ashby News <list@ashbynews.org>', body: 'Mary Stone is to blame for the missing minutes.' },
      expect: [{ messageId: 'inPublic', evidence: { quote: 'Mary Stone is to blame for the missing minutes.' } }],
    },
    {
      name: 'a first name after the full name, on a crawley council',
      policy: resolvePolicy(
        { council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' }, officers: [{ name: 'Ruth Hale', email: 'ruth.hale@westmoor.gov.uk' }], communications: { mediaDomains: ['westmoorpost.co.uk'] } },
        'test',
      ),
      draft: { from: 'Cllr Dev Rao <cllr.rao@westmoor.gov.uk>', to: 'Post <desk@westmoorpost.co.uk>', body: 'Ruth Hale runs the parks team.\n\nRuth has made the same mistakes for years.' },
      expect: [{ severity: 'error', messageId: 'toMedia', evidence: { quote: 'Ruth has made the same mistakes for years.' } }],
    },
    {
      name: "the writer's own statement to a newspaper, in quotation marks, calling for the officer to go",
      draft: { from: CLLR, to: PRESS, body: 'Statement for your piece, happy for you to use it:\n\n"Gary Holt has lost the confidence of residents. It is time for him to go."\n\nNia' },
      expect: [{ severity: 'error', messageId: 'toMedia', evidence: { quote: '"Gary Holt has lost the confidence of residents.' } }],
    },
    {
      name: 'a call for the officer to be sacked, on a community mailing list',
      draft: { from: CLLR, to: RESIDENTS, body: 'Dear all,\n\nAfter this week, Gary Holt must be sacked.\n\nNia' },
      expect: [{ severity: 'warning', messageId: 'inPublic', evidence: { quote: 'After this week, Gary Holt must be sacked.' } }],
    },
    {
      name: "a contraction that is the criticism: \"didn't reply\"",
      draft: { from: CLLR, to: RESIDENTS, body: "Dear all,\n\nGary Holt didn't reply to a single one of your letters.\n\nNia" },
      expect: [{ messageId: 'inPublic', evidence: { quote: "Gary Holt didn't reply to a single one of your letters." } }],
    },
    {
      name: 'competence denied in so many words, to the press',
      draft: { from: CLLR, to: PRESS, body: "I don't believe Gary Holt is competent to run the flood team." },
      expect: [{ severity: 'error', messageId: 'toMedia', evidence: { quote: "I don't believe Gary Holt is competent to run the flood team." } }],
    },
    {
      name: 'an email to every councillor accusing an officer of misleading the committee, with a follow-on in the next paragraph',
      draft: {
        from: CLLR,
        to: Array.from({ length: 12 }, (_, i) => `Member ${i} <m${i}@eastmere.gov.uk>`).join('; '),
        body: 'Colleagues,\n\nThe report by Gary Holt said there was no objection. It was simply left out. When I asked, he said he was not aware of it, which I find very hard to believe.\n\nThis is the second time this officer has misled us.\n\nNia',
      },
      expect: [{ severity: 'warning', messageId: 'inPublic', evidence: { quote: 'When I asked, he said he was not aware of it, which I find very hard to believe.' } }],
    },
  ],
});

describe('public-criticism-of-officers on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('public-criticism-of-officers');
});
