import { describe, expect, it } from 'vitest';
import { checkAsCli } from '../../../tests/helpers/check-as-cli.ts';
import { makeDraft, runRuleTests } from '../../../tests/helpers/rule-tester.ts';
import { RULES_BY_ID } from './index.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import type { PolicyFile } from '../policy.ts';

const westmoor: PolicyFile = {
  council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'crawley' },
  councillors: [
    { name: 'Aled Price', email: 'aled.price@westmoor.gov.uk', ward: 'Brookside', party: 'Labour', roles: ['cabinet'], personalEmails: ['aledprice@gmail.com'] },
    { name: 'Nina Shah', email: 'nina.shah@westmoor.gov.uk', ward: 'Brookside', party: 'Conservative', roles: [] },
  ],
  officers: [
    { name: 'Dev Patel', email: 'dev.patel@westmoor.gov.uk', roles: [] },
    { name: 'Gill Hart', email: 'gill.hart@westmoor.gov.uk', roles: ['chief-executive', 'senior'] },
  ],
  parties: [
    { name: 'Labour', aliases: ['Lab'], domains: ['westmoorlabour.org.uk'] },
    { name: 'Conservative', aliases: ['Conservatives', 'Tories'], domains: ['westmoortories.org.uk'] },
  ],
  letterhead: { markers: ['Westmoor Borough Council', 'Civic Centre, Westmoor'] },
};
const hollinsford: PolicyFile = {
  council: { name: 'Hollinsford Town Council', domains: ['hollinsford-tc.gov.uk'], protocol: 'town-council' },
  councillors: [{ name: 'Rosa Quinn', email: 'cllr.quinn@hollinsford-tc.gov.uk', ward: 'North', party: 'Green Party' }],
  parties: [{ name: 'Green Party', aliases: ['Greens'], domains: ['greenparty.org.uk'] }],
};
const W = resolvePolicy(westmoor, 'westmoor');
const H = resolvePolicy(hollinsford, 'hollinsford');
const D = embeddedDefaultPolicy();

/** The replaceText edit that deletes body[from .. to-end] (both found by text). */
function cut(body: string, from: string, through: string) {
  const start = body.indexOf(from);
  const end = body.indexOf(through, start) + through.length;
  if (start < 0 || end < start) throw new Error(`test setup: ${from} … ${through} not in body`);
  return { kind: 'replaceText' as const, field: 'body' as const, start, end, text: '' };
}

const canvassBody = `Hi all,

We're out canvassing the Brookside estate on Saturday from 10am. I'll bring the canvass cards.

Best wishes,

Aled

Cllr Aled Price
Cabinet Member for Housing
Westmoor Borough Council
Civic Centre, Westmoor WM1 2AB`;

const leafletBody = `Hi team,

The Focus leaflet for Eastfield is nearly ready - can you each take a delivery round next weekend?

Thanks,
Jo

Cllr Jo Bell
Eastleigh Borough Council`;

const dinnerBody = `Dear members,

Tickets for the spring supper are on sale now, and the raffle proceeds go to our campaign fund.

With best wishes,
Rosa
[Hollinsford Town Council logo] Rosa Quinn
Town Councillor, North Ward`;

const businessBody = `Hi Sue,

Lovely to see you at the fete. As promised, my company can do the photography for your wedding: the full day is £650, and I can give you a 15% discount if you book before June.

Kind regards,

Dev Patel
Planning Officer
Westmoor Borough Council
01632 960555`;

const walesBody = `Hello all,

Our candidates need help with leafleting in Pentre before the by-election, so every door counts this week. Vote Plaid Cymru on Thursday!

Diolch,
Gwyn
www.examplevale.gov.wales`;

