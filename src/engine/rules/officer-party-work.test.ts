import { describe } from 'vitest';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

// A borough on the surrey-heath pack: invitations go through the Chief Executive or Monitoring Officer.
const hollin: PolicyFile = {
  council: { name: 'Hollin Borough Council', domains: ['hollin.gov.uk'], protocol: 'surrey-heath' },
  councillors: [
    { name: 'Kate Doyle', email: 'cllr.kate.doyle@hollin.gov.uk', party: 'Labour', roles: ['group-leader'] },
    { name: 'Ian Webb', email: 'cllr.ian.webb@hollin.gov.uk', party: 'Labour' },
  ],
  officers: [
    { name: 'Alan Price', email: 'alan.price@hollin.gov.uk', roles: ['chief-executive', 'senior'] },
    { name: 'Beth Lowry', email: 'beth.lowry@hollin.gov.uk', roles: ['senior'] },
    { name: 'Chris Dunn', email: 'chris.dunn@hollin.gov.uk' },
  ],
  parties: [{ name: 'Labour', aliases: ['Labour Party'] }],
};
const districtPolicy = resolvePolicy({ ...hollin, council: { ...hollin.council, protocol: 'district-model' } }, 'test');
const crawleyPolicy = resolvePolicy({ ...hollin, council: { ...hollin.council, protocol: 'crawley' } }, 'test');
const townPolicy = resolvePolicy(
  { council: { name: 'Ashby Magna Town Council', domains: ['ashbymagna-tc.gov.uk'], protocol: 'town-council' }, officers: [{ name: 'Mary Stone', email: 'clerk@ashbymagna-tc.gov.uk', roles: ['chief-executive'] }, { name: 'Tim Fox', email: 'tim.fox@ashbymagna-tc.gov.uk' }] },
  'test',
);

const LEADER = 'Cllr Kate Doyle <cllr.kate.doyle@hollin.gov.uk>';
const BACKBENCHER = 'Cllr Ian Webb <cllr.ian.webb@hollin.gov.uk>';
const CEX = 'Alan Price <alan.price@hollin.gov.uk>';
const DIRECTOR = 'Beth Lowry <beth.lowry@hollin.gov.uk>';
const OFFICER = 'Chris Dunn <chris.dunn@hollin.gov.uk>';
const invite = 'Dear Beth,\n\nWould you come to our Labour group meeting on Monday to talk us through the budget options?\n\nKate';

