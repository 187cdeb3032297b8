import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';

// A borough on the crawley pack: one listed personal address, one approved, one party with a domain.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Jane Brown', email: 'cllr.jane.brown@westmoor.gov.uk', ward: 'Northgate', party: 'Labour' },
    { name: 'Ahmed Khan', email: 'cllr.ahmed.khan@westmoor.gov.uk', ward: 'Northgate', personalEmails: ['ahmedkhan77@gmail.com'], party: 'Labour' },
    { name: 'Lucy Price', email: 'cllr.lucy.price@westmoor.gov.uk', ward: 'Southfields', approvedPersonalEmails: ['lucyprice@outlook.com'] },
    { name: 'Peter Ng', email: 'cllr.peter.ng@westmoor.gov.uk', ward: 'Southfields' },
  ],
  officers: [{ name: 'Tom Field', email: 'tom.field@westmoor.gov.uk' }],
  parties: [{ name: 'Labour', aliases: ['Labour Party'], domains: ['westmoorlabour.org.uk'] }],
};

// A town council on the town-council pack (where 2.6 is the council's own paragraph).
const ashby: PolicyFile = {
  council: { name: 'Ashby Town Council', domains: ['ashbytc.gov.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Bill Carter', email: 'bill.carter@ashbytc.gov.uk', personalEmails: ['billcarter@btinternet.com'] }],
  officers: [{ name: 'Dawn Ellis', email: 'clerk@ashbytc.gov.uk' }],
};

const W = resolvePolicy(westmoor, 'westmoor.json');
const A = resolvePolicy(ashby, 'ashby.json');
const D = embeddedDefaultPolicy();

const TOM = 'Tom Field <tom.field@westmoor.gov.uk>';
const agenda = 'Dear Cllr Khan,\n\nThe agenda for Thursday’s Licensing Committee is now published.\n\nKind regards\nTom Field';
const casework = 'Tom,\n\nA resident at 4 Elm Close says her bins have not been emptied for three weeks. Can someone look into it?\n\nThanks\nAhmed';

