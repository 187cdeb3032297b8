import { describe } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import type { CouncillorEntry, PolicyFile } from '../policy.ts';

const westmoorCouncillors: CouncillorEntry[] = [
  { name: 'Aled Price', email: 'aled.price@westmoor.gov.uk', ward: 'Brookside', party: 'Labour', roles: ['cabinet'] },
  { name: 'Nina Shah', email: 'nina.shah@westmoor.gov.uk', ward: 'Brookside', party: 'Conservative', roles: [] },
  { name: 'Tom Reilly', email: 'tom.reilly@westmoor.gov.uk', ward: 'Hillcrest', party: 'Reform UK', roles: ['mayor'] },
  { name: 'Kay Lunn', email: 'kay.lunn@westmoor.gov.uk', ward: 'Hillcrest', party: 'Labour', roles: ['vice-chair'] },
];
const westmoorFile: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: westmoorCouncillors,
  officers: [
    { name: 'Ruth Kay', email: 'ruth.kay@westmoor.gov.uk', roles: ['comms'] },
    { name: 'Dev Patel', email: 'dev.patel@westmoor.gov.uk', roles: [] },
  ],
  communications: { teamAddresses: ['media@westmoor.gov.uk'], mediaDomains: ['westmoorgazette.co.uk'] },
  elections: [{ name: 'Borough elections 2028', pollingDay: '2028-05-04', periodStart: '2028-03-24' }],
};
const W = resolvePolicy(westmoorFile, 'westmoor');
// The same directory on the surrey-heath pack (Mayor for ceremonial events only) and the district-model pack.
const SH = resolvePolicy({ ...westmoorFile, council: { ...westmoorFile.council, protocol: 'surrey-heath' } }, 'westmoor-sh');
const DM = resolvePolicy({ ...westmoorFile, council: { ...westmoorFile.council, protocol: 'district-model' } }, 'westmoor-dm');
const D = embeddedDefaultPolicy();

const comms = 'Ruth Kay <ruth.kay@westmoor.gov.uk>';
const gazette = 'Newsdesk <news@westmoorgazette.co.uk>';
const feb = '2028-02-08T10:00:00Z';
const at = (body: string, text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });

const backbenchBody = 'News release\n\nNew crossing on Elm Road\n\nBrookside ward councillor Nina Shah said: "Residents asked for this for years."\n\nEnds';
const mayorBody = 'News release\n\nPlanning decision on the Mill Lane scheme\n\nThe Mayor, Cllr Tom Reilly, said: "This is good news for the town centre."';
const labelBody = 'Press release\n\nCouncillor Ann Frost (Conservative), Cabinet Member for Parks, said: "The park is ready."';
const directBody = 'Hi,\n\nPress release below.\n\nPress release\n\nBrookside pool reopens on 1 March after repairs.\n\nDev Patel\nLeisure Manager';
const vcBody = 'News release\n\n"The new bus shelters are welcome," said Cllr Kay Lunn, Vice-Chair of the Transport Committee.';
// Attributions with no speech verb (see analysis/publicity.ts): a dash line under the quotation, a lead-in line above it.
const dashBody = 'News release\n\n"Residents asked for this crossing for years."\n\u2014 Cllr Nina Shah, ward councillor for Brookside\n\nEnds';
const leadInBody = 'Statement for use\n\nQuote from Cllr Nina Shah:\n"The crossing opens on Monday."';