runRuleTests('letterhead-for-party-matters', {
  policy: W,
  invalid: [
    {
      name: 'a councillor forwards a party by-election appeal to fellow councillors asking who is free',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'FW: Call for help: Oakley by-election', body: "Anyone free for a Saturday in Oakley? They helped us loads last time.\n\nCllr Nina Shah\nWestmoor Borough Council\n\n-----Original Message-----\nFrom: Lucy Carmody [mailto:lucy@westmoorlabour.org.uk]\nSubject: Call for help: Oakley by-election\n\nLeaflet one is back from the printer. Canvassing teams start on the doors next week, and we need you there." },
      expect: [{ messageId: 'councilAccount' }, { messageId: 'councilBranding' }],
    },
    {
      name: 'a councillor’s own business offer, asked to be passed on, under the council signature',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Jean Hall <jean.hall@example.org>', subject: 'Spring offer', body: "Hello Jean,\n\nI wondered if you'd pass this on to the society: my garden design business is offering members 15% off raised beds and a free planting plan before April.\n\nCllr Nina Shah\nWestmoor Borough Council\nCivic Centre, Westmoor WM1 2AB" },
      expect: [{ messageId: 'councilAccount' }, { messageId: 'councilBranding' }],
    },
    {
      name: 'a council press release that gives a party administration the credit',
      draft: { from: 'Press Office <press@westmoor.gov.uk>', to: 'Newsdesk <news@westmoorgazette.co.uk>', subject: 'News release: budget', body: 'News release\n\nThe Labour administration\'s budget keeps weekly bins and freezes parking charges.\n\nENDS\n\nMedia enquiries: Press Office, Westmoor Borough Council' },
      expect: [{ messageId: 'councilAccount' }, { messageId: 'councilBranding' }],
    },
    {
      name: 'a party fundraiser forwarded to residents with a line of encouragement (Outlook "Original Message" header)',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Brookside WI <brooksidewi@gmail.com>', subject: 'FW: Quiz night', body: 'Hi all - hope you can come and bring friends!\n\nCllr Nina Shah\nWestmoor Borough Council\nCivic Centre, Westmoor WM1 2AB\n\n-----Original Message-----\nFrom: Brookside Conservatives [mailto:events@westmoortories.org.uk]\nSent: 04 February 2028 18:22\nTo: Members\nSubject: Quiz night\n\nQUIZ NIGHT\nFriday 12 March, Brookside Hall, doors 7pm. £10 a head including supper. Raffle and bar.\nAll proceeds to our May election campaign - let’s keep Brookside blue!' },
      expect: [{ severity: 'error', messageId: 'councilAccount' }, { messageId: 'councilBranding', evidence: { quote: 'Westmoor Borough Council' } }],
    },
    {
      name: 'a call for hands to give out leaflets from a councillor who signs as a party group leader',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Nina Shah <nina.shah@westmoor.gov.uk>', bcc: 'jmc62@gmail.com, p.ok@outlook.com', subject: 'Sat - station', body: 'Morning all - anyone free this Saturday 7-9am to hand out the new leaflets at the station? Need 4 more bodies, coffee on me.\n\nS\n\nCllr Nina Shah | Leader, Conservative Group\nWestmoor Borough Council' },
      expect: [{ severity: 'error', messageId: 'councilAccount' }, { messageId: 'councilBranding', evidence: { quote: 'Westmoor Borough Council' } }],
    },
    {
      name: "a ward councillor's Focus text sent to the people who deliver it",
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Deliverers <deliverers@example.org>', subject: 'This month', body: "Hi all,\n\nHere's the text of this month's Brookside Focus so you know what you're pushing through letterboxes.\n\nCllr Nina Shah\nWestmoor Borough Council\nCivic Centre, Westmoor WM1 2AB" },
      expect: [{ severity: 'error', messageId: 'councilAccount' }, { messageId: 'councilBranding', evidence: { quote: 'Westmoor Borough Council' } }],
    },
    {
      // No lexicon entry holds this wording: the learned scorer reads it (analysis/party-scorer.ts).
      name: 'a party attack in wording no lexicon entry holds',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Update', body: 'Dear neighbour,\n\nLabour have run Westmoor for too long. Every spring people tell us the same thing: Labour promise a lot and deliver little.\n\nNina' },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      // Two campaign families over the whole text, one of them political, and the party named where the writer's side speaks.
      name: 'a newsletter whose campaign talk and election talk stand paragraphs apart, with the party named',
      draft: {
        from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>',
        to: 'Residents <residents@example.com>',
        subject: 'Spring update',
        body: 'Dear neighbour,\n\nOur leaflets on the Brookside library went out last week.\n\nThe library is open on Saturdays again. The roof repair is finished. The car park is resurfaced. The toilets are open.\n\nThe election is in May. The hall has a new boiler. The hedges are cut. The verges are mown.\n\nWe are proud of Brookside. Best wishes from the Conservatives.\n\nNina',
      },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'a councillor in the first person singular standing as a party’s candidate',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'May', body: 'Dear neighbour,\n\nI am proud to be the Conservative candidate for Brookside again.\n\nNina' },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'a councillor asks a council officer to draft attack posts for their own accounts',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Posts', body: 'Dev,\n\nCould your team knock me up four punchy posts for my own Twitter this week?\n\nAled' },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'aled.price@westmoor.gov.uk' } }],
    },
    {
      // In the council's own statement, the words it quotes are published by the council.
      name: 'a council press statement that publishes a resident’s attack on a party',
      draft: {
        from: 'Press Office <press@westmoor.gov.uk>',
        to: 'Newsdesk <news@westmoorgazette.co.uk>',
        subject: 'Statement: budget',
        body: 'STATEMENT\n\nThe council has frozen parking charges. One resident said: "Westmoor can\'t afford the Conservatives, and everyone knows it."\n\nENDS\n\nPress Office\nWestmoor Borough Council',
      },
      expect: [
        { severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'press@westmoor.gov.uk' } },
        { severity: 'error', messageId: 'councilBranding' },
      ],
    },
    {
      name: 'a ward newsletter in the campaigning voice about "the other lot"',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Update', body: "Dear neighbour,\n\nThe other lot have run this town into the ground, and your Conservative team won't stand for it.\n\nNina" },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'manifesto pledges: what a party-led council would do',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Update', body: "Hi all,\n\nIf we win in May we'll scrap the garden waste charge. A Conservative council would freeze parking fees.\n\nNina" },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: "a party's own petition",
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Update', body: 'Hi all,\n\nPlease sign our petition to save Brookside library and share it with your neighbours.\n\nNina' },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'an appeal for support on polling day that never says "vote for"',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Update', body: "Hi all,\n\nWe need your support on polling day. I'm so grateful for your support at the election last time.\n\nNina" },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'a Leader asks the comms team to draft posts attacking opponents',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Update', body: "Dev,\n\nCould you draft a few posts attacking the opposition's budget plans for my own page?\n\nNina" },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: "a councillor's own business offer: a free valuation and a discount",
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Sue Hill <sue.hill@example.com>', subject: 'Update', body: 'Hi Sue,\n\nAs you know I run Shah Estates on the high street. We offer a free valuation with no obligation, and 10% off our usual fee for Brookside residents.\n\nNina' },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: '"voting for us" without the word "vote", from a council account',
      draft: {
        from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>',
        to: 'Friends <friends@westmoortories.org.uk>',
        subject: 'Thursday',
        body: 'Dear all,\n\nThank you for voting for us last time. Please think about voting for us again on Thursday.\n\nNina',
      },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: '"vote for our candidate" from a council account',
      draft: {
        from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>',
        to: 'Neighbours <neighbours@example.org.uk>',
        subject: 'Thursday',
        body: 'Hello all,\n\nOn Thursday please vote for our candidate, Sam Ellis, in the Brookside by-election.\n\nNina',
      },
      expect: [{ severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'canvassing arrangements from a council account with the council signature block (Westmoor, crawley)',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Brookside Labour <brookside@westmoorlabour.org.uk>', subject: 'Saturday', body: canvassBody },
      expect: [
        { severity: 'error', messageId: 'councilAccount', evidence: { field: 'from', recipient: 'aled.price@westmoor.gov.uk' }, edits: [] },
        {
          severity: 'error',
          messageId: 'councilBranding',
          evidence: { field: 'body', quote: 'Westmoor Borough Council' },
          // Keeps "Cllr Aled Price"; removes the office line, the council name and the address.
          edits: [[{ ...cut(canvassBody, '\nCabinet Member for Housing', 'Westmoor WM1 2AB') }]],
        },
      ],
    },
    {
      name: 'a Focus leaflet round from Hotmail, signed with an inferred council name (embedded default)',
      policy: D,
      draft: { from: 'Cllr Jo Bell <jo.bell@hotmail.co.uk>', to: 'Eastfield team <eastfield@example-libdems.org.uk>', subject: 'Leaflets', body: leafletBody },
      expect: [{ messageId: 'councilBranding', evidence: { field: 'body', quote: 'Eastleigh Borough Council' }, edits: [[cut(leafletBody, '\nEastleigh Borough Council', 'Eastleigh Borough Council')]] }],
    },
    ...['Royal Borough of Kingston upon Thames', 'Cyngor Sir Ddinbych', 'City of York Council, West Offices, Station Rise, York YO1 6GA'].map((line) => {
      const body = leafletBody.replace('Eastleigh Borough Council', line);
      return {
        name: `a Focus leaflet round from Hotmail, signed "${line}" (embedded default)`,
        policy: D,
        draft: { from: 'Cllr Jo Bell <jo.bell@hotmail.co.uk>', to: 'Eastfield team <eastfield@example-libdems.org.uk>', subject: 'Leaflets', body },
        expect: [{ messageId: 'councilBranding', evidence: { field: 'body' as const, quote: line } }],
      };
    }),
    {
      name: 'a fundraising supper from a party address with the town council logo (town council)',
      policy: H,
      draft: { from: 'Rosa Quinn <rosa@greenparty.org.uk>', to: 'Members <hollinsford@greenparty.org.uk>', subject: 'Spring supper', body: dinnerBody },
      expect: [
        {
          messageId: 'councilBranding',
          evidence: { field: 'body', quote: '[Hollinsford Town Council logo]' },
          edits: [[{ kind: 'replaceText', field: 'body', start: dinnerBody.indexOf('[Hollinsford'), end: dinnerBody.indexOf('Rosa Quinn'), text: '' }]],
        },
      ],
    },
    {
      name: 'an officer offers his own photography business from his council account, with the signature',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Sue Lane <sue.lane@example.com>', subject: 'Wedding photos', body: businessBody },
      expect: [
        { messageId: 'councilAccount', evidence: { field: 'from', recipient: 'dev.patel@westmoor.gov.uk' } },
        { messageId: 'councilBranding', evidence: { field: 'body', quote: 'Westmoor Borough Council' }, // The phone number stays: it may be the writer's own.
        edits: [[cut(businessBody, '\nPlanning Officer', 'Westmoor Borough Council')]] },
      ],
    },
    {
      name: 'a canvassing rota named only in the subject, from a council account',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Brookside Conservatives <team@westmoortories.org.uk>', subject: 'Canvassing rota for May', body: 'Rota attached. Shout if your slot does not work.\n\nNina' },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' }, edits: [] }],
    },
    {
      name: 'a re-election appeal from an inferred council account (embedded default, no signature)',
      policy: D,
      draft: {
        from: 'Councillor Rhys Evans <rhys.evans@examplecounty.gov.uk>',
        to: 'Ann Lloyd <ann@example-residents.org.uk>',
        subject: 'May',
        body: "Dear Ann,\n\nI'm standing again in Pentre this May, and I'd be grateful for your vote.\n\nRhys",
      },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'rhys.evans@examplecounty.gov.uk' } }],
    },
    {
      name: 'a by-election leafleting call carrying a gov.wales web address (embedded default)',
      policy: D,
      draft: { from: 'Gwyn Rees <gwyn@example-plaid.cymru>', to: 'Pentre branch <pentre@example-plaid.cymru>', subject: 'Help needed', body: walesBody },
      expect: [{ messageId: 'councilBranding', evidence: { field: 'body', quote: 'www.examplevale.gov.wales' }, edits: [[cut(walesBody, '\nwww.examplevale', 'gov.wales')]] }],
    },
    {
      name: 'poster sites asked for from a councillor’s personal Gmail that carries the council signature',
      draft: {
        from: 'Aled Price <aledprice@gmail.com>',
        to: 'Mo Khan <mo.khan@example.com>',
        subject: 'Posters',
        body: 'Hi Mo,\n\nWould you be willing to have a poster in your window nearer the time?\n\nRegards,\nAled\nWestmoor Borough Council',
      },
      expect: [{ messageId: 'councilBranding', evidence: { field: 'body', quote: 'Westmoor Borough Council' } }],
    },
    {
      name: 'a party stall rota in the run-up to the elections, from a council account (two cue families and a party)',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Team <team@westmoortories.org.uk>', subject: 'Saturdays', body: 'All,\n\nWe need more helpers on the Conservative street stall before the May elections.\n\nNina' },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    // Polling-day work: a strong cue counts even beside election-administration words.
    {
      name: 'a GOTV plan that names the polling station, from a council account',
      draft: {
        from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>',
        to: 'Brookside team <team@westmoortories.org.uk>',
        subject: 'Thursday',
        body: 'All,\n\nOur GOTV effort starts at 7am by the polling station in St Anne’s church hall.\n\nNina',
      },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    {
      name: 'party tellers at each polling station, and knocking up supporters, from Gmail with the council signature',
      draft: {
        from: 'Aled Price <aledprice@gmail.com>',
        to: 'Brookside Labour <brookside@westmoorlabour.org.uk>',
        subject: 'Polling day',
        body: 'Hi all,\n\nWe need tellers at each polling station from 7am. From 5pm we will be knocking up our supporters in Brookside.\n\nAled\nWestmoor Borough Council',
      },
      expect: [{ messageId: 'councilBranding', evidence: { field: 'body', quote: 'Westmoor Borough Council' } }],
    },
    {
      name: 'thanks to those who canvassed, from a council account (past tense)',
      draft: {
        from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>',
        to: 'Brookside Labour <brookside@westmoorlabour.org.uk>',
        subject: 'Thank you',
        body: 'Friends,\n\nThank you to everyone who canvassed in the rain on Sunday.\n\nAled',
      },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'aled.price@westmoor.gov.uk' } }],
    },
    {
      name: 'leafleted and campaigners before the election, from a council account (medium inflections)',
      draft: {
        from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>',
        to: 'Team <team@westmoortories.org.uk>',
        subject: 'Sunday',
        body: 'All,\n\nWe leafleted the whole of Hillcrest on Sunday, and our campaigners are out again on Tuesday before the election.\n\nNina',
      },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } }],
    },
    // Private business named by its trading name, with a discount and no price.
    {
      name: 'a councillor’s own florist named by its trading name, with a discount code, from a council account',
      draft: {
        from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>',
        to: 'Events team <events@example-venue.co.uk>',
        subject: 'Flowers for your functions',
        body: 'Dear Ms Okoye,\n\nI own Hargreaves & Daughter, the florist on Bridge Street. Use the discount code SPRING20 for 20% off arrangements booked this month.\n\nKind regards,\nNina Shah\nWestmoor Borough Council',
      },
      expect: [
        { messageId: 'councilAccount', evidence: { field: 'from', recipient: 'nina.shah@westmoor.gov.uk' } },
        { messageId: 'councilBranding', evidence: { field: 'body', quote: 'Westmoor Borough Council' } },
      ],
    },
    // Medium families pooled over neighbouring sentences of one paragraph.
    {
      name: 'a street stall in one sentence and the by-election in the next, from a council account',
      draft: {
        from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>',
        to: 'Brookside Labour <brookside@westmoorlabour.org.uk>',
        subject: 'Saturday',
        body: 'Hi all,\n\nWe are running a street stall outside the library on Saturday. The by-election is only three weeks away, so bring anyone who can spare an hour.\n\nAled',
      },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'aled.price@westmoor.gov.uk' } }],
    },
    {
      name: '"our candidate" for a ward, with the council signature (the writer’s side and a candidate)',
      draft: {
        from: 'Nina Shah <nina@westmoortories.org.uk>',
        to: 'Members <members@westmoortories.org.uk>',
        subject: 'Station',
        body: 'All,\n\nOur candidate for Eastfield, Priya Nair, will meet commuters at the station at 7.30am on Monday.\n\nNina\nWestmoor Borough Council',
      },
      expect: [{ messageId: 'councilBranding', evidence: { field: 'body', quote: 'Westmoor Borough Council' } }],
    },
    {
      name: 'a councillor asks members to help select the party’s candidate, from a council account (town council)',
      policy: H,
      draft: {
        from: 'Cllr Rosa Quinn <cllr.quinn@hollinsford-tc.gov.uk>',
        to: 'North branch <north@greenparty.org.uk>',
        subject: 'Fwd: Branch meeting',
        body: 'Do come on Thursday and help us choose our candidate for the North ward.\n\nRosa\n\n---------- Forwarded message ---------\nFrom: Branch Secretary <secretary@greenparty.org.uk>\nSubject: Branch meeting\n\nThe meeting is at 7pm in the Quaker Meeting House.',
      },
      expect: [{ messageId: 'councilAccount', evidence: { field: 'from', recipient: 'cllr.quinn@hollinsford-tc.gov.uk' } }],
    },
  ],
  valid: [
    {
      name: 'pre-election guidance to all members that names canvassing and campaign material as what not to ask for',
      why: 'the campaign words are the subject of the rules being explained, not campaigning',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'allmembers@westmoor.gov.uk', subject: 'The pre-election period', body: 'Dear Councillor,\n\nYou are free to issue your own statements and leaflets, but not from your council email account. Please do not ask officers to help with campaign material, canvassing data or photos.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a councillor’s apology to all members after the Monitoring Officer found election letters printed on a council printer',
      why: 'owning up to a breach reports it; it does not campaign',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'allmembers@westmoor.gov.uk', subject: 'Apology', body: 'Dear colleagues,\n\nAs the Monitoring Officer has reported, some of my election letters were printed in the group room. That should not have happened and I apologise.\n\nCllr Nina Shah\nWestmoor Borough Council' },
    },
    {
      name: 'an officer forwards a party leaflet to a colleague, asking whether it needs a reply',
      why: 'an officer passing party material to a colleague is reporting it, and the question asks about it',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Gill Hart <gill.hart@westmoor.gov.uk>', subject: 'FW: Oakley leaflet', body: "Do we need to reply to the point about the depot?\n\nDev\n\n-----Original Message-----\nFrom: Lucy Carmody [mailto:lucy@westmoorlabour.org.uk]\nSubject: Oakley leaflet\n\nLeaflet one is back from the printer. Canvassing teams start on the doors next week." },
    },
    {
      name: 'count arrangements sent to the election agents, naming the candidates and their parties',
      why: 'election administration: the candidates and parties are the election being run',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'agent@westmoorlabour.org.uk, agent@westmoortories.org.uk', subject: 'Brookside by-election - verification and count', body: 'Dear agents,\n\nThe verification and count start at 10pm. Each candidate may appoint three counting agents; postal vote opening is on Tuesday.\n\nThe candidates are Nina Shah (Conservative Party) and Aled Price (Labour Party), as on the statement of persons nominated.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a polling-day notice urging everyone to use their vote, whoever they vote for',
      why: 'encouraging turnout is not an appeal for a party',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'news@westmoor.gov.uk', subject: 'Voting on Thursday', body: 'Polling stations are open from 7am to 10pm. Your poll card tells you where to go.\n\nEvery vote counts, whoever you vote for - please use yours.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a councillor asks, as a customer, for the community rate and no deposit for a family wedding',
      why: 'the writer is buying, not selling: no business of theirs is on offer (favour-seeking reads the ask)',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Gill Hart <gill.hart@westmoor.gov.uk>', subject: 'Garden Room - 12 June', body: 'Hi Gill,\n\nMy daughter is getting married on 12 June. I know weddings are normally at the commercial rate plus the £250 deposit. Any chance it could go through at the community rate, with no deposit?\n\nNina' },
    },
    {
      name: 'an officer’s internal note on the administration’s budget',
      why: 'party credit counts only in the council’s own publicity; a briefing between officers is not publicity',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Gill Hart <gill.hart@westmoor.gov.uk>', subject: 'Budget note', body: 'Gill,\n\nThe Labour administration\'s budget goes to full council on Wednesday; my note on the parking figures is attached.\n\nDev' },
    },
    {
      name: 'a party fundraiser forwarded to the monitoring officer with a question about it',
      why: 'the writer is asking about the material, not passing it on',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Monitoring Officer <mo@example.org>', subject: 'FW: Quiz night', body: 'Is this allowed on a council noticeboard?\n\nCllr Nina Shah\nWestmoor Borough Council\nCivic Centre, Westmoor WM1 2AB\n\n-----Original Message-----\nFrom: Brookside Conservatives [mailto:events@westmoortories.org.uk]\nSent: 04 February 2028 18:22\nTo: Members\nSubject: Quiz night\n\nQUIZ NIGHT\nFriday 12 March, Brookside Hall, doors 7pm. £10 a head including supper. Raffle and bar.\nAll proceeds to our May election campaign - let’s keep Brookside blue!' },
    },
    {
      name: 'a party fundraiser forwarded only to a council colleague',
      why: 'nothing goes outside the council, so the writer is not circulating it',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'FW: Quiz night', body: 'For your records.\n\nCllr Nina Shah\nWestmoor Borough Council\nCivic Centre, Westmoor WM1 2AB\n\n-----Original Message-----\nFrom: Brookside Conservatives [mailto:events@westmoortories.org.uk]\nSent: 04 February 2028 18:22\nTo: Members\nSubject: Quiz night\n\nQUIZ NIGHT\nFriday 12 March, Brookside Hall, doors 7pm. £10 a head including supper. Raffle and bar.\nAll proceeds to our May election campaign - let’s keep Brookside blue!' },
    },
    {
      name: 'a councillor who signs as a party group leader asks for the council’s recycling leaflets',
      why: 'no call for hands: she wants the council’s leaflets for her surgery',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Leaflets', body: 'Could you send me 50 of the new recycling leaflets for Saturday’s surgery?\n\nCllr Nina Shah | Leader, Conservative Group\nWestmoor Borough Council' },
    },
    {
      name: 'an officer mentions the Customer Focus team',
      why: 'a council team’s name, not a party’s newsletter',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Your query', body: 'Dear resident,\n\nThe new Customer Focus team will call you back this week.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a councillor tells residents where to read figures a party group asked for',
      why: 'a party group named in passing is not party content, for the lexicon or the scorer',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Figures', body: 'Dear neighbour,\n\nThe Labour group asked for the figures on the leisure centre last week. People can read them on the website.\n\nNina' },
    },
    {
      name: 'an officer’s update with a registration campaign, the election and a party group’s request',
      why: 'the party is someone the officer mentions, not the writer’s side',
      draft: {
        from: 'Dev Patel <dev.patel@westmoor.gov.uk>',
        to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>',
        subject: 'Update',
        body: 'Dear Aled,\n\nWe are preparing for the election in May.\n\nThe pool is open. The gym is open. The cafe is open. The library is open.\n\nOur campaign to get young people registered to vote starts on Monday.\n\nThe Labour group has asked for a briefing on the budget, which I will send on Friday.\n\nDev Patel\nWestmoor Borough Council',
      },
    },
    {
      name: 'a council update with leaflet talk and the election, but no party named',
      why: 'the council tells residents about its own leaflets and the election: nothing makes it a party’s',
      draft: {
        from: 'Dev Patel <dev.patel@westmoor.gov.uk>',
        to: 'Residents <residents@example.com>',
        subject: 'Spring update',
        body: 'Dear resident,\n\nOur leaflets on the Brookside library went out last week.\n\nThe library is open on Saturdays again. The roof repair is finished. The car park is resurfaced. The toilets are open.\n\nThe election in May will use the library as a polling station.\n\nDev Patel\nWestmoor Borough Council',
      },
    },
    {
      name: 'an officer tells a councillor about a job candidate in the first person',
      why: 'a candidate for a post, with no party named',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Interview', body: 'Dear Aled,\n\nI met the candidate for the housing post today.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'an officer passes on what a resident said about a party',
      why: 'reported speech in an officer’s casework reply is not the council’s own publication',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Bins', body: 'Dear Aled,\n\nThe resident told me: "Westmoor can\'t afford the Conservatives." I have logged the missed bin.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a councillor asks a council officer for a factual note for their own accounts',
      why: 'a factual note on council business is not campaign material',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Pool', body: 'Dev,\n\nCould you send me the pool opening times so I can answer residents?\n\nAled' },
    },
    {
      name: 'a group whip asks colleagues to vote for the group’s amendment at Full Council, from a council account',
      why: 'how a group votes in the chamber is council business, not electioneering',
      draft: {
        from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>',
        to: 'Labour Group <group@westmoorlabour.org.uk>',
        subject: 'Budget council',
        body: 'Colleagues,\n\nPlease vote for our budget amendment on Thursday, and for our housing motion after it.\n\nAled\n\nCllr Aled Price\nWestmoor Borough Council',
      },
    },
    {
      name: 'an officer asks a councillor for help staffing a polling station',
      why: 'poll clerks at a polling station are election administration, and there is no strong cue',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Poll clerks', body: 'Dear Aled,\n\nWe still need two poll clerks for the polling station at St Mark’s Hall on polling day; could you mention it at your ward surgery?\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a council notice inviting all candidates and their agents to a briefing',
      why: 'candidates and agents, the count and postal vote opening are election administration',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Agents <agents@example.com>', subject: 'Briefing', body: 'All candidates and their agents are invited to a briefing on the election timetable, the count and postal vote opening on 14 April. We will send the slides afterwards.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'an elections officer welcomes candidates’ campaign teams to a briefing',
      why: 'the writer runs the council’s elections (signature "Elections Officer"), so candidates and campaigns are administration',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', subject: 'Hillcrest', body: 'Dear Cllr Shah,\n\nCandidates in the Hillcrest by-election are welcome to bring their campaign teams to Tuesday’s briefing with us.\n\nKind regards,\nDev Patel\nElections Officer\nWestmoor Borough Council' },
    },
    {
      name: 'our candidate for an apprenticeship',
      why: 'a candidate for a job is not a candidate for election',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Shadowing', body: 'Dear Aled,\n\nOur candidate for the housing apprenticeship starts on 1 September; could she shadow you at a ward surgery?\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a council road safety campaign, with candidates for a job in the next sentence',
      why: 'the council’s own campaign and candidates for a post are not electioneering, even pooled across sentences',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', subject: 'Road safety', body: 'Dear Nina,\n\nOur road safety campaign starts in May. We have interviewed three candidates for the campaign officer post and will appoint next week.\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'litter-pick volunteers and leaflets in neighbouring sentences',
      why: 'pooled families must include the election, candidates or fundraising: volunteers and leaflets are council work too',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Litter pick', body: 'Dev,\n\nOur litter-pick volunteers did a great job on Saturday. We will deliver leaflets about the next one to every house on Elm Road.\n\nAled\nWestmoor Borough Council' },
    },
    {
      name: 'tellers at the council’s count',
      why: 'tellers counting ballots at the count are election administration',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Staff <staff@westmoor.gov.uk>', subject: 'Count', body: 'Hello all,\n\nWe need twelve tellers for the count at Westmoor Leisure Centre, working in two shifts.\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a councillor mentions a local business’s discount',
      why: 'someone else’s business and one offer with no price is not the writer’s private business',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Bridge Street', body: 'Dev,\n\nI called in at Okafor’s Bakery on Bridge Street, which is offering 10% off to pensioners this month. Could trading standards check their new A-board is within the rules?\n\nNina\nWestmoor Borough Council' },
    },
    {
      name: 'an officer who runs a council team and mentions its services',
      why: '"I run the … team" and "our services" are the council’s work, not a private business',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Advice', body: 'Dear Aled,\n\nI run the pre-application advice team. Our services are listed on the website, and the fee for a householder meeting is £60.\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'candidate sites in a local plan',
      why: '"our candidate sites" is planning language, not the party’s candidate',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', subject: 'Local plan', body: 'Dear Nina,\n\nOur candidate sites for the new depot are in appendix B of the local plan report.\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a council appeal for votes in a competition',
      why: 'votes in an award are not an election',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Residents <residents@example.com>', subject: 'Elm Park', body: 'Vote for us in the Green Flag People’s Choice awards by 30 June!\n\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'standing as a committee chair, and a residents’ association that funds a fair',
      why: '"standing as the chair" is not standing for election, and an association funding an event is not a campaign fund',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Fair', body: "Dev,\n\nI'm standing as the chair of the scrutiny panel this year. The residents' association funds the summer fair, so could we waive the park fee?\n\nNina\nWestmoor Borough Council" },
    },
    {
      name: 'a councillor asks an officer to check another party’s leaflet',
      why: 'asking whether a claim is right is council business, not campaigning',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Library', body: 'Dev,\n\nThe Conservatives have put out a leaflet claiming the library will close; can you tell me whether that is right?\n\nAled\nWestmoor Borough Council' },
    },
    {
      name: 'an officer reports complaints about a party leaflet',
      why: 'reporting complaints about someone else’s campaign material is not campaigning',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Gill Hart <gill.hart@westmoor.gov.uk>', subject: 'Complaints', body: "Gill,\n\nWe've had complaints about the Labour leaflet on Elm Road using the council's logo.\n\nDev Patel\nWestmoor Borough Council" },
    },
    {
      name: 'casework reply from a council account with the council signature',
      why: 'council business: the council signature is right here',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Pat Green <pat.green@example.com>', subject: 'Re: Potholes', body: 'Dear Pat,\n\nI have reported the potholes on Mill Lane to the highways team.\n\nKind regards,\n\nCllr Aled Price\nWestmoor Borough Council\nCivic Centre, Westmoor WM1 2AB' },
    },
    {
      name: 'canvassing from a party address with a party signature',
      why: 'party business with no council account, signature or logo',
      draft: { from: 'Aled Price <aled@westmoorlabour.org.uk>', to: 'Brookside Labour <brookside@westmoorlabour.org.uk>', subject: 'Saturday', body: "Hi all,\n\nWe're out canvassing the Brookside estate on Saturday.\n\nAled\nBrookside Labour Party" },
    },
    {
      name: 'a group leader asks the Chief Executive for a budget briefing for the Labour Group',
      why: 'arranging an officer briefing is council business, even for a party group',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Gill Hart <gill.hart@westmoor.gov.uk>', subject: 'Budget briefing for the Labour Group', body: 'Dear Gill,\n\nThe Labour Group would like to take up the offer of a budget briefing at our group meeting on 3 March.\n\nMany thanks,\nAled\nWestmoor Borough Council' },
    },
    {
      name: '"We won\'t be canvassing" (won\'t negates, as "will not" does)',
      why: "the contraction's n't reaches the cue",
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Update', body: "Dev,\n\nWe won't be canvassing on the estate while the repairs are going on. Could you send me the repair dates?\n\nNina" },
    },
    {
      name: 'a factual account of how a group voted',
      why: 'reporting a vote in the chamber is council business, not campaigning',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Sue Hill <sue.hill@example.com>', subject: 'Update', body: "Dear Sue,\n\nThe Conservative group's amendment on the garden waste charge was carried by 23 votes to 19 at Full Council.\n\nNina" },
    },
    {
      name: "the council's own petition scheme",
      why: "a council e-petition is not a party's petition",
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Sue Hill <sue.hill@example.com>', subject: 'Update', body: "Dear Sue,\n\nYou can start an e-petition through the council's petition scheme on the website.\n\nNina" },
    },
    {
      name: '"if we win the bid"',
      why: 'winning a funding bid is not winning an election',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Sue Hill <sue.hill@example.com>', subject: 'Update', body: 'Dear Sue,\n\nIf we win the bid, the pool reopens in 2028.\n\nNina' },
    },
    {
      name: "a resident's quoted words about voting",
      why: 'a third party is named as the speaker',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Update', body: 'Dev,\n\nMrs Hart said "I\'ll vote for whoever fixes the road" when I met her. Could you look at the potholes?\n\nNina' },
    },
    {
      name: 'a negated campaign cue',
      why: '"I am not asking you to canvass" denies the campaign request',
      draft: { from: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Bin days', body: 'Dev,\n\nI am not asking you to canvass anyone; I just need the new bin collection days for Brookside.\n\nNina\nWestmoor Borough Council' },
    },
    {
      name: 'the electoral registration annual canvass',
      why: 'the annual canvass is election administration, which is council business',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Nina Shah <nina.shah@westmoor.gov.uk>', subject: 'Annual canvass', body: 'Dear Cllr Shah,\n\nThe annual canvass forms go out next week; residents can reply online.\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a council recycling campaign with leaflets to every home',
      why: 'an awareness campaign and leaflets, with no party, election or fundraising, are council business',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', subject: 'Recycling', body: 'Dear Aled,\n\nOur recycling campaign will deliver leaflets to every home in Brookside next month.\n\nKind regards,\nDev Patel\nWestmoor Borough Council' },
    },
    {
      name: 'a resident’s quoted words about voting',
      why: 'the words in quotation marks are the resident’s, not the writer’s campaigning',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Bins on Elm Road', body: 'Dev,\n\nMrs Hale told me "I will never vote Labour again if this bin is not emptied". Could the crew go back on Monday?\n\nAled\nWestmoor Borough Council' },
    },
    {
      name: 'a councillor asks for his own parking ticket to be cancelled',
      why: 'a personal request is favour-seeking, not party or business content',
      draft: { from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Dev Patel <dev.patel@westmoor.gov.uk>', subject: 'Parking ticket', body: 'Dev,\n\nCould you get my parking ticket from Tuesday cancelled? I was only there ten minutes.\n\nAled\nWestmoor Borough Council' },
    },
    {
      name: 'the council’s name in running prose of a party email from a party address',
      why: 'the council named in a sentence is not its letterhead',
      draft: { from: 'Nina Shah <nina@westmoortories.org.uk>', to: 'Members <members@westmoortories.org.uk>', subject: 'Library', body: 'Friends,\n\nLabour on Westmoor Borough Council voted to shut the library, so we need every volunteer out canvassing this weekend to explain what that means for Brookside.\n\nNina' },
    },
    {
      name: 'electoral services writes to candidates about nomination papers',
      why: 'election administration by officers is council business',
      draft: { from: 'Dev Patel <dev.patel@westmoor.gov.uk>', to: 'Agents <agents@example.com>', subject: 'Hillcrest by-election', body: 'Candidates standing in the Hillcrest by-election must deliver nomination papers to the Returning Officer by 4pm on 3 April.\n\nDev Patel\nWestmoor Borough Council' },
    },
  ],
});

describe('letterhead-for-party-matters on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('letterhead-for-party-matters');
});

describe('letterhead-for-party-matters in a release or post (publicity words)', () => {
  it('says the council publicity comes from a council account, and asks for the party content to go rather than another account', () => {
    const release = makeDraft({ from: 'Cllr Aled Price <aled.price@westmoor.gov.uk>', to: 'Brookside Labour <brookside@westmoorlabour.org.uk>', subject: 'Saturday', body: canvassBody });
    const findings = checkAsCli({ ...release, publicity: 'newsletter' }, W, { rules: [RULES_BY_ID.get('letterhead-for-party-matters')!] });
    expect(findings.map((f) => f.message.slice(0, 17))).toEqual(['This newsletter i', 'This newsletter i']);
    expect(findings[0]!.message).toContain('comes from a council account (aled.price@westmoor.gov.uk). Council publicity is for council business only.');
    const titles = findings.flatMap((f) => f.suggestions.map((s) => s.title));
    expect(titles.some((t) => /party or personal account/.test(t))).toBe(false);
    expect(titles).toContain('Council publicity cannot promote a party: take out the party content, or leave it to the party to publish');
  });
});
