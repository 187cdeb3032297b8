import { describe } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { resolvePolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A borough on the crawley pack, with a small directory.
const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [{ name: 'Dev Rao', email: 'cllr.rao@westmoor.gov.uk', ward: 'Quayside', party: 'Labour' }],
  officers: [{ name: 'Ruth Hale', email: 'ruth.hale@westmoor.gov.uk', roles: ['senior'] }],
};
// A town council on the town-council pack.
const ashby = resolvePolicy({ council: { name: 'Ashby Magna Town Council', domains: ['ashbymagna-tc.gov.uk'], protocol: 'town-council' } }, 'test');

const CLLR = 'Cllr Dev Rao <cllr.rao@westmoor.gov.uk>';
const OFFICER = 'Ruth Hale <ruth.hale@westmoor.gov.uk>';

runRuleTests('discourteous-tone', {
  policy: westmoor,
  valid: [
    {
      name: 'a firm reply that the councillor will not attend a hearing',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI have your letter about the hearing. I will not attend on the 14th and have asked my solicitor to write to you with the reasons.\n\nDev' },
      why: 'Declining to attend, and saying a solicitor will write, is firm but not contempt or a threat.',
    },
    {
      name: 'a firm correction of a colleague’s figures, without calling him a liar',
      why: 'saying a statement was wrong and giving the facts is robust, not abusive',
      draft: { from: CLLR, to: 'Cllr Joe Marsh <cllr.joe.marsh@westmoor.gov.uk>', body: 'Joe,\n\nWhat you told council about the police letter was not right: I emailed it to you at 9.14 this morning. Could you correct the record at the next meeting?\n\nDev' },
    },
    {
      name: 'an officer’s file note quoting the insults a complaint relies on',
      why: 'the email quoted ("It says: …", "It ends by asking …") is someone else’s words, set out for the complaint',
      draft: { from: OFFICER, to: 'Simon Adeyemi <simon.adeyemi@westmoor.gov.uk>', body: 'Simon\n\nFile note for the complaint.\n\n1. It says: "I\'ve met more backbone in a jellyfish".\n2. It ends by asking for an explanation rather than "the usual mush from your press office".\n\nRuth' },
    },
    {
      name: 'denying having used an insult',
      why: 'a word the writer says they did not say is mentioned, not used',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI did not say the officer was "useless". I said the service was slow.\n\nDev' },
    },
    {
      name: 'plain thanks and a plain note that the team is busy',
      why: 'thanks without irony and a fact about the team: nothing mocks the reader',
      draft: { from: CLLR, to: OFFICER, body: 'Thank you for sending the appendix. I realise this is a busy time for the team.\n\nDev' },
    },
    {
      name: 'acronyms, a planning reference and a postcode in capitals',
      why: 'HMO, CIL, S106, ASB and 24/01234/FUL are abbreviations, not shouting',
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nIs the HMO at 4 Dock Road (QU1 2AB, 24/01234/FUL) liable for CIL, and will there be an S106 contribution? The ASB reports are attached.\n\nThanks,\nDev' },
    },
    {
      name: 'a firm but polite chaser with a deadline',
      why: 'a date for a reply is a request, not an aggressive demand',
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nI am disappointed not to have had a reply. I would appreciate an answer by Friday, or an idea of when you can give one.\n\nKind regards,\nDev' },
    },
    {
      name: '"URGENT" in the subject',
      why: 'one word in the subject marks priority; it is not shouting at the reader',
      draft: { from: CLLR, to: OFFICER, subject: 'URGENT: flooding on Mill Lane', body: 'Ruth, water is coming into two houses on Mill Lane. Could someone attend today?\n\nDev' },
    },
    {
      name: 'a news release headline set in capitals',
      why: 'releases set headlines in capitals: a line of its own without a full stop in publicity is not shouting',
      draft: { from: 'Press Office <press@westmoor.gov.uk>', to: 'News desk <news@westmoortimes.co.uk>', subject: 'News release: Quayside park reopens', body: 'NEWS RELEASE\n\nQUAYSIDE PARK REOPENS AFTER FLOOD REPAIRS\n\nThe park on Quayside reopens on Saturday after six months of repairs.\n\nENDS' },
    },
    {
      name: 'capability criticised in plain terms: out of his depth, not up to the job',
      why: 'a judgement on capability is criticism (public-criticism-of-officers where it is public), not an insult',
      draft: { from: CLLR, to: 'News desk <news@westmoortimes.co.uk>', body: 'My comment: "In my view the planning officer is out of his depth on this application, and the service is not up to the job."\n\nDev' },
    },
    {
      name: "a resident's insult reported with its speaker, in quotation marks",
      why: 'the words are the resident’s, named as the speaker, and the writer relays them to get the case looked at',
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nMr Pike told me: "The man who came round was an absolute clown." Could someone else visit him next week?\n\nDev' },
    },
    {
      name: "quoting a resident's angry words",
      why: "the capitals and insult are the resident's, relayed by the writer",
      draft: { from: CLLR, to: OFFICER, body: 'Dear Ruth,\n\nMrs Ode wrote to me: "YOU PEOPLE ARE USELESS AND NOBODY EVER ANSWERS THE PHONE." Could we look at her case together?\n\nDev' },
    },
    {
      name: 'sympathy that is not aimed at the reader',
      why: 'indignation about what happened to a resident is not an insult to the officer',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI was disgusted to hear what happened to her. It is a disgrace that a family waited so long in temporary housing.\n\nDev' },
    },
    {
      name: 'escalation through the proper route',
      why: 'saying a matter will go to the Chief Executive is what the protocol asks, not a threat',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nIf I have not heard by Friday I will raise this with the Chief Executive.\n\nDev' },
    },
    {
      name: 'a negated insult',
      why: '"not useless" says the opposite',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI know your team is not useless and is under pressure. Could you give me a date for the repair?\n\nDev' },
    },
    {
      name: 'a polite question that uses "sort it out"',
      why: 'a question with "could you" is a request, not an imperative',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth, could you sort it out before the weekend, please?\n\nDev' },
    },
    {
      name: 'a document marking in capitals',
      why: 'PRIVATE AND CONFIDENTIAL and NOT FOR PUBLICATION are markings, not shouting',
      draft: { from: OFFICER, to: CLLR, body: 'PRIVATE AND CONFIDENTIAL - NOT FOR PUBLICATION\n\nDear Cllr Rao,\n\nThe report is attached.\n\nRuth' },
    },
    {
      name: 'a councillor writing to a resident only',
      why: 'the protocols govern councillors and officers; no council person receives it',
      draft: { from: CLLR, to: 'Pat Moss <pat.moss@example.com>', body: 'Pat, THE COUNCIL HAS LET YOU DOWN AND I WILL FIGHT THIS FOR YOU.\n\nDev' },
    },
    {
      name: 'shouting in quoted history only',
      why: 'the capitals are in the message being replied to, not the writer\'s words',
      policy: ashby,
      draft: {
        from: 'Town Clerk <clerk@ashbymagna-tc.gov.uk>',
        to: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>',
        body: 'Dear Amy,\n\nThank you, I will look into it.\n\nClerk\n\n-----Original Message-----\nFrom: Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>\nSubject: bins\n\nTHE BINS HAVE NOT BEEN EMPTIED AGAIN AND I AM FED UP WITH IT.',
      },
    },
    // ---- near misses of the threats, insults and swearing the old patterns missed ----
    {
      name: 'the council\'s solicitor giving advice',
      why: 'legal vocabulary in a neutral sense: the council\'s own legal advice is no threat to anyone',
      draft: { from: OFFICER, to: CLLR, body: 'Dear Cllr Rao,\n\nThe council\'s solicitor has advised that the lease can be renewed for five years. Legal Services will instruct counsel on the appeal.\n\nRuth' },
    },
    {
      name: 'a crime reported to the police',
      why: 'reporting fly-tipping to the police is not a threat to the reader',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI have reported the fly-tipping on Dock Road to the police. Could your team clear it this week?\n\nDev' },
    },
    {
      name: '"I won\'t be reporting this to the police"',
      why: 'a negated threat, written with a contraction, says the opposite',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI won\'t be reporting this to the police and I won\'t be going to the press with it. I just want it sorted by Friday.\n\nDev' },
    },
    {
      name: '"I didn\'t call you incompetent" and "isn\'t useless"',
      why: 'negated insults, with contractions, say the opposite',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI didn\'t call you incompetent at the meeting. Your team isn\'t useless, it is stretched.\n\nDev' },
    },
    {
      name: '"I\'m not threatening anyone" with nothing after it',
      why: 'disowning a threat, with no threat in the draft, is a firm complaint',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI\'m not threatening anyone, I just want an answer by Friday.\n\nDev' },
    },
    {
      name: 'a firm but polite third chase',
      why: 'disappointment, a date and escalation to the Chief Executive are the protocol\'s own route',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nThis is the third time I have asked, and I am disappointed. I need a firm date by Friday, or I will raise it with the Chief Executive.\n\nDev' },
    },
    {
      name: "a resident's rude words passed on without quotation marks",
      why: 'reported speech: the resident said it, the writer passes it on',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nA resident rang to say you lot are useless and a joke. Could we meet her together?\n\nDev' },
    },
    {
      name: '"a bloody nose" as a political idiom',
      why: 'the idiom is not swearing at anyone',
      draft: { from: CLLR, to: 'Cllr Amy Shaw <cllr.shaw@westmoor.gov.uk>', body: 'Amy,\n\nResidents gave the administration a bloody nose at the by-election.\n\nDev' },
    },
    {
      name: 'an apologetic "stupid question"',
      why: 'the writer belittles their own question, not the reader',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nSorry if this is a stupid question, but could you tell me the deadline?\n\nDev' },
    },
    {
      name: 'asterisks for emphasis, not masking',
      why: '"**Note:**" starts with stars: markdown emphasis, not a masked swear word',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\n**Note:** the revised date is 4 March, see the *updated* plan.\n\nDev' },
    },
    {
      name: 'acronyms in capitals that are on no list',
      why: 'single words in capitals (DPIA) are not a run of shouting',
      draft: { from: OFFICER, to: CLLR, body: 'Dear Cllr Rao,\n\nThe PSPO and CPZ TRO consultation closes on Friday; the DPO has signed off the DPIA.\n\nRuth' },
    },
    {
      name: 'a word or two in capitals for emphasis',
      why: 'two emphasised words are not a passage in capitals',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nIt is NOT proportionate and I am NOT happy with the response.\n\nDev' },
    },
    {
      name: '"Don\'t bother replying" as a kindness',
      why: 'telling the reader no reply is needed is not an order',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nDon't bother replying to this one, it's just for your information.\n\nDev" },
    },
    {
      name: 'a resident writing to a resident',
      why: 'no councillor or officer writes or receives it',
      draft: { from: 'Pat Moss <pat.moss@example.com>', to: 'Sam Lee <sam.lee@example.com>', body: 'Sam,\n\nThe council are useless and I will go to the press.\n\nPat' },
    },
  ],
  invalid: [
    {
      name: 'contempt for an officer’s process (“twaddle”, “your little tribunal”)',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nThe whole process is twaddle and I have better things to do than sit in front of your little tribunal.\n\nDev' },
      expect: [{ messageId: 'insult' }],
    },
    {
      name: 'personal abuse of a resident who wrote in ("crawl back under whatever stone …")',
      draft: { from: CLLR, to: 'Mr Hutton <hutton@example.com>', body: 'Mr Hutton,\n\nCrawl back under whatever stone you came out from and leave the rest of us to get on with it.\n\nDev' },
      expect: [{ messageId: 'insult' }],
    },
    {
      name: 'a colleague told he lied to the chamber',
      draft: { from: CLLR, to: 'Cllr Joe Marsh <cllr.joe.marsh@westmoor.gov.uk>', body: 'Joe,\n\nEither you did not read your own inbox or you stood up and lied to the chamber.\n\nDev' },
      expect: [{ messageId: 'insult' }],
    },
    {
      name: 'sarcastic thanks for a mistake, and "I realise that\'s asking a lot"',
      draft: { from: CLLR, to: OFFICER, body: "Thank you so much for sending me the wrong appendix. Again. Perhaps someone could attach the right one before the papers go out? I realise that's asking a lot.\n\nDev" },
      expect: [{ messageId: 'insult' }, { messageId: 'insult' }],
    },
    {
      name: 'a threat to have the officer named in a claim',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nIf the conference goes ahead, Mr Hartley's solicitor will be hearing from me and I'll make sure you are named personally in any claim.\n\nDev" },
      expect: [{ messageId: 'threat' }],
    },
    {
      name: 'a line of capitals without a full stop in an email to an officer',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI HAVE ASKED YOU THREE TIMES ABOUT THE DOCK ROAD BINS\n\nDev' },
      expect: [{ messageId: 'shouting' }],
    },
    {
      name: 'a post the councillor asks a community page to publish, in quotation marks, calling the chief executive a clown',
      draft: {
        from: CLLR,
        to: 'Page admins <admins@quaysidecommunity.org.uk>',
        body: 'Hi both,\n\nCould you put this up for me?\n\n"Six months and the Dock Road lights are still out. Our chief executive says it is not a priority. Buffoonery of the highest order."\n\nCheers,\nDev',
      },
      expect: [{ messageId: 'insult', evidence: { field: 'body' as const, quote: 'Buffoonery of the highest order' } }],
    },
    {
      name: 'a verbless insult after a complaint about an officer',
      draft: { from: CLLR, to: 'Jo <jo.noticeboard@gmail.com>', body: 'Jo, please post this.\n\nThe housing officer told a mum the mould was her own fault. An absolute idiot.\n\nDev' },
      expect: [{ messageId: 'insult', evidence: { field: 'body' as const, quote: 'An absolute idiot' } }],
    },
    (() => {
      const body = 'Ruth,\n\nTHE BINS ON DOCK ROAD HAVE NOT BEEN EMPTIED FOR THREE WEEKS.\n\nI HAVE ASKED YOU TWICE NOW AND NOTHING HAS HAPPENED.\n\nDev';
      const first = 'THE BINS ON DOCK ROAD HAVE NOT BEEN EMPTIED FOR THREE WEEKS';
      const second = 'I HAVE ASKED YOU TWICE NOW AND NOTHING HAS HAPPENED';
      const a = body.indexOf(first);
      const b = body.indexOf(second);
      return {
        name: 'two paragraphs in capitals (crawley)',
        draft: { from: CLLR, to: OFFICER, subject: 'Dock Road bins', body },
        expect: [
          {
            severity: 'warning' as const,
            messageId: 'shouting',
            evidence: { field: 'body' as const, start: a, end: a + first.length, quote: first },
            edits: [
              [
                { kind: 'replaceText' as const, field: 'body' as const, start: a, end: a + first.length, text: 'The bins on Dock Road have not been emptied for three weeks' },
                { kind: 'replaceText' as const, field: 'body' as const, start: b, end: b + second.length, text: 'I have asked you twice now and nothing has happened' },
              ],
            ],
          },
        ],
      };
    })(),
    {
      name: 'a shouted sentence keeps its acronyms in the fix',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nWHY HAS THE HMO LICENCE STILL NOT BEEN ISSUED?\n\nDev' },
      expect: [
        {
          messageId: 'shouting',
          evidence: { quote: 'WHY HAS THE HMO LICENCE STILL NOT BEEN ISSUED' },
          edits: [[{ kind: 'replaceText', field: 'body', start: 7, end: 52, text: 'Why has the HMO licence still not been issued' }]],
        },
      ],
    },
    {
      name: 'an insult aimed at the reader',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nThis is the third complaint and frankly you are useless.\n\nDev' },
      expect: [{ severity: 'warning', messageId: 'insult', evidence: { field: 'body', quote: 'useless' }, edits: [] }],
    },
    {
      name: 'a threat to go to the press',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nIf this is not fixed by Monday I will go to the press.\n\nDev' },
      expect: [{ messageId: 'threat', evidence: { quote: 'I will go to the press' } }],
    },
    {
      name: '"or else" as a threat (embedded default)',
      policy: resolvePolicy({ council: { name: 'your council' } }, 'embedded default', true),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Sam Ray <sam.ray@kirkby.gov.uk>', body: 'Sam,\n\nGet the report to me by noon, or else.\n\nJo' },
      expect: [{ messageId: 'threat', evidence: { quote: 'or else' } }],
    },
    {
      name: 'a shouted demand and a threat in one draft',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nSORT IT OUT. I will make sure every resident knows exactly how your team treats Quayside.\n\nDev' },
      expect: [
        { messageId: 'shouting', evidence: { quote: 'SORT IT OUT' }, edits: [[{ kind: 'replaceText', field: 'body', start: 7, end: 18, text: 'Sort it out' }]] },
        { messageId: 'threat', evidence: { quote: 'I will make sure every resident knows exactly how your' } },
      ],
    },
    {
      name: 'an officer swearing at a councillor (town council)',
      policy: ashby,
      draft: { from: 'Town Clerk <clerk@ashbymagna-tc.gov.uk>', to: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>', body: 'Amy,\n\nI have had enough of your bloody emails about the allotments.\n\nClerk' },
      expect: [{ messageId: 'insult', evidence: { quote: 'bloody' } }],
    },
    {
      name: '"I won\'t be polite about it"',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI will raise this at full council and I won\'t be polite about it.\n\nDev' },
      expect: [{ messageId: 'threat', evidence: { quote: "won't be polite" } }],
    },
    {
      name: 'a demand that starts "I demand"',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nI demand a full explanation today.\n\nDev' },
      expect: [{ messageId: 'demand', evidence: { quote: 'I demand' } }],
    },
    {
      name: 'a team called a shambles',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nYour department is an absolute shambles.\n\nDev' },
      expect: [{ messageId: 'insult', evidence: { quote: 'an absolute shambles' } }],
    },
    // ---- the kinds of real wording the old patterns missed ----
    {
      name: 'a threat of the councillor\'s own solicitor',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nIf I don't hear by Friday I'll be speaking to my solicitor.\n\nDev" },
      expect: [{ severity: 'warning', messageId: 'threat', evidence: { field: 'body', quote: 'speaking to my solicitor' }, edits: [] }],
    },
    {
      name: 'a threat of the police after a condition with no comma',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nIf I do not have a reply by Monday I will be reporting this to the police.\n\nDev' },
      expect: [{ messageId: 'threat', evidence: { quote: 'will be reporting this to the police' } }],
    },
    {
      name: 'a chief executive threatening a councillor with proceedings',
      draft: { from: OFFICER, to: CLLR, body: 'Councillor Rao,\n\nUnless the post is removed by 5pm tomorrow I will instruct solicitors to issue proceedings against you personally.\n\nRuth' },
      expect: [{ messageId: 'threat', evidence: { quote: 'instruct solicitors' } }],
    },
    {
      name: '"I won\'t hesitate to take legal action"',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nI won't hesitate to take legal action.\n\nDev" },
      expect: [{ messageId: 'threat', evidence: { quote: "won't hesitate to take legal action" } }],
    },
    {
      name: '"I\'m not threatening anyone, but…" followed by a threat',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nI'm not threatening anyone, but I will go to the press if this drags on.\n\nDev" },
      expect: [{ messageId: 'threat', evidence: { quote: 'I will go to the press' } }],
    },
    {
      name: 'the council\'s solicitors as a threat to a contractor',
      draft: { from: CLLR, to: 'Site Manager <site@hollinshomes.co.uk>', body: 'Dear Sir,\n\nIf I see one more lorry on Church Lane you will be hearing from the council\'s solicitors.\n\nCllr Rao' },
      expect: [{ messageId: 'threat', evidence: { quote: "hearing from the council's solicitors" } }],
    },
    {
      name: 'officers to be "shown the door", in a councillors-only email',
      draft: { from: CLLR, to: 'Cllr Amy Shaw <cllr.shaw@westmoor.gov.uk>', body: "Amy,\n\nAnybody who blocked this will be shown the door. I'm not having another year of this b****y nonsense.\n\nDev" },
      expect: [
        { messageId: 'threat', evidence: { quote: 'be shown the door' } },
        { messageId: 'insult', evidence: { quote: 'b****y' } },
      ],
    },
    {
      name: 'starred-out swearing',
      draft: { from: CLLR, to: OFFICER, body: 'Ruth,\n\nThis is a f***ing joke. What a s**t show.\n\nDev' },
      expect: [
        { messageId: 'insult', evidence: { quote: 'f***ing' } },
        { messageId: 'insult', evidence: { quote: 's**t' } },
      ],
    },
    {
      name: 'insults about character and competence on no old list',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nFrankly you are incompetent. Your officers are lazy. You're not fit to run a bath.\n\nDev" },
      expect: [
        { messageId: 'insult', evidence: { quote: 'incompetent' } },
        { messageId: 'insult', evidence: { quote: 'lazy' } },
        { messageId: 'insult', evidence: { quote: 'not fit to run a bath' } },
      ],
    },
    {
      name: 'a councillor calling a resident a coward (from a council account)',
      draft: { from: CLLR, to: 'Colin East <colin.east@outlook.com>', body: "Mr East,\n\nYou haven't got the guts to stand for election. You're a coward.\n\nCllr Rao" },
      expect: [
        { messageId: 'insult', evidence: { quote: "haven't got the guts" } },
        { messageId: 'insult', evidence: { quote: 'coward' } },
      ],
    },
    {
      name: 'aggressive demands',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nI want every report on my desk by Friday. Don't bother fobbing me off with another holding reply.\n\nDev" },
      expect: [
        { messageId: 'demand', evidence: { quote: 'on my desk by' } },
        { messageId: 'demand', evidence: { quote: "Don't bother fobbing me off" } },
      ],
    },
    {
      name: 'a shouted sentence with a contraction',
      draft: { from: CLLR, to: OFFICER, body: "Ruth,\n\nI WON'T BE SPOKEN TO LIKE THAT AGAIN.\n\nDev" },
      expect: [{ messageId: 'shouting', evidence: { quote: "I WON'T BE SPOKEN TO LIKE THAT AGAIN" }, edits: [[{ kind: 'replaceText', field: 'body', start: 7, end: 43, text: "I won't be spoken to like that again" }]] }],
    },
  ],
});

describe('discourteous-tone on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('discourteous-tone');
});
