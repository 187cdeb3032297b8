import { describe, expect, it } from 'vitest';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { checkAsCli } from '../../../tests/helpers/check-as-cli.ts';
import type { PolicyFile } from '../policy.ts';

// Westmoor: a borough on the crawley pack. Period 24 March – 4 May 2028; approaching from 10 March.
const westmoorFile: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Aled Price', email: 'aled.price@westmoor.gov.uk', ward: 'Brookside', party: 'Labour', roles: ['cabinet'] },
    { name: 'Nina Shah', email: 'nina.shah@westmoor.gov.uk', ward: 'Brookside', party: 'Conservative', roles: [] },
    { name: 'Tom Reilly', email: 'tom.reilly@westmoor.gov.uk', ward: 'Hillcrest', party: 'Reform UK', roles: ['mayor'] },
    { name: 'Joy Adams', email: 'joy.adams@westmoor.gov.uk', ward: 'Hillcrest', party: 'Labour', roles: ['leader'] },
  ],
  officers: [
    { name: 'Ruth Kay', email: 'ruth.kay@westmoor.gov.uk', roles: ['comms'] },
    { name: 'Dev Patel', email: 'dev.patel@westmoor.gov.uk', roles: [] },
  ],
  communications: { teamAddresses: ['media@westmoor.gov.uk'], mediaDomains: ['westmoorgazette.co.uk', 'bbc.co.uk'], spokesperson: 'a spokesperson for Westmoor Borough Council' },
  parties: [
    { name: 'Labour', aliases: ['Lab'], domains: ['westmoorlabour.org.uk'] },
    { name: 'Conservative', aliases: ['Conservatives', 'Tories'], domains: ['westmoortories.org.uk'] },
  ],
  elections: [{ name: 'Borough elections 2028', pollingDay: '2028-05-04', periodStart: '2028-03-24' }],
  controversialTopics: ['library closures', 'Green Belt release'],
};
const W = resolvePolicy(westmoorFile, 'westmoor');
// The same council with a by-election in Hillcrest only.
const byElection = resolvePolicy({ ...westmoorFile, elections: [{ name: 'Hillcrest by-election', pollingDay: '2028-09-14', periodStart: '2028-08-10', wards: ['Hillcrest'] }] }, 'westmoor');
// A district on the district-model pack that keeps the default spokesperson.
const ashdale = resolvePolicy(
  {
    council: { name: 'Ashdale District Council', domains: ['ashdale.gov.uk'], protocol: 'district-model' },
    communications: { mediaDomains: ['ashdalenews.co.uk'] },
    elections: [{ name: 'District elections', pollingDay: '2027-05-06', periodStart: '2027-03-26' }],
  },
  'ashdale',
);

const comms = 'Ruth Kay <ruth.kay@westmoor.gov.uk>';
const gazette = 'Newsdesk <news@westmoorgazette.co.uk>';
const inPeriod = '2028-04-11T10:00:00+01:00';

const quoteBody = 'News release\n\nBrookside homes get new windows\n\nCllr Aled Price, Cabinet Member for Housing, said: "This is a great day for Brookside."\n\nEnds';
const afterBody = 'News release\n\nHillcrest library reopens\n\n"We are thrilled," said Councillor Joy Adams, Leader of the Council, at the opening.\n\nEnds';
const labelBody = "News release\n\nLabour's Cllr Joy Adams opened the new Hillcrest library on Monday.\n\nEnds";
const embargoBody = 'EMBARGO: 28/3/2028\n\nNews release\n\nCllr Aled Price said: "The new homes are ready."';
const LONG_COLUMN = 'Westmoor Matters - April\n\nThe Leader writes\n' + 'Spring is a time for fresh starts, and I am proud of what we have done for Brookside this year with the new pool, the weekly bins and the library hours that residents asked for again and again. '.repeat(2) + 'None of it happened by accident. - Cllr Aled Price, Leader of the Council\n\nGarden waste renewals close on 30 April.';
const approachBody = 'News release\n\nCllr Aled Price, Cabinet Member for Housing, said: "The new homes are ready."';
const topicBody = 'News release\n\nThe consultation on library closures opens on Monday. A spokesperson for Westmoor Borough Council said: "Every view counts."';
const newsletterBody = 'Brookside ward newsletter\n\nNew swings at Elm Park. Thanks to the hard work of Cllr Nina Shah, the play park has new swings. The park is open daily.';
const byBody = 'News release\n\nHillcrest Road resurfacing\n\nCllr Tom Reilly said: "Hillcrest deserves good roads."';
const photoBody = 'Photocall\n\nThe Mayor, Cllr Tom Reilly, will unveil the plaque at the Brookside community hub at 11am.';
const ashdaleBody = 'Press release\n\nLib Dem councillor Pat Moore said the new car park would open in April.';