runRuleTests('personal-email', {
  policy: W,
  valid: [
    {
      name: 'a councillor reports her own missed bin from her personal address, as a resident',
      why: 'she says she writes as a resident, not in her councillor role: a private matter',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: 'Waste <waste@westmoor.gov.uk>', subject: 'Missed bin', body: "Hello,\n\nI'm writing as a resident, not in my councillor role. Our grey bin at 12 Elm Close wasn't emptied last Thursday. Could someone let me know when it will be collected?\n\nAhmed Khan" },
    },
    {
      name: 'a councillor objects, from his personal address, to a neighbour’s extension in a purely private capacity',
      why: 'he says he writes as the neighbour, not as a councillor: a private matter',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: 'Planning comments <planning.comments@westmoor.gov.uk>', subject: 'Objection - 8 Elm Close', body: 'I write as the occupier of the house next door and in a purely private capacity. Although I am a councillor for this ward, I am not writing in that role.\n\nAhmed Khan' },
    },
    {
      name: 'a councillor sends, from his personal address, his lettings firm’s price list and an offer',
      why: 'his own business: private, not council business',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: 'Tom Field <tom.field@westmoor.gov.uk>', subject: 'Licence applications', body: 'Dear Mr Field,\n\nI attach our price list for licence application support. We are offering 20% off the full package until December.\n\nAhmed' },
    },
    {
      name: 'the council tax team answers a councillor, at the personal address he wrote from, about his own account',
      why: 'his own council tax is a private matter: the service deals with him as a resident',
      draft: { from: 'Council Tax <counciltax@westmoor.gov.uk>', to: 'Ahmed Khan <ahmedkhan77@gmail.com>', subject: 'RE: Change of direct debit date', body: 'Dear Mr Khan,\n\nWe have changed your direct debit date to the 15th from April. Your council tax account shows no arrears.\n\nCouncil Tax Team' },
    },
    {
      name: 'a councillor asks, from his personal address, for his own council tax direct debit to move',
      why: 'writing as a resident about his own account is private, not council business',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: 'Council Tax <counciltax@westmoor.gov.uk>', subject: 'Direct debit', body: 'Hello,\n\nPlease could you move the direct debit for my council tax account to the 15th? My bank details are unchanged.\n\nAhmed Khan' },
    },
    {
      name: 'an officer writes to a resident who shares their surname',
      why: 'another first name ("Mark" is not a form of "Tom"): a resident, not the officer’s own mailbox',
      draft: { from: TOM, to: 'Mark Field <markfield@gmail.com>', subject: 'Your bin collection', body: 'Dear Mr Field,\n\nYour collection is on Tuesday.\n\nTom' },
    },
    {
      name: 'an officer writes to an approved personal address',
      why: 'The Monitoring Officer has approved the address (tower-hamlets 9.5).',
      draft: { from: TOM, to: 'Lucy Price <lucyprice@outlook.com>', body: 'Dear Lucy,\n\nThe training is on Wednesday.\n\nTom' },
    },
    {
      name: 'a councillor writes from an approved personal address',
      why: 'An approved address is allowed for sending as well as receiving.',
      draft: { from: 'Lucy Price <lucyprice@outlook.com>', to: TOM, body: 'Tom,\n\nThe street lights on Park Road are out again. Can you report it?\n\nLucy' },
    },
    {
      name: 'a personal address only in quoted history',
      why: 'The reply goes to the council address; the Gmail address is only in the quoted message.',
      draft: {
        from: TOM,
        to: 'Cllr Ahmed Khan <cllr.ahmed.khan@westmoor.gov.uk>',
        subject: 'RE: Bins',
        body: 'Dear Ahmed,\n\nThe crew will go back tomorrow.\n\nTom\n\n-----Original Message-----\nFrom: Ahmed Khan <ahmedkhan77@gmail.com>\nSent: 01 February 2027 09:12\nTo: Tom Field <tom.field@westmoor.gov.uk>\nSubject: Bins\n\nThe bins at Elm Close were missed.\n',
      },
    },
    {
      name: 'party fundraising from a councillor’s personal address to party members',
      why: 'Party business is not council business, so a personal account is the right place for it.',
      draft: {
        from: 'Ahmed Khan <ahmedkhan77@gmail.com>',
        to: 'Northgate members <northgate@westmoorlabour.org.uk>',
        subject: 'Quiz night',
        body: 'Hi all,\n\nOur quiz night is on Friday and all proceeds go to the branch campaign fund.\n\nAhmed',
      },
    },
    {
      name: 'party campaigning from a personal address to personal addresses',
      why: 'The content is electioneering (a Labour leaflet and canvassing), whoever receives it.',
      draft: {
        from: 'Ahmed Khan <ahmedkhan77@gmail.com>',
        to: 'Sue Hart <suehart@hotmail.co.uk>',
        subject: 'Saturday',
        body: 'Sue,\n\nCan you help with canvassing on Saturday? We need to get the new Labour leaflet out in Northgate before the weekend.\n\nAhmed',
      },
    },
    {
      name: 'a party address is not a personal address',
      why: 'PRODUCT.md: a party domain is not personal.',
      draft: { from: 'Ahmed Khan <ahmed@westmoorlabour.org.uk>', to: TOM, body: casework },
    },
    {
      name: 'an officer replies to a resident’s free-mail address',
      why: 'The resident is not a councillor and not the officer; the rule is about councillors’ and officers’ accounts.',
      draft: { from: TOM, to: 'Ian Chandler <i.chandler@virginmedia.com>', body: 'Dear Mr Chandler,\n\nThe pothole will be repaired on Thursday.\n\nTom Field' },
    },
    {
      name: 'a councillor writing in a personal capacity about their own home',
      why: 'A private matter is not council business (favour-seeking looks at the request itself).',
      draft: {
        from: 'Ahmed Khan <ahmedkhan77@gmail.com>',
        to: TOM,
        body: 'Tom,\n\nI am writing in a personal capacity, as a tenant, about the damp in my own flat.\n\nAhmed',
      },
    },
    {
      name: 'a councillor sends from a personal address to their own council account',
      why: 'Moving material onto council systems is what the protocol wants.',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: 'Cllr Ahmed Khan <cllr.ahmed.khan@westmoor.gov.uk>', body: casework },
    },
    {
      name: 'a Gmail address with a plain name under the embedded default',
      why: 'With no directory and no “Cllr” in the name, nothing says the recipient is a councillor.',
      policy: D,
      draft: { from: 'Sam Lowe <sam.lowe@eastshire.gov.uk>', to: 'Amy Lee <amylee@gmail.com>', body: 'Dear Ms Lee,\n\nYour bin will be replaced on Friday.\n\nSam' },
    },
  ],
  invalid: [
    {
      name: 'a councillor writes from his personal address to the planning team about a constituent’s objection',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: 'Planning comments <planning.comments@westmoor.gov.uk>', subject: 'Objection - 8 Elm Close', body: 'I write as ward councillor to support the objection from the residents of Elm Close to the extension at number 8.\n\nAhmed Khan' },
      expect: [{ messageId: 'fromPersonal' }],
    },
    {
      name: 'an officer writes to a councillor’s listed Gmail address',
      draft: { from: TOM, to: 'Ahmed Khan <ahmedkhan77@gmail.com>', body: agenda },
      expect: [
        {
          severity: 'error',
          messageId: 'officerToPersonal',
          evidence: { field: 'to', recipient: 'ahmedkhan77@gmail.com' },
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'ahmedkhan77@gmail.com', to: { name: 'Cllr Ahmed Khan', email: 'cllr.ahmed.khan@westmoor.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'an unlisted free-mail address whose name matches the directory',
      draft: { from: TOM, to: 'Peter Ng <peterng@yahoo.co.uk>', body: 'Dear Peter,\n\nThe site visit is at 10am.\n\nTom' },
      expect: [
        {
          severity: 'error',
          messageId: 'officerToPersonal',
          evidence: { field: 'to', recipient: 'peterng@yahoo.co.uk' },
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'peterng@yahoo.co.uk', to: { name: 'Cllr Peter Ng', email: 'cllr.peter.ng@westmoor.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'a “Cllr” display name at Hotmail under the embedded default: advice only',
      policy: D,
      draft: { from: 'Sam Lowe <sam.lowe@eastshire.gov.uk>', to: 'Cllr Amy Lee <amylee@hotmail.co.uk>', body: 'Dear Cllr Lee,\n\nThe bins at Mill Court will be emptied tomorrow.\n\nSam' },
      expect: [{ severity: 'error', messageId: 'officerToPersonal', evidence: { field: 'to', recipient: 'amylee@hotmail.co.uk' }, edits: [] }],
    },
    {
      name: 'a councillor’s personal address in Cc',
      draft: { from: TOM, to: 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>', cc: 'Ahmed Khan <ahmedkhan77@gmail.com>', body: 'Dear Jane and Ahmed,\n\nThe ward walk is on Friday.\n\nTom' },
      expect: [
        {
          severity: 'error',
          messageId: 'officerToPersonal',
          evidence: { field: 'cc', recipient: 'ahmedkhan77@gmail.com' },
          edits: [[{ kind: 'replaceRecipient', field: 'cc', from: 'ahmedkhan77@gmail.com', to: { name: 'Cllr Ahmed Khan', email: 'cllr.ahmed.khan@westmoor.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'the town clerk writes to a councillor’s BT address',
      policy: A,
      draft: { from: 'Dawn Ellis <clerk@ashbytc.gov.uk>', to: 'Bill Carter <billcarter@btinternet.com>', body: 'Dear Bill,\n\nThe allotment rents are attached.\n\nDawn' },
      expect: [
        {
          severity: 'error',
          messageId: 'officerToPersonal',
          evidence: { field: 'to', recipient: 'billcarter@btinternet.com' },
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'billcarter@btinternet.com', to: { name: 'Cllr Bill Carter', email: 'bill.carter@ashbytc.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'a councillor raises casework from a listed personal address',
      draft: { from: 'Ahmed Khan <ahmedkhan77@gmail.com>', to: TOM, body: casework },
      expect: [{ severity: 'warning', messageId: 'fromPersonal', evidence: { field: 'from', recipient: 'ahmedkhan77@gmail.com' }, edits: [] }],
    },
    {
      name: 'a councillor says it is not a campaign matter: council business from a personal address',
      draft: {
        from: 'Ahmed Khan <ahmedkhan77@gmail.com>',
        to: TOM,
        body: 'Tom,\n\nThis isn’t about the Labour campaign: residents of Elm Close want their bins emptied.\n\nAhmed',
      },
      expect: [{ severity: 'warning', messageId: 'fromPersonal', evidence: { field: 'from', recipient: 'ahmedkhan77@gmail.com' } }],
    },
    {
      name: 'a councillor writes from an unlisted BT address that matches the directory',
      draft: { from: 'Peter Ng <png1968@btinternet.com>', to: TOM, body: 'Dear Tom,\n\nThe community centre lease runs out in September. Who should the committee contact?\n\nPeter' },
      expect: [{ severity: 'warning', messageId: 'fromPersonal', evidence: { field: 'from', recipient: 'png1968@btinternet.com' } }],
    },
    {
      name: 'a councillor sends council business to a colleague’s personal address',
      draft: { from: 'Cllr Jane Brown <cllr.jane.brown@westmoor.gov.uk>', to: 'Ahmed Khan <ahmedkhan77@gmail.com>', body: 'Ahmed,\n\nThe officer says the Elm Close bins will be emptied on Monday.\n\nJane' },
      expect: [
        {
          severity: 'warning',
          messageId: 'toPersonal',
          evidence: { field: 'to', recipient: 'ahmedkhan77@gmail.com' },
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'ahmedkhan77@gmail.com', to: { name: 'Cllr Ahmed Khan', email: 'cllr.ahmed.khan@westmoor.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'an officer forwards council data to their own Gmail',
      draft: { from: TOM, to: 'Tom Field <tomfield.home@gmail.com>', subject: 'FW: Arrears list', body: 'To work on over the weekend.' },
      expect: [
        {
          severity: 'warning',
          messageId: 'officerDataToPersonal',
          evidence: { field: 'to', recipient: 'tomfield.home@gmail.com' },
          edits: [[{ kind: 'removeRecipient', field: 'to', email: 'tomfield.home@gmail.com' }]],
        },
      ],
    },
    {
      // "Tom Field" and "Tommy Field": the same surname, and one first name starts the other.
      name: 'an officer forwards council data home under a short form of their name',
      draft: { from: TOM, to: 'Tommy Field <tf.home@gmail.com>', subject: 'FW: Arrears list', body: 'To finish at the weekend.' },
      expect: [{ severity: 'warning', messageId: 'officerDataToPersonal', evidence: { field: 'to', recipient: 'tf.home@gmail.com' } }],
    },
    {
      name: 'an officer copies their own unnamed personal mailbox (embedded default)',
      policy: D,
      draft: { from: 'Sam Lowe <sam.lowe@eastshire.gov.uk>', to: 'Cllr Amy Lee <amy.lee@eastshire.gov.uk>', bcc: 'sam.lowe82@outlook.com', body: 'Dear Cllr Lee,\n\nThe figures are attached.\n\nSam' },
      expect: [{ severity: 'warning', messageId: 'officerDataToPersonal', evidence: { field: 'bcc', recipient: 'sam.lowe82@outlook.com' } }],
    },
  ],
});

describe('personal-email on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('personal-email');
});