runRuleTests('officer-party-work', {
  policy: hollin,
  valid: [
    {
      name: 'an officer asked for figures a party group wanted, to share with residents',
      why: 'a party group named in passing is council business, for the lexicon and the scorer alike',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Chris,\n\nCould you send me the leisure centre figures the Labour group asked for last week? People can then read them on the website.\n\nIan' },
    },
    {
      name: 'a group leader asks the Chief Executive to arrange a briefing (surrey-heath)',
      why: 'surrey-heath 6.8: requests go through the Chief Executive',
      draft: { from: LEADER, to: CEX, body: 'Dear Alan,\n\nCould you arrange for an officer to attend our Labour group meeting on Monday to brief us on the budget?\n\nKate' },
    },
    {
      name: 'published figures for a council report',
      why: 'council business: no party or campaign material',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Dear Chris,\n\nCould you send me the published recycling figures for my scrutiny report?\n\nIan' },
    },
    {
      name: 'a councillor writing to a party colleague',
      why: 'no officer is asked',
      draft: { from: BACKBENCHER, to: LEADER, body: 'Kate, could you check the wording of our Focus leaflet before it goes to the printers?' },
    },
    {
      name: 'a negated request',
      why: '"I am not asking you to check the leaflet" asks nothing of the officer',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Dear Chris,\n\nI know officers cannot help with our leaflet and I am not asking you to. Could you tell me when the bins report is published?\n\nIan' },
    },
    {
      name: 'a working group meeting',
      why: 'a working group is council business, not a political group',
      draft: { from: BACKBENCHER, to: DIRECTOR, body: 'Dear Beth,\n\nCould you come to the parking working group meeting on Thursday?\n\nIan' },
    },
    {
      name: "a council's own awareness campaign",
      why: 'the council\'s recycling campaign is council business',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Dear Chris,\n\nCould you send me the leaflets for the council recycling campaign so I can hand them out at my surgery?\n\nIan' },
    },
    {
      name: 'a group leader asks a senior officer (district-model)',
      why: 'district-model: a Group Leader may ask the relevant Senior Officer',
      policy: districtPolicy,
      draft: { from: LEADER, to: DIRECTOR, body: invite },
    },
    {
      name: 'an invitation to the clerk (town council)',
      why: 'town-council §3: a group may invite the clerk',
      policy: townPolicy,
      draft: { from: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>', to: 'Mary Stone <clerk@ashbymagna-tc.gov.uk>', body: 'Mary, would you attend our Independent group meeting on 4 June to explain the precept?' },
    },
    {
      name: 'an officer writing about a group meeting',
      why: 'the rule binds councillors',
      draft: { from: CEX, to: LEADER, body: 'Kate, I will come to your Labour group meeting on Monday as requested.' },
    },
    {
      name: 'comms asked for council posts about the budget',
      why: 'council publicity about council business, with no party content',
      draft: { from: LEADER, to: OFFICER, body: 'Chris\n\nCan you draft four or five posts for the council page about the budget consultation?\n\nKate' },
    },
    {
      name: 'a councillor who will not ask officers for campaign help',
      why: 'negated: "won\'t" is "will not"',
      draft: { from: BACKBENCHER, to: OFFICER, body: "Chris, I won't be asking you to check our Focus leaflet; the party does that. Could you send me the bin figures?" },
    },
  ],
  invalid: [
    {
      // No lexicon entry holds this wording; the learned scorer reads the party content.
      name: 'an officer asked to tidy up a party attack in wording no lexicon entry holds',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Chris,\n\nCould you tidy this up for me? Labour have run Hollin for too long. Every spring people tell us the same thing: Labour promise a lot and deliver little.\n\nIan' },
      expect: [{ messageId: 'campaign' }],
    },
    {
      name: 'a director invited straight to a party group meeting (surrey-heath)',
      draft: { from: LEADER, to: DIRECTOR, body: invite },
      expect: [
        {
          severity: 'error',
          messageId: 'groupMeeting',
          evidence: { field: 'body', quote: 'group meeting' },
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'beth.lowry@hollin.gov.uk', to: { name: 'Alan Price', email: 'alan.price@hollin.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'figures for a campaign leaflet',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Dear Chris,\n\nI am writing our election leaflet for Quayside. Could you send me the crime figures for the ward?\n\nIan' },
      expect: [{ severity: 'error', messageId: 'campaign', evidence: { quote: 'election leaflet' }, edits: [] }],
    },
    {
      name: 'checking campaign wording, even through the Chief Executive',
      draft: { from: LEADER, to: CEX, body: 'Dear Alan,\n\nCould you check the wording of our campaign material on the leisure centre before we print it?\n\nKate' },
      expect: [{ messageId: 'campaign', evidence: { quote: 'our campaign material' } }],
    },
    {
      name: 'canvassing data',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Chris, please send me a list of tenants on Mill Estate for canvassing next week.' },
      expect: [{ messageId: 'campaign', evidence: { quote: 'canvassing' } }],
    },
    {
      name: 'attack posts for the councillor’s own account, the party content in the next paragraph',
      draft: {
        from: LEADER,
        to: OFFICER,
        body: 'Chris\n\nCan you knock me up four or five posts for my own page by Thursday?\n\nMain thing is the budget: something having a go at the Lib Dems sitting on the fence again.\n\nKate',
      },
      expect: [{ messageId: 'campaign', evidence: { quote: 'posts for my own page' } }],
    },
    {
      name: 'printing the party’s ward newsletter on council equipment',
      draft: { from: BACKBENCHER, to: OFFICER, body: 'Chris, could you run off 400 copies of the attached? It’s our Millbrook Labour Ward Report for March.' },
      expect: [{ messageId: 'campaign', evidence: { quote: 'our Millbrook Labour Ward Report' } }],
    },
    {
      name: 'a backbencher invites a senior officer (district-model)',
      policy: districtPolicy,
      draft: { from: BACKBENCHER, to: DIRECTOR, body: 'Beth, could you come to our Labour group meeting on Monday?' },
      expect: [{ messageId: 'groupMeeting', evidence: { quote: 'group meeting' }, edits: [] }],
    },
    {
      name: 'a group leader who is not the Leader or Opposition Leader (crawley)',
      policy: crawleyPolicy,
      draft: { from: LEADER, to: CEX, body: 'Alan, would you brief our Labour group meeting on Monday?' },
      expect: [{ messageId: 'groupMeeting' }],
    },
    {
      name: 'an assistant invited instead of the clerk (town council)',
      policy: townPolicy,
      draft: { from: 'Cllr Amy Shaw <amy.shaw@ashbymagna-tc.gov.uk>', to: 'Tim Fox <tim.fox@ashbymagna-tc.gov.uk>', body: 'Tim, would you attend our Independent group meeting on 4 June?' },
      expect: [
        {
          messageId: 'groupMeeting',
          edits: [[{ kind: 'replaceRecipient', field: 'to', from: 'tim.fox@ashbymagna-tc.gov.uk', to: { name: 'Mary Stone', email: 'clerk@ashbymagna-tc.gov.uk' } }]],
        },
      ],
    },
    {
      name: 'a party meeting, officer of unknown standing (embedded default)',
      policy: embeddedDefaultPolicy(),
      draft: { from: 'Cllr Jo Bell <jo.bell@kirkby.gov.uk>', to: 'Sam Ray <sam.ray@kirkby.gov.uk>', body: 'Sam, could you speak at our branch party meeting on Friday about the housing plan?' },
      expect: [{ messageId: 'groupMeeting', evidence: { quote: 'party meeting' } }],
    },
  ],
});

describe('officer-party-work on the Northbridge corpus', () => {
  itFiresOnItsCorpusLabels('officer-party-work');
});