const spokes = 'a spokesperson for Westmoor Borough Council';
const hasSaidBody = 'News release\n\nIndependent councillor Nina Shah has said that the crossing will open in June.';
const accordingBody = 'News release\n\nThe library will reopen in June, according to Cllr Aled Price, Cabinet Member for Housing.';
const toldBody = 'News release\n\n"It is a great day for Brookside," Cllr Aled Price told the Gazette.';
// Attributions with no speech verb: a dash line under the quotation, a lead-in line above it, a speech frame.
const enDashBody = 'News release\n\nBrookside homes get new windows\n\n"Tenants asked for warmer homes and now they have them."\n\u2013 Cllr Aled Price, Cabinet Member for Housing\n\nEnds';
const hyphenBody = 'News release\n\n"The reading room is open again." - Councillor Joy Adams, Leader of the Council, at the reopening\n\nEnds';
const commentFromBody = 'Media statement\n\nComment from the Leader, Cllr Joy Adams:\n\n"We will keep every library open."';
const quoteFromBody = 'Statement for use\n\nQuote from Cllr Nina Shah: "The crossing opens on Monday."';
const bareLeadInBody = 'News release\n\nCllr Tom Reilly, Mayor of Westmoor:\n"The parade starts at noon."';
const saidLineBody = 'News release\n\nCllr Aled Price said:\n"The homes are ready."';
const inStatementBody = 'News release\n\nIn a statement, Cllr Aled Price said the homes were ready.';
const speakingBody = 'News release\n\nSpeaking at the launch, the Leader, Cllr Joy Adams, thanked the volunteers.';
const accordingUpperBody = 'News release\n\nAccording to the cabinet member for housing, Cllr Aled Price, the homes "are the warmest we have built".';
// By-elections: the places the release is about decide, not where a quoted councillor sits.
const boroughWideBody = 'News release\n\nResidents across the borough can apply for a garden waste permit from Monday.\n\nCllr Aled Price said: "It is easy to apply."';
const noWardBody = 'News release\n\nCouncil tax bills go out this week.\n\nCllr Nina Shah, councillor for Brookside, said: "Help is there if you need it."';
const headingQuoteBody = 'Forty new chargers for council car parks\n\nWork starts on Monday at Abbey Walk car park.\n\nCllr Aled Price, Cabinet Member for Housing\n"We promised residents we would make it easier to go electric, and this is us delivering."\n\n-ends-';
const bulletinBody = 'WESTMOOR MATTERS\n\nNew benches on the Causeway\nSix new benches have been installed.\n\nAlso in this issue\n- Easter holiday activities\n\nYou are receiving this because you subscribed to Westmoor Matters. Unsubscribe at any time.';
const subscribers = 'Westmoor Matters <westmoor-matters@bulletins.example.com>';
const campaignBody = 'News release\n\nLeader\'s Easter message\n\nCllr Joy Adams has issued her Easter message:\n\n"I would ask residents to stick with the Labour team that has delivered that."\n\nEnds';
// A councillor's column in a council newsletter: first-person prose signed off with name and office.
const columnBody = 'Westmoor Matters - spring edition\n\nA word from the Leader\nIt has been a busy year. We kept weekly bins and opened two parks, and I am proud of what we have done together.\nJoy Adams, Leader of the Council\n\nInside: Easter activities';
// The Leader signing off her own email to the newsletter's editor: her sign-off, not a byline.
const columnNearBody = 'Hi Ruth,\n\nCould the spring newsletter carry the new bin collection dates? I think residents would find them useful.\nJoy Adams, Leader of the Council';
const colonBody = 'News release\n\nCouncil tax frozen again\n\nCouncil Leader Joy Adams: "Keeping bills down has been our priority from day one."\n\nEnds';
const at = (body: string, text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });

runRuleTests('pre-election-publicity', {
  policy: W,
  invalid: [
    {
      name: 'a council post that thanks everyone and then a councillor by her handle (“and to @CllrNinaShah”)',
      draft: { from: comms, to: gazette, subject: "Today's post on our Facebook", body: "Hi - copy of our lunchtime social post in case it's useful.\n\n30,000 GREEN BINS! A big thank you to everyone who signed up - and to @CllrNinaShah, whose hard work got the service going.\n\nRuth", date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a post for the council’s Facebook sent to a colleague to go out, thanking a ward councillor',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Sam Lee <sam.lee@westmoor.gov.uk>', subject: 'Elm Road car park', body: 'Could this go out on Facebook at 12.30 on Tuesday?\n\n---\nElm Road car park is getting a makeover! A big thank you to everyone who wrote in, and especially to ward councillor Nina Shah, who never let us forget the potholes.\n---\n\nDev', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a council post passed to the media in quotation marks, thanking two ward councillors by name',
      draft: { from: comms, to: gazette, subject: 'For your community pages', body: 'Hi,\n\nIn case it is useful - this went out on our Facebook at 11.\n\n"A massive thank you to everyone at the Spring Clean! Special thanks to ward councillors Nina Shah and Tom Reilly, who organised the day. You two are stars!"\n\nRuth', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a ward update sent to a list on the council’s updates host, crediting a councillor',
      draft: { from: comms, to: 'brookside@updates.westmoor.gov.uk', subject: 'Your ward: Brookside', body: 'YOUR WARD: BROOKSIDE\n\nMeet your ward councillors\nCllr Nina Shah led the campaign to save the Brookside library and still runs a surgery every Saturday.\n\nWhat is happening in Brookside\n- Footpath resurfacing: 19-23 April', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a newsletter blog with a "By Cllr X" byline under its heading',
      draft: { from: comms, to: gazette, subject: 'County News', body: "COUNTY NEWS\n\nLeader's blog: more money for roads\nBy Cllr Joy Adams, Leader of the Council\n\nFor the third year running we are putting an extra £5 million into our roads. I am proud of that record.", date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a foreword signed off with a dash line under first-person prose',
      draft: { from: comms, to: gazette, subject: 'Westmoor Life', body: 'WESTMOOR LIFE\n\nA WORD FROM THE LEADER\nFour years ago we promised to protect every library. We have kept those promises.\n- Cllr Joy Adams, Leader of the Council\n\nInside: recycling.', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a release that gives a cabinet member’s foreword with "writes:"',
      draft: { from: comms, to: gazette, subject: 'Hub', body: 'NEWS RELEASE\n\nIn his foreword to the report, Cllr Aled Price, Cabinet Member for Housing, writes: "This administration will build it."\n\nEnds', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a post for the council’s own accounts whose caption carries a party hashtag',
      draft: { from: comms, to: 'Communications Team <communications@westmoor.gov.uk>', subject: 'Quick share', body: 'Can someone share this on the council Facebook before 5 please?\n\n"The Elm Park skate park is open! #LabourDelivers"', date: inPeriod },
      expect: [{ messageId: 'partyLabel', evidence: { quote: '#LabourDelivers' } }],
    },
    {
      name: 'an officer’s mailing to a tenants’ list run through a mailing service, quoting a cabinet member',
      draft: { from: 'Kirsty Hanson <kirsty.hanson@westmoor.gov.uk>', to: 'brookside-tenants@public.govdelivery.com', subject: 'Your home - survey', body: 'Dear tenant,\n\nOur surveyors will call at every council home in Brookside.\n\nCllr Aled Price, Cabinet Member for Housing, said: "We promised every tenant a decent home."\n\nKirsty Hanson', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a magazine that introduces the Leader as a sentence’s subject, then gives her words with no speech verb',
      draft: { from: comms, to: gazette, subject: 'Westmoor Matters - spring', body: 'WESTMOOR MATTERS\n\nWELCOME\nThe council Leader, Cllr Joy Adams, looks back on four years of delivery. "We made promises in 2024 and we have kept them."\n\nInside: food waste caddies.', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a councillor’s update sent by the council on their behalf, in the first person',
      draft: { from: comms, to: gazette, subject: 'Your councillor’s spring update', body: 'Your councillor’s spring update\nCllr Nina Shah, Brookside Ward\n\nDear resident,\n\nIt has been a busy few months and I wanted to tell you what I have been able to get done for Brookside.\n\nSent on behalf of Cllr Nina Shah by Member Support.', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }, { messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a picture release whose caption names councillors cutting a ribbon, with no speech verb',
      draft: { from: comms, to: gazette, subject: 'Picture release: footbridge reopens', body: 'PICTURE RELEASE\n\nFootbridge reopens\n\nPicture caption: Cllr Nina Shah cuts the ribbon with members of the walking group.\n\nENDS', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'posts scheduled for the council’s own accounts, thanking a named councillor',
      draft: { from: comms, to: 'Communications Team <communications@westmoor.gov.uk>', subject: 'Schedule w/c 10 April', body: 'Posts for this week below, scheduled in Hootsuite for the corporate accounts.\n\nMON 11:00\nHuge thanks to our brilliant Cllr Nina Shah for championing the new homes!', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a Leader’s newspaper column whose byline is a sentence',
      draft: { from: comms, to: gazette, subject: 'Column for Thursday', body: "Hi Mark,\n\nHere's this week's column.\n\nThis week I visited the new homes at Elm Park. There is more to do, and I'm not finished yet.\nAled Price is Cabinet Member for Housing at Westmoor Borough Council.\n\nThanks", date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Aled Price is Cabinet Member for Housing at Westmoor Borough Council' } }],
    },
    {
      name: 'a release in the period quoting a cabinet member (crawley 9.2)',
      draft: { from: comms, to: gazette, subject: 'News release: new windows', body: quoteBody, date: inPeriod },
      expect: [
        {
          severity: 'error',
          messageId: 'quotesCouncillor',
          evidence: { field: 'body', quote: 'Cllr Aled Price, Cabinet Member for Housing, said' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(quoteBody, 'Cllr Aled Price, Cabinet Member for Housing, said'), text: `${spokes[0]!.toUpperCase()}${spokes.slice(1)} said` }]],
        },
      ],
    },
    {
      name: 'a councillor’s column in a council newsletter, signed with her name and office (crawley 9.1, 9.2)',
      draft: { from: comms, to: gazette, subject: 'Spring newsletter', body: columnBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { field: 'body', quote: 'Joy Adams, Leader of the Council' } }],
    },
    {
      name: 'a statement for a reporter "attributable to" a cabinet member, the words on the next line',
      draft: { from: comms, to: gazette, subject: 'RE: Damp complaints', body: 'Hi Jo,\n\nStatement below, attributable to Cllr Aled Price, Cabinet Member for Housing:\n"I have visited every one of these flats myself."\n\nRuth', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { field: 'body', quote: 'Statement below, attributable to Cllr Aled Price, Cabinet Member for Housing' } }],
    },
    {
      name: 'a column sent to the paper under a heading byline in capitals ("JOY ADAMS WRITES")',
      draft: { from: comms, to: gazette, subject: "Leader's column for Saturday", body: "Hi Sam,\n\nJoy's column for Saturday below.\n\nJOY ADAMS WRITES\nSpring is always a hopeful time. This week I visited the new hub.\n\nRuth", date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { field: 'body', quote: 'JOY ADAMS' } }],
    },
    {
      name: 'draft posts for the corporate accounts ("Post 1 (corporate FB/X):") quoting a cabinet member after a dash',
      draft: { from: comms, to: 'Lucy Farr <lucy.farr@westmoor.gov.uk>', subject: 'Road safety week - draft posts', body: 'Hi Lucy,\n\nPost 1 (corporate FB/X):\n"Safer crossings on every school run." - Cllr Aled Price, Cabinet Member for Housing\n\nRuth', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a ward update sent to a residents list the council runs, praising the councillor',
      draft: { from: comms, to: 'hillcrest-residents@lists.westmoor.gov.uk', subject: 'Hillcrest ward update', body: 'HILLCREST WARD UPDATE\n\nCllr Joy Adams secured £18,000 for new swings at Orchard Way.\n\nProduced by Members’ Support', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a column whose byline follows its last sentence on the same line after a dash',
      draft: { from: comms, to: gazette, subject: 'Spring newsletter', body: 'Westmoor Matters\n\nThe Leader writes\nWe kept weekly bins and I am proud of it. - Cllr Joy Adams, Leader of the Council\n\nInside: Easter activities', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { field: 'body', quote: '- Cllr Joy Adams, Leader of the Council' } }],
    },
    {
      name: '"Council Leader X:" before her words, with no speech verb',
      draft: { from: comms, to: gazette, body: colonBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { field: 'body', quote: 'Council Leader Joy Adams' } }],
    },
    {
      name: 'a heading that introduces a councillor, then her words in quotation marks with no "said"',
      draft: { from: comms, to: gazette, body: headingQuoteBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { field: 'body', quote: 'Cllr Aled Price, Cabinet Member for Housing' } }],
    },
    {
      name: 'a release that asks residents to stick with a party’s team (surrey-heath 7.5)',
      draft: { from: comms, to: gazette, body: campaignBody, date: inPeriod },
      expect: [{ messageId: 'partyCampaigning', evidence: { field: 'body', quote: 'stick with the Labour team' } }],
    },
    {
      name: '"…," said Councillor X, Leader of the Council, keeps the words after the apposition',
      draft: { from: comms, to: gazette, body: afterBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'said Councillor Joy Adams, Leader of the Council' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(afterBody, 'said Councillor Joy Adams, Leader of the Council'), text: `said ${spokes}` }]],
        },
      ],
    },
    {
      name: "a party label before a councillor's name: Labour's Cllr X",
      draft: { from: comms, to: gazette, body: labelBody, date: inPeriod },
      // Opening the library features the councillor too: both findings.
      expect: [
        { messageId: 'praisesCouncillor', evidence: { quote: "Labour's Cllr Joy Adams opened the new Hillcrest library on Monday." } },
        { severity: 'error', messageId: 'partyLabel', evidence: { quote: "Labour's" }, edits: [[{ kind: 'replaceText', field: 'body', ...at(labelBody, "Labour's "), text: '' }]] },
      ],
    },
    {
      name: 'a director’s political remark to a broadcaster, naming the party in government',
      draft: { from: comms, to: gazette, body: 'Hi Kate,\n\nYou can use this from me: "The Conservative government keeps telling councils that residents won\'t notice the cuts."\n\nRuth', date: inPeriod },
      expect: [{ messageId: 'partyLabel', evidence: { quote: 'Conservative' } }],
    },
    {
      name: 'sent 23 days before the period but embargoed until a day inside it',
      draft: { from: comms, to: gazette, body: embargoBody, date: '2028-03-01T10:00:00Z' },
      expect: [{ severity: 'error', messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Aled Price said' } }],
    },
    {
      name: 'sent 9 days before the period starts: a warning',
      draft: { from: comms, to: gazette, body: approachBody, date: '2028-03-15T10:00:00Z' },
      expect: [{ severity: 'warning', messageId: 'approachingPeriod', evidence: { quote: 'Cllr Aled Price, Cabinet Member for Housing, said' } }],
    },
    {
      name: 'a factual release on a controversial topic in the period: a warning',
      draft: { from: comms, to: gazette, body: topicBody, date: inPeriod },
      expect: [{ severity: 'warning', messageId: 'controversialTopic', evidence: { field: 'body', quote: 'library closures' }, edits: [] }],
    },
    {
      name: 'a controversial topic in other words: "close" for "closures", the words apart',
      draft: { from: comms, to: gazette, body: 'News release\n\nSome leaflets say the council will close two branch libraries within weeks. No decision has been made.\n\nEnds', date: inPeriod },
      expect: [{ severity: 'warning', messageId: 'controversialTopic', evidence: { field: 'body', quote: 'close two branch libraries' } }],
    },
    {
      name: 'a bulletin to a subscriber list with no heading that says so, quoting the Leader',
      draft: { from: comms, to: 'Westmoor Matters subscribers <westmoormatters@lists.example.com>', subject: 'Four years of delivery', body: 'FOUR YEARS OF DELIVERY\n\n"We said we would keep weekly bins, and we have." - Cllr Aled Price, Cabinet Member for Housing', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'posts handed to partner groups to share, praising a councillor',
      draft: { from: comms, to: 'Brookside Partnership <hello@brooksidepartnership.org.uk>', subject: 'This week', body: 'Hi all,\n\nHere are this week\'s posts for you to share on your channels.\n\nPOST 1\nHuge thanks to our brilliant Cllr Nina Shah for championing the new community fridge!', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: "a Leader's column whose byline ends a long last paragraph",
      draft: { from: comms, to: 'Westmoor Matters subscribers <westmoormatters@lists.example.com>', subject: 'Westmoor Matters - April', body: LONG_COLUMN, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: '- Cllr Aled Price, Leader of the Council' } }],
    },
    {
      name: 'a ward newsletter crediting a named councillor',
      draft: { from: comms, to: 'Brookside residents <brookside.news@westmoor.gov.uk>', subject: 'Brookside ward newsletter', body: newsletterBody, date: inPeriod },
      expect: [
        {
          messageId: 'praisesCouncillor',
          evidence: { quote: 'Thanks to the hard work of Cllr Nina Shah, the play park has new swings.' },
          edits: [[{ kind: 'replaceText', field: 'body', start: newsletterBody.indexOf('Thanks to'), end: newsletterBody.indexOf('The park is open'), text: '' }]],
        },
      ],
    },
    {
      name: 'a social post drafted under a "Facebook post" subject, thanking a named councillor',
      draft: { from: comms, to: 'Sam Lee <sam.lee@westmoor.gov.uk>', subject: 'Facebook post: new swings', body: 'New swings at Elm Park! Thanks to Cllr Nina Shah for pushing for them.', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a release in which a councillor "pledged" rather than "said"',
      draft: { from: comms, to: gazette, body: 'News release\n\nCllr Aled Price pledged that the Brookside pool will reopen in June.\n\nEnds', date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor' }],
    },
    {
      name: 'a council post thanking an officeholder named after her office',
      draft: { from: comms, to: 'Brookside residents <brookside.news@westmoor.gov.uk>', subject: 'Brookside ward newsletter', body: 'Brookside ward newsletter\n\nBig thanks to our brilliant Cabinet Member for Housing, Cllr Nina Shah, who handed over the keys today.', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor' }],
    },
    {
      name: 'a by-election: a release about the ward that votes',
      policy: byElection,
      draft: { from: comms, to: gazette, body: byBody, date: '2028-08-20T10:00:00+01:00' },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Tom Reilly said' } }],
    },
    {
      name: 'a photo call featuring the Mayor in the period',
      draft: { from: comms, to: 'Picture desk <pictures@westmoorgazette.co.uk>', subject: 'Photocall: community hub', body: photoBody, date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor', evidence: { quote: photoBody.slice(photoBody.indexOf('The Mayor')) } }],
    },
    {
      name: 'reported speech with a party label, on the district-model pack with the default spokesperson',
      policy: ashdale,
      draft: { from: 'Press Office <press@ashdale.gov.uk>', to: 'News <news@ashdalenews.co.uk>', body: ashdaleBody, date: '2027-04-20T10:00:00+01:00' },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'Lib Dem councillor Pat Moore said' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(ashdaleBody, 'Lib Dem councillor Pat Moore said'), text: 'A Council spokesperson said' }]],
        },
        { messageId: 'partyLabel', evidence: { quote: 'Lib Dem' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(ashdaleBody, 'Lib Dem c'), text: 'C' }]] },
      ],
    },
    {
      name: '"according to Cllr X, Cabinet Member …" keeps the rest of the sentence',
      draft: { from: comms, to: gazette, body: accordingBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'according to Cllr Aled Price, Cabinet Member for Housing' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(accordingBody, 'according to Cllr Aled Price, Cabinet Member for Housing'), text: `according to ${spokes}` }]],
        },
      ],
    },
    {
      name: '"…," Cllr X told the Gazette: the spokesperson keeps lower case mid-sentence',
      draft: { from: comms, to: gazette, body: toldBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Aled Price told' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(toldBody, 'Cllr Aled Price told'), text: `${spokes} told` }]] }],
    },
    {
      name: '"Cllr X has said that …" (reported speech) and an Independent councillor label',
      draft: { from: comms, to: gazette, body: hasSaidBody, date: inPeriod },
      expect: [
        { messageId: 'quotesCouncillor', evidence: { quote: 'Independent councillor Nina Shah has said' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(hasSaidBody, 'Independent councillor Nina Shah has said'), text: `${spokes[0]!.toUpperCase()}${spokes.slice(1)} said` }]] },
        { messageId: 'partyLabel', evidence: { quote: 'Independent' } },
      ],
    },
    {
      name: 'an en-dash line under the quotation: the dash stays and takes the spokesperson',
      draft: { from: comms, to: gazette, body: enDashBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: '\u2013 Cllr Aled Price, Cabinet Member for Housing' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(enDashBody, '\u2013 Cllr Aled Price, Cabinet Member for Housing'), text: `\u2013 ${spokes}` }]],
        },
      ],
    },
    {
      name: 'a hyphen after the closing quotation mark on the same line keeps what follows the office',
      draft: { from: comms, to: gazette, body: hyphenBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: '- Councillor Joy Adams, Leader of the Council' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(hyphenBody, '- Councillor Joy Adams, Leader of the Council'), text: `- ${spokes}` }]],
        },
      ],
    },
    {
      name: '"Comment from the Leader, Cllr X:" above the quotation keeps the lead words',
      draft: { from: comms, to: 'Local news <local.news@bbc.co.uk>', body: commentFromBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'Comment from the Leader, Cllr Joy Adams' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(commentFromBody, 'Comment from the Leader, Cllr Joy Adams'), text: `Comment from ${spokes}` }]],
        },
      ],
    },
    {
      name: '"Quote from Cllr X:" with the quotation on the same line',
      draft: { from: comms, to: gazette, body: quoteFromBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Quote from Cllr Nina Shah' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(quoteFromBody, 'Quote from Cllr Nina Shah'), text: `Quote from ${spokes}` }]] }],
    },
    {
      name: 'a speaker line of its own ending in a colon, above the quotation',
      draft: { from: comms, to: gazette, body: bareLeadInBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'Cllr Tom Reilly, Mayor of Westmoor' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(bareLeadInBody, 'Cllr Tom Reilly, Mayor of Westmoor'), text: `${spokes[0]!.toUpperCase()}${spokes.slice(1)}` }]],
        },
      ],
    },
    {
      name: '"Cllr X said:" on a line of its own',
      draft: { from: comms, to: gazette, body: saidLineBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Aled Price said' } }],
    },
    {
      name: '"In a statement, Cllr X said …": the frame stays and the spokesperson takes lower case',
      draft: { from: comms, to: gazette, body: inStatementBody, date: inPeriod },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Aled Price said' }, edits: [[{ kind: 'replaceText', field: 'body', ...at(inStatementBody, 'Cllr Aled Price said'), text: `${spokes} said` }]] }],
    },
    {
      name: '"Speaking at the launch, the Leader, Cllr X, thanked …" has no speech verb: the subject is replaced',
      draft: { from: comms, to: gazette, body: speakingBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'the Leader, Cllr Joy Adams,' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(speakingBody, 'the Leader, Cllr Joy Adams,'), text: spokes }]],
        },
      ],
    },
    {
      name: '"According to the cabinet member …, Cllr X," at a sentence start: the office and the name go together',
      draft: { from: comms, to: gazette, body: accordingUpperBody, date: inPeriod },
      expect: [
        {
          messageId: 'quotesCouncillor',
          evidence: { quote: 'According to the cabinet member for housing, Cllr Aled Price' },
          edits: [[{ kind: 'replaceText', field: 'body', ...at(accordingUpperBody, 'According to the cabinet member for housing, Cllr Aled Price'), text: `According to ${spokes}` }]],
        },
      ],
    },
    {
      name: 'a by-election in Hillcrest: a borough-wide release quoting a Brookside councillor',
      policy: byElection,
      draft: { from: comms, to: gazette, body: boroughWideBody, date: '2028-08-20T10:00:00+01:00' },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Aled Price said' } }],
    },
    {
      name: 'a by-election in Hillcrest: a Brookside release quoting a councillor for Hillcrest',
      // Featuring a councillor for the ward that votes, in its period, is what the protocols warn against, wherever the story is.
      policy: byElection,
      draft: { from: comms, to: gazette, body: 'News release\n\nBrookside Road reopens\n\nWestmoor Borough Council has finished resurfacing Brookside Road.\n\nCllr Tom Reilly said: "The road is open."', date: '2028-08-20T10:00:00+01:00' },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Tom Reilly said' } }],
    },
    {
      name: 'a by-election in Hillcrest: a release that names no place, quoting the "councillor for Brookside"',
      policy: byElection,
      draft: { from: comms, to: gazette, body: noWardBody, date: '2028-08-20T10:00:00+01:00' },
      expect: [{ messageId: 'quotesCouncillor', evidence: { quote: 'Cllr Nina Shah, councillor for Brookside, said' } }],
    },
    {
      name: 'a councillor who "welcomed" a decision',
      draft: { from: comms, to: gazette, body: 'News release\n\nThe bus route is saved. Cllr Aled Price welcomed the decision on Monday.', date: inPeriod },
      expect: [{ messageId: 'praisesCouncillor', evidence: { quote: 'Cllr Aled Price welcomed the decision on Monday.' } }],
    },
  ],
  valid: [
    {
      name: 'a council post that thanks everyone, then names a councillor only as the one who will announce the winners',
      draft: { from: comms, to: gazette, subject: "Today's post on our Facebook", body: "Hi - copy of our lunchtime social post in case it's useful.\n\nA big thank you to everyone who entered the poster competition. The winners will be announced at the library on Friday and the prizes given out by staff, and @CllrNinaShah has asked us to pass on the results to schools.\n\nRuth", date: inPeriod },
      why: 'The thanks go to the entrants; the councillor is named in another clause, not thanked or praised.',
    },
    {
      name: 'a colleague asked whether a resident’s post went out on Facebook, in the period',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Sam Lee <sam.lee@westmoor.gov.uk>', subject: 'Elm Road car park', body: 'Did the resurfacing notice go out on Facebook yesterday? Cllr Nina Shah asked me when the works start.\n\nDev', date: inPeriod },
      why: 'A question about a notice, naming a councillor without praising her: nothing favourable is published.',
    },
    {
      name: 'a ward update on the council’s updates host with services news and the councillors’ contact page only',
      why: 'no councillor is named, praised or labelled: a factual bulletin in the period is allowed',
      draft: { from: comms, to: 'brookside@updates.westmoor.gov.uk', subject: 'Your ward: Brookside', body: 'YOUR WARD: BROOKSIDE\n\nFootpath resurfacing runs from 19 to 23 April. The bottle bank has moved to the Co-op car park.\n\nYour ward councillors: www.westmoor.gov.uk/councillors', date: inPeriod },
    },
    {
      name: 'a release saying a councillor wrote to the minister, with no words of theirs given',
      why: 'a councillor wrote a letter; no words of theirs are given, so nothing is quoted',
      draft: { from: comms, to: gazette, subject: 'Bus services', body: 'NEWS RELEASE\n\nThe council has asked the bus company to restore the 592. Cllr Aled Price wrote to the operator last month.\n\nEnds', date: inPeriod },
    },
    {
      name: 'a post for the council’s own accounts with hashtags that only start like an ambiguous party word',
      why: '#GreenSpaces and #ReformOfParking do not name a party at a capital',
      draft: { from: comms, to: 'Communications Team <communications@westmoor.gov.uk>', subject: 'Quick share', body: 'Can someone share this on the council Facebook before 5 please?\n\n"Elm Park is open again! #GreenSpaces #ReformOfParking"', date: inPeriod },
    },
    {
      name: 'the same tenants’ survey letter to one tenant, with no councillor in it',
      why: 'one resident is not a section of the public, and no councillor is named',
      draft: { from: 'Kirsty Hanson <kirsty.hanson@westmoor.gov.uk>', to: 'Pat Moore <pat.moore@example.com>', subject: 'Your home - survey', body: 'Dear Ms Moore,\n\nOur surveyor will call on Tuesday at 10am. Please let us know if that does not suit.\n\nKirsty Hanson', date: inPeriod },
    },
    {
      name: 'a quotation after a sentence about a councillor that is not its speaker (a resident’s words, with the verb)',
      why: 'the quotation has its own speaker, a volunteer, and no councillor opens the sentence before it',
      draft: { from: comms, to: gazette, subject: 'Library', body: 'News release\n\nThe library reopened on Monday. "It is wonderful to have it back," said Pat Moore, a volunteer.\n\nEnds', date: inPeriod },
    },
    {
      name: 'a councillor signing her own update from her own council address',
      why: 'a councillor’s own name at the top of her own email is not a byline in a council publication',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: comms, subject: 'Notes for the ward page', body: 'Cllr Nina Shah, Brookside Ward\n\nHi Ruth, I have put together some notes on the Elm Park works for you to check before anything goes out. Thanks.', date: inPeriod },
    },
    {
      name: 'a picture release with no councillor in it',
      why: 'nobody is presented favourably',
      draft: { from: comms, to: gazette, subject: 'Picture release: footbridge reopens', body: 'PICTURE RELEASE\n\nPicture caption: walkers cross the reopened footbridge.\n\nENDS', date: inPeriod },
    },
    {
      name: 'a statutory notice of poll listing candidates with their party descriptions',
      why: 'the law requires the notice to print each candidate’s description: it is not a party label in publicity',
      draft: { from: comms, to: gazette, subject: 'Public notice for Thursday', body: 'Please publish the notice below.\n\nNOTICE OF POLL\nElection of Borough Councillors for Brookside Ward\n\nCandidates (surname, other names, address, description)\nPRICE, Aled, 4 Rook Lane - Labour Party\nSHAH, Nina, 11 Mill Road - The Conservative Party Candidate\n\nReturning Officer', date: inPeriod },
    },
    {
      name: 'a release that mentions a controversial topic’s place but not the topic',
      why: 'a library’s opening hours are not its closure',
      draft: { from: comms, to: gazette, body: 'News release\n\nBrookside library opens on Sundays from May.\n\nEnds', date: inPeriod },
    },
    {
      name: 'a bulletin to subscribers quoting an officer',
      why: 'no councillor is quoted or praised',
      draft: { from: comms, to: 'Westmoor Matters subscribers <westmoormatters@lists.example.com>', subject: 'Bin changes', body: '"Collections move to Tuesdays from May." - Dev Patel, Recycling Manager', date: inPeriod },
    },
    {
      name: 'the Leader signing off her own email about the newsletter with her name and office',
      why: 'the line under her words is her own sign-off, not a byline in the publication',
      draft: { from: 'Joy Adams <joy.adams@westmoor.gov.uk>', to: comms, subject: 'Spring newsletter', body: columnNearBody, date: inPeriod },
    },
    {
      name: 'an officer’s piece in the newsletter signed with the officer’s name and post',
      why: 'no councillor signs it',
      draft: { from: comms, to: gazette, subject: 'Spring newsletter', body: 'Westmoor Matters - spring edition\n\nFrom the recycling team\nWe collected more food waste this year than ever before, and I want to thank every household.\nDev Patel, Recycling Manager', date: inPeriod },
    },
    {
      name: 'a release in which the council, not a councillor, pledged',
      why: 'no councillor is the speaker',
      draft: { from: comms, to: gazette, body: 'News release\n\nThe council pledged that the Brookside pool will reopen in June.\n\nEnds', date: inPeriod },
    },
    {
      name: 'a reply about a resident’s complaint over a Facebook post',
      why: 'the subject is about someone else’s post, not the council’s social media copy',
      draft: { from: comms, to: 'Ann Bell <ann.bell@example.com>', subject: 'Your complaint about a Facebook post', body: 'Dear Ms Bell,\n\nThanks to Cllr Nina Shah for passing on your complaint; we have removed the post.', date: inPeriod },
    },
    {
      name: 'praise words that are not about the councillor: "thanks to the heavy rain"',
      why: 'the thanks go to the weather, in a clause of their own; the councillor is only mentioned',
      draft: { from: comms, to: 'Brookside residents <brookside.news@westmoor.gov.uk>', subject: 'Brookside ward newsletter', body: 'Brookside ward newsletter\n\nThanks to the heavy rain, the opening with Cllr Nina Shah has moved to Saturday.', date: inPeriod },
    },
    {
      name: 'praise words that are not about the councillor: "the vision for the town centre"',
      why: 'the vision is the plan’s, and the councillor is named eight words later as chair of the committee',
      draft: { from: comms, to: 'Brookside residents <brookside.news@westmoor.gov.uk>', subject: 'Brookside ward newsletter', body: 'Brookside ward newsletter\n\nThe vision for the town centre goes to the planning committee, chaired by Cllr Nina Shah, in June.', date: inPeriod },
    },
    {
      name: 'praise words that are not about the councillor: "welcomed residents to the consultation"',
      why: 'welcoming people to a consultation is hosting it, not welcoming good news',
      draft: { from: comms, to: 'Brookside residents <brookside.news@westmoor.gov.uk>', subject: 'Brookside ward newsletter', body: 'Brookside ward newsletter\n\nCllr Nina Shah welcomed residents to the consultation on the park.', date: inPeriod },
    },
    {
      name: 'a subscribers’ bulletin in the period with no councillor in it',
      why: 'a newsletter (its "in this issue" and "unsubscribe" lines say so) that quotes, praises and labels nobody',
      draft: { from: comms, to: subscribers, body: bulletinBody, date: inPeriod },
    },
    {
      name: 'a heading naming a councillor, followed by prose rather than a quotation',
      why: 'a heading is an attribution only when the quotation opens on the next line',
      draft: { from: comms, to: gazette, body: 'Cllr Aled Price, Cabinet Member for Housing\nThe new windows are fitted in April.\n\n-ends-', date: inPeriod },
    },
    {
      name: 'the same release after polling day',
      why: 'the period ends on polling day',
      draft: { from: comms, to: gazette, body: quoteBody, date: '2028-05-05T10:00:00+01:00' },
    },
    {
      name: 'the same release 15 days before the period',
      why: 'the approaching window is the 14 days before the period',
      draft: { from: comms, to: gazette, body: quoteBody, date: '2028-03-09T10:00:00Z' },
    },
    {
      name: 'a factual release in the period quoting an officer, with "Brookside Green" as a place',
      why: 'an officer is not a councillor, and a place called Green is not the Green Party',
      draft: { from: comms, to: gazette, body: 'News release\n\nBrookside Green play area reopens. Dev Patel, the council’s parks manager, said: "Families asked for this."', date: inPeriod },
    },
    {
      name: 'internal advice from the comms team to a councillor during the period',
      why: 'advice to a councillor is not publicity',
      draft: { from: comms, to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'RE: can we put something out?', body: 'Aled,\n\nWe are in the pre-election period, so the update will quote a council spokesperson rather than you.\n\nRuth', date: inPeriod },
    },
    {
      name: "a party's own release from the party's address",
      why: 'a party release from a party address is not council publicity',
      draft: { from: 'Brookside Labour <press@westmoorlabour.org.uk>', to: gazette, body: quoteBody, date: inPeriod },
    },
    {
      name: 'a by-election in Hillcrest; the release is about Brookside only',
      why: 'publicity about other wards is outside a by-election period',
      policy: byElection,
      draft: { from: comms, to: gazette, body: quoteBody, date: '2028-08-20T10:00:00+01:00' },
    },
    {
      name: 'a dash line under the quotation naming an officer',
      why: 'an officer may be quoted in the period',
      draft: { from: comms, to: gazette, body: 'News release\n\n"The play area is open again."\n\u2014 Dev Patel, Head of Parks', date: inPeriod },
    },
    {
      name: 'a dash line under the quotation giving it to the council spokesperson',
      why: 'that is what the protocol asks for in the period',
      draft: { from: comms, to: gazette, body: `News release\n\n"The play area is open again."\n\u2014 ${spokes}`, date: inPeriod },
    },
    {
      name: '"Quote from a resident:" above the quotation',
      why: 'a resident is not a councillor',
      draft: { from: comms, to: gazette, body: 'Statement for use\n\nQuote from a resident of Brookside:\n"We have waited years for this."', date: inPeriod },
    },
    {
      name: 'a hyphen list of councillors attending, under a quotation',
      why: 'a list of names is not an attribution, and attending is not praise',
      draft: { from: comms, to: gazette, body: 'Photocall\n\n"Bring the family."\n- Cllr Nina Shah\n- Cllr Tom Reilly\n\nThe event is at Brookside hub.', date: inPeriod, subject: 'Media notice' },
    },
    {
      name: '"Speaking at the launch," about an officer, and a lower-case "according to" a survey',
      why: 'neither speaker is a councillor',
      draft: { from: comms, to: gazette, body: 'News release\n\nSpeaking at the launch, parks manager Dev Patel thanked the volunteers. According to the survey, nine in ten users like the park.', date: inPeriod },
    },
    {
      name: 'the embedded default knows no elections',
      why: 'no policy, no period',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Press Office <press@example.gov.uk>', to: 'News <news@example-news.co.uk>', body: quoteBody, date: inPeriod },
    },
    {
      name: 'sent in the period but embargoed until after polling day',
      why: 'the embargo date is the publication date, and it falls after the period',
      draft: { from: comms, to: gazette, body: `Embargoed until 00:01 on Friday 5 May 2028\n\n${quoteBody}`, date: '2028-05-02T10:00:00+01:00' },
    },
    {
      name: 'a councillor named neutrally in the period',
      why: 'naming the committee chair as a fact is not presenting them favourably',
      draft: { from: comms, to: gazette, body: 'News release\n\nThe report goes to Cabinet, chaired by Cllr Joy Adams, on 12 April.', date: inPeriod },
    },
    {
      name: 'a draft release sent only to the cabinet member for approval',
      why: 'not yet issued: every recipient is a councillor',
      draft: { from: comms, to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Draft news release for approval', body: quoteBody, date: inPeriod },
    },
  ],
});

describe('pre-election-publicity on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('pre-election-publicity');
});

describe('pre-election-publicity when the writer says what the draft is (the Teams tab)', () => {
  // No heading, no "to": only the writer's own word makes this publicity.
  const plain = 'New swings at Elm Park.\n\nCllr Nina Shah said: "Brookside families asked for this and we delivered."';
  const findings = (publicity?: 'newsletter' | 'social media post') =>
    checkAsCli({ from: { name: 'Ruth Kay', email: 'ruth.kay@westmoor.gov.uk' }, to: [], cc: [], bcc: [], subject: 'Elm Park', body: plain, date: inPeriod, ...(publicity ? { publicity } : {}) }, W).filter((f) => f.rule === 'pre-election-publicity');

  it('treats a declared newsletter item as publicity', () => {
    expect(findings('newsletter').map((f) => f.severity)).toEqual(['error']);
  });

  it('treats a declared social media post as publicity', () => {
    expect(findings('social media post')).toHaveLength(1);
  });

  it('stays quiet on the same words when nothing says they are publicity', () => {
    expect(findings()).toEqual([]);
  });
});
