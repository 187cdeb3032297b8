import { describe } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A London borough on the tower-hamlets pack (the only pack with a paragraph for this rule).
const riverbank: PolicyFile = {
  council: { name: 'Riverbank London Borough Council', domains: ['riverbank.gov.uk'], protocol: 'tower-hamlets' },
  councillors: [{ name: 'Omar Farah', email: 'cllr.omar.farah@riverbank.gov.uk', ward: 'Wharfside' }],
  officers: [
    { name: 'Julie Marsh', email: 'julie.marsh@riverbank.gov.uk' },
    { name: 'Peter Quinn', email: 'peter.quinn@riverbank.gov.uk', roles: ['senior'] },
  ],
};
const CLLR = 'Cllr Omar Farah <cllr.omar.farah@riverbank.gov.uk>';
const CASE_OFFICER = 'Julie Marsh <julie.marsh@riverbank.gov.uk>';
const DIRECTOR = 'Peter Quinn <peter.quinn@riverbank.gov.uk>';

runRuleTests('legal-proceedings', {
  policy: riverbank,
  valid: [
    {
      name: 'asking the responsible director about process',
      why: 'tower-hamlets 5.6 sends such enquiries to the director, who can answer on process',
      draft: { from: CLLR, to: DIRECTOR, body: 'Dear Peter,\n\nThe council has begun a prosecution over the fly-tip on Dock Lane. Could you tell me the date of the next hearing?\n\nOmar' },
    },
    {
      name: 'an officer writing about proceedings',
      why: 'officers handling a case may discuss it; the rule binds Members',
      draft: { from: CASE_OFFICER, to: CLLR, body: 'Dear Cllr Farah,\n\nThe possession claim is listed for 3 May. Could you let the tenant know she may want advice?\n\nJulie' },
    },
    {
      name: '"Court" as part of an address',
      why: 'Orchard Court is a block of flats, not a court of law',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Hi Julie,\n\nCould you let me know when the lift at Orchard Court will be repaired? Residents at 4 Orchard Court hearing aid users need it.\n\nOmar' },
    },
    {
      name: '"legal" in an email disclaimer',
      why: 'the signature and disclaimer are not the writer\'s enquiry, and "legally privileged" is not a proceeding',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Hi Julie,\n\nCould you send me the repairs timetable?\n\nThanks,\nOmar\n\nThis email may contain legally privileged information. If it is legal action you need, contact the sender.' },
    },
    {
      name: 'a negated mention',
      why: '"no legal action is planned" says there are no proceedings',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Hi Julie,\n\nThe tenant tells me no legal action is planned. Could you confirm when the arrears letter went out?\n\nOmar' },
    },
    {
      name: 'a planning appeal',
      why: 'appeals to the Planning Inspectorate are an administrative process, deliberately out of scope',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Hi Julie,\n\nCould you tell me when the appeal decision on 12 Wharf Road is due from the Planning Inspectorate?\n\nOmar' },
    },
    {
      name: 'a mention with no enquiry',
      why: 'a statement for information asks the officer nothing about the case',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Hi Julie,\n\nJust so you know, I will be at the county court on Tuesday as a witness in a private matter.\n\nOmar' },
    },
    {
      name: 'a councillor writing to a colleague about a case',
      why: 'no officer is contacted',
      draft: { from: CLLR, to: 'Cllr Ana Cruz <cllr.ana.cruz@riverbank.gov.uk>', body: 'Ana, could you tell me what you know about the judicial review?\n\nOmar' },
    },
    {
      name: 'the Chief Executive addressed by title (embedded default)',
      why: 'with no directory, "Chief Executive" in the display name shows a director-level officer',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Chief Executive <chief.executive@kirkby.gov.uk>', body: 'Could you let me know how the injunction against the quarry is progressing?' },
    },
    // Near misses of the kinds real drafts showed.
    {
      name: 'a negated mention with a contraction (“isn’t taking legal action”)',
      why: '"isn\'t" negates the proceedings',
      draft: { from: CLLR, to: CASE_OFFICER, body: "Hi Julie,\n\nThe tenant tells me the council isn't taking legal action. Could you confirm the arrears figure?\n\nOmar" },
    },
    {
      name: 'the same question about a prosecution, asked of the director',
      why: 'tower-hamlets 5.6: the responsible director is the right person',
      draft: { from: CLLR, to: DIRECTOR, body: 'Peter,\n\nThe council is considering a prosecution of the landlord at 4 Mill Row. Could you tell me what the process is?\n\nOmar' },
    },
    {
      name: '"to Court Lane" is a street',
      why: 'a capitalised "Court" in the sentence is a place name',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Hi Julie,\n\nCould you send the crew back to Court Lane to finish the resurfacing?\n\nOmar' },
    },
  ],
  invalid: [
    {
      name: 'a case officer asked about a possession claim',
      draft: { from: CLLR, to: CASE_OFFICER, subject: 'Mr Ode', body: 'Hi Julie,\n\nMr Ode tells me the council has a possession claim against him. Could the council withdraw it if he pays?\n\nOmar' },
      expect: [{ severity: 'warning', messageId: 'caseOfficer', evidence: { field: 'body', quote: 'possession claim' }, edits: [] }],
    },
    {
      name: 'a threatened judicial review (contemplated proceedings)',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Julie,\n\nI hear the developer is threatening a judicial review. What will our response say?\n\nOmar' },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: 'judicial review' } }],
    },
    {
      name: 'a prosecution, with the director only in copy',
      draft: { from: CLLR, to: CASE_OFFICER, cc: DIRECTOR, body: 'Julie,\n\nIs the council going to drop the prosecution of the landlord at 9 Quay Street?\n\nOmar' },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: 'prosecution' } }],
    },
    {
      name: 'a magistrates\' court hearing',
      draft: { from: CLLR, to: CASE_OFFICER, body: "Julie,\n\nThe hearing at the magistrates' court is next week. Can you tell me what evidence you are relying on?\n\nOmar" },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: "magistrates' court" } }],
    },
    {
      name: '"take the council to court"',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Julie,\n\nThe family say they will take the council to court. Would you be willing to meet them first?\n\nOmar' },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: 'to court' } }],
    },
    {
      name: 'an injunction, officer of unknown seniority (embedded default)',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Sam Ray <sam.ray@kirkby.gov.uk>', body: 'Sam, could you let me know how the injunction against the quarry is progressing?' },
      expect: [{ messageId: 'unknownOfficer', evidence: { quote: 'injunction' } }],
    },
    {
      name: 'an employment tribunal claim',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Julie,\n\nA former caretaker has an employment tribunal claim against us. Please send me the case papers.\n\nOmar' },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: 'employment tribunal' } }],
    },
    {
      name: 'proceedings named only in the subject',
      draft: { from: CLLR, to: CASE_OFFICER, subject: 'Litigation over Wharf Road', body: 'Julie,\n\nWhere have we got to? Please call me.\n\nOmar' },
      expect: [{ messageId: 'caseOfficer', evidence: { field: 'subject', start: 0, end: 10, quote: 'Litigation' } }],
    },
    // Kinds real drafts showed.
    {
      name: 'a contemplated prosecution asked about with a question',
      draft: { from: CLLR, to: CASE_OFFICER, body: 'Julie,\n\nI gather the council is considering a prosecution of the landlord at 4 Mill Row. What evidence do you have?\n\nOmar' },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: 'prosecution' } }],
    },
    {
      name: 'counsel’s advice in a live judicial review',
      draft: { from: CLLR, to: CASE_OFFICER, body: "Julie,\n\nWhat is counsel's advice on the judicial review of the Wharf Road permission, and do you think we will settle?\n\nOmar" },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: "counsel's advice" } }],
    },
    {
      name: 'a settlement position in a noise claim, on behalf of the claimants',
      draft: { from: CLLR, to: CASE_OFFICER, body: "Julie,\n\nI've been speaking to the residents bringing the noise claim against the council. Would the council be open to settling before the hearing?\n\nOmar" },
      expect: [{ messageId: 'caseOfficer', evidence: { quote: 'noise claim' } }],
    },
  ],
});

describe('legal-proceedings on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('legal-proceedings');
});