runRuleTests('press-release-quotes', {
  policy: W,
  invalid: [
    {
      name: 'a backbencher quoted in a crawley council release (8.4)',
      draft: { from: comms, to: gazette, body: backbenchBody, date: feb },
      expect: [
        {
          severity: 'warning',
          messageId: 'unapprovedSpeaker',
          evidence: { field: 'body', quote: 'Brookside ward councillor Nina Shah said' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(backbenchBody, 'Brookside ward councillor Nina Shah said'), text: 'A Council spokesperson said' }]],
        },
      ],
    },
    {
      name: 'the Mayor quoted on a planning decision under surrey-heath 7.6 (ceremonial only)',
      policy: SH,
      draft: { from: comms, to: gazette, body: mayorBody, date: feb },
      expect: [{ messageId: 'ceremonialOnly', evidence: { quote: 'The Mayor, Cllr Tom Reilly, said' } }],
    },
    {
      name: 'a party label in a release, with the embedded default (no directory)',
      policy: D,
      draft: { from: 'Press Office <press@example.gov.uk>', to: 'News <news@example-news.co.uk>', body: labelBody, date: feb },
      expect: [{ messageId: 'partyLabel', evidence: { quote: '(Conservative)' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(labelBody, ' (Conservative)'), text: '' }]] }],
    },
    {
      name: 'a service manager sends a release straight to the newspaper',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: gazette, subject: 'Press release - pool', body: directBody, date: feb },
      expect: [
        {
          messageId: 'notThroughComms',
          evidence: { field: 'from', recipient: 'dev.patel@westmoor.gov.uk' },
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'news@westmoorgazette.co.uk', to: { name: 'Communications team', email: 'media@westmoor.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'an officer sends a release to an outside address, embedded default: advice only',
      policy: D,
      draft: { from: 'Dev Patel <dev.patel@example.gov.uk>', to: 'Sports desk <sport@example-news.co.uk>', body: directBody, date: feb },
      expect: [{ messageId: 'notThroughComms', evidence: { field: 'from' }, edits: [] }],
    },
    {
      name: 'a committee vice-chair quoted under district-model 12.3 (Chairs, not vice-chairs)',
      policy: DM,
      draft: { from: comms, to: gazette, body: vcBody, date: feb },
      expect: [{ messageId: 'unapprovedSpeaker', evidence: { quote: 'said Cllr Kay Lunn, Vice-Chair of the Transport Committee' } }],
    },
    {
      name: 'a backbencher quoted by a dash line under the quotation',
      draft: { from: comms, to: gazette, body: dashBody, date: feb },
      expect: [
        {
          messageId: 'unapprovedSpeaker',
          evidence: { quote: '\u2014 Cllr Nina Shah, ward councillor for Brookside' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(dashBody, '\u2014 Cllr Nina Shah, ward councillor for Brookside'), text: '\u2014 a Council spokesperson' }]],
        },
      ],
    },
    {
      name: 'a backbencher quoted by "Quote from Cllr X:" above the quotation',
      draft: { from: comms, to: gazette, body: leadInBody, date: feb },
      expect: [{ messageId: 'unapprovedSpeaker', evidence: { quote: 'Quote from Cllr Nina Shah' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(leadInBody, 'Quote from Cllr Nina Shah'), text: 'Quote from a Council spokesperson' }]] }],
    },
  ],
  valid: [
    {
      name: 'the declared results sent to the media, with each candidate’s party description',
      why: 'a declaration of results must print party descriptions: not labels the council gives councillors',
      draft: { from: comms, to: gazette, subject: 'Westmoor borough election results', body: 'All,\n\nDeclared results for all wards below. Turnout 33.8%.\n\nBrookside: SHAH, Nina (The Conservative Party Candidate) 1,412 - elected; PRICE, Aled (Labour Party) 688.\n\nRuth', date: '2028-05-05T02:55:00+01:00' },
    },
    {
      name: 'a release that credits the administration’s party and blames “Labour councillors”, naming no member',
      why: 'no member is given a party: the party content is letterhead-for-party-matters’ finding, not a quoted member’s label',
      draft: { from: comms, to: gazette, subject: 'News release: budget', body: 'NEWS RELEASE\n\nThe Lib Dem administration’s budget keeps weekly bins. Labour councillors opposed every saving.\n\nENDS', date: feb },
    },
    {
      name: 'a cabinet member quoted by "Quote from Cllr X, Cabinet Member …:" (crawley 8.4)',
      why: 'cabinet members may be quoted, however the quote is introduced',
      draft: { from: comms, to: gazette, body: 'Statement for use\n\nQuote from Cllr Aled Price, Cabinet Member for Housing:\n"The homes are ready."', date: feb },
    },
    {
      name: 'an officer quoted by a dash line under the quotation',
      why: 'officers may be quoted; only councillors are limited',
      draft: { from: comms, to: gazette, body: 'News release\n\n"The pool is ready."\n\u2013 Dev Patel, Leisure Manager', date: feb },
    },
    {
      name: 'a cabinet member quoted (crawley 8.4)',
      why: 'cabinet members may be quoted',
      draft: { from: comms, to: gazette, body: 'News release\n\nCllr Aled Price, Cabinet Member for Housing, said: "The homes are ready."', date: feb },
    },
    {
      name: 'the Mayor quoted on the Mayor’s charity awards (surrey-heath 7.6)',
      why: 'the Mayor may be quoted about ceremonial events',
      policy: SH,
      draft: { from: comms, to: gazette, body: 'News release\n\nNominations open for the civic awards.\n\nThe Mayor, Cllr Tom Reilly, said: "Tell us about your local heroes."', date: feb },
    },
    {
      name: 'a vice-chair quoted under surrey-heath, which allows vice-chairmen',
      why: 'surrey-heath 7.6 names the Vice-Chairman of a committee',
      policy: SH,
      draft: { from: comms, to: gazette, body: vcBody, date: feb },
    },
    {
      name: 'a backbencher quoted inside the pre-election period',
      why: 'in the period pre-election-publicity reports it instead',
      draft: { from: comms, to: gazette, body: backbenchBody, date: '2028-04-11T10:00:00+01:00' },
    },
    {
      name: 'an officer sends the release to the communications team to issue',
      why: 'that is going through the team',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Media team <media@westmoor.gov.uk>', body: directBody, date: feb },
    },
    {
      name: 'a councillor quoted with no label, under the embedded default',
      why: 'with no directory the councillor’s offices are unknown',
      policy: D,
      draft: { from: 'Press Office <press@example.gov.uk>', to: 'News <news@example-news.co.uk>', body: 'Press release\n\nCllr Ann Frost said: "The park is ready."', date: feb },
    },
    {
      name: 'an officer quoted in a comms team release',
      why: 'officers may be quoted; only councillors are limited',
      draft: { from: comms, to: gazette, body: 'News release\n\nDev Patel, Leisure Manager, said: "The pool is ready."', date: feb },
    },
    {
      name: 'embedded default: a release whose contact line is the press office',
      why: 'with no team in the policy, "Media enquiries: Press Office, press@…" shows the team issues it',
      policy: D,
      draft: { from: 'Hana Cole <hana.cole@example.gov.uk>', to: 'News <news@example-news.co.uk>', body: 'News release\n\nThe pool reopens on 1 March.\n\nEnds\n\nMedia enquiries: Press Office, press@example.gov.uk', date: feb },
    },
    {
      name: 'an officer writes to a consultee about the Statement of Community Involvement',
      why: 'a planning document called a statement is not a media statement',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Jo Hill <jo.hill@example.org>', subject: 'Statement of Community Involvement consultation', body: 'Dear Jo,\n\nThe draft is on our website until 3 March.\n\nDev Patel', date: feb },
    },
    {
      name: 'a ward newsletter naming a backbencher',
      why: 'a newsletter is not a press release',
      draft: { from: comms, to: 'Brookside residents <brookside.news@westmoor.gov.uk>', subject: 'Brookside ward newsletter', body: 'Brookside ward newsletter\n\nCllr Nina Shah said: "Come to the fun day."', date: feb },
    },
  ],
});

describe('press-release-quotes on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('press-release-quotes');
});
