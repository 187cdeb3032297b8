import { beforeAll, describe, expect, it } from 'vitest';
import { checkAsCli } from '../../../tests/helpers/check-as-cli.ts';
import type { PolicyFile } from '../policy.ts';
import { embeddedDefaultPolicy, resolvePolicy } from '../../policy/resolve.ts';
import { type CorpusCase, corpusPolicy, loadCorpus, itFiresOnItsCorpusLabels } from '../../../tests/helpers/corpus.ts';
import { runRuleTests } from '../../../tests/helpers/rule-tester.ts';

const councillors = [
  { name: 'Asha Verma', email: 'asha.verma@westmoor.gov.uk', ward: 'Quarry', party: 'Labour', roles: ['group-leader' as const] },
  { name: 'Cara Finch', email: 'cara.finch@westmoor.gov.uk', ward: 'Quarry', party: 'Labour' },
  { name: 'Bill Trent', email: 'bill.trent@westmoor.gov.uk', ward: 'Mill', party: 'Conservative', roles: ['leader' as const, 'group-leader' as const] },
];
const parties = [
  { name: 'Labour', domains: ['westmoorlabour.org.uk'] },
  { name: 'Conservative', aliases: ['Conservatives', 'Con'], domains: ['westmoortories.org.uk'] },
];
const officers = [{ name: 'Dan Hale', email: 'dan.hale@westmoor.gov.uk', roles: ['senior' as const] }];
const withPack = (name: string, protocol: PolicyFile['council']['protocol']) =>
  resolvePolicy({ council: { name, domains: ['westmoor.gov.uk'], protocol }, councillors, parties, officers }, `${name} test policy`);

const CRAWLEY = withPack('Westmoor Borough Council', 'crawley');
const TOWN = withPack('Westmoor Town Council', 'town-council');
const DISTRICT = withPack('Westmoor District Council', 'district-model');
const HAMLETS = withPack('Westmoor London Borough', 'tower-hamlets');
const DEFAULT = embeddedDefaultPolicy();

const LABOUR = 'Asha Verma <asha.verma@westmoor.gov.uk>, Cara Finch <cara.finch@westmoor.gov.uk>';
const labourNote = (extra: Partial<{ cc: string; bcc: string; body: string; subject: string }> = {}) => ({
  from: 'Dan Hale <dan.hale@westmoor.gov.uk>',
  to: LABOUR,
  subject: extra.subject ?? 'Leisure review',
  body: extra.body ?? 'Dear Asha and Cara,\n\nFor the Labour Group meeting on Monday, here is a short note on the leisure review options and their costs.\n\nKind regards,\n\nDan Hale\nHead of Leisure',
  ...(extra.cc ? { cc: extra.cc } : {}),
  ...(extra.bcc ? { bcc: extra.bcc } : {}),
});
const GROUP = { field: 'body' as const, quote: 'Labour Group' };

runRuleTests('political-group-briefing', {
  policy: CRAWLEY,
  valid: [
    {
      name: 'the same briefing offered to every group at once',
      why: 'the group leaders of both parties receive it, so no one group is being briefed',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Asha Verma <asha.verma@westmoor.gov.uk>, Bill Trent <bill.trent@westmoor.gov.uk>', subject: 'Budget briefings for each political group', body: 'Dear Group Leaders,\n\nI would like to offer each political group the same briefing on the budget.\n\nDan' },
    },
    {
      name: 'one group leader told the offer goes to every group',
      why: 'the writer says the same briefing is offered to the other groups',
      policy: DEFAULT,
      draft: { from: 'Kim Ray <kim.ray@eastshire.gov.uk>', to: 'Cllr Ann Lowe <ann.lowe@eastshire.gov.uk>', subject: 'Budget briefing', body: 'Dear Ann,\n\nI am happy to brief your group on the budget. I am offering the other groups the same briefing.\n\nKim' },
    },
    {
      name: 'exempt papers to the Cabinet and all group leaders',
      why: 'councillors of more than one party receive it',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Bill Trent <bill.trent@westmoor.gov.uk>, Asha Verma <asha.verma@westmoor.gov.uk>', subject: 'Cabinet item 7', body: 'Dear Cabinet members and Group Leaders,\n\nThe report for item 7 is attached, with a note on the options.\n\nDan' },
    },
    {
      name: 'ordinary casework to one councillor',
      why: 'nothing names a political group',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Asha Verma <asha.verma@westmoor.gov.uk>', subject: 'RE: Pool opening hours', body: 'Dear Asha,\n\nThe pool will open at 6.30am from May. I attach a note on the timetable.\n\nDan' },
    },
    {
      name: 'a chair’s briefing for a committee',
      why: 'a committee chair’s briefing is not a political group',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Asha Verma <asha.verma@westmoor.gov.uk>, Cara Finch <cara.finch@westmoor.gov.uk>', subject: 'Licensing Committee - chair’s briefing', body: 'Dear Cllr Verma and Cllr Finch,\n\nCan we hold the chair’s briefing for the Licensing Committee on Thursday?\n\nDan' },
    },
    {
      name: 'a working group and a village green group',
      why: '"group" only counts as political with a party name, "political/party group", or "your/the group" right before it',
      draft: labourNote({ body: 'Dear Asha and Cara,\n\nFor the working group meeting, here is a note on the village green group’s request.\n\nDan' }),
    },
    {
      name: 'a councillor writes about her own group',
      why: 'only an officer briefs a group; a councillor writing to her group is party business',
      draft: { from: 'Asha Verma <asha.verma@westmoor.gov.uk>', to: 'Cara Finch <cara.finch@westmoor.gov.uk>', cc: 'Branch <branch@westmoorlabour.org.uk>', subject: 'Labour Group meeting', body: 'Cara,\n\nHere is my briefing note for the Labour Group meeting.\n\nAsha' },
    },
    {
      name: 'a party agent copied on something that is not a group briefing',
      why: 'nothing in the text names a political group',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Asha Verma <asha.verma@westmoor.gov.uk>', cc: 'Agent <agent@westmoorlabour.org.uk>', subject: 'Count arrangements', body: 'The count starts at 10pm at the leisure centre. Agents can collect passes from reception.\n\nDan' },
    },
  ],
  invalid: [
    {
      name: 'a briefing note to one group (crawley: offer it to the others)',
      draft: labourNote(),
      expect: [{ severity: 'info', messageId: 'offerToOtherGroups', evidence: GROUP, edits: [] }],
    },
    {
      name: 'a party official copied in',
      draft: labourNote({ cc: 'Branch Chair <chair@westmoorlabour.org.uk>' }),
      expect: [
        { severity: 'warning', messageId: 'nonCouncillorsCopied', evidence: { field: 'cc', recipient: 'chair@westmoorlabour.org.uk' }, edits: [[{ kind: 'removeRecipient', field: 'cc', email: 'chair@westmoorlabour.org.uk' }]] },
        { severity: 'info', messageId: 'offerToOtherGroups', evidence: GROUP },
      ],
    },
    {
      name: 'a personal guest blind-copied',
      draft: labourNote({ bcc: 'Ron Day <ron.day@gmail.com>' }),
      expect: [
        { severity: 'warning', messageId: 'nonCouncillorsCopied', evidence: { field: 'bcc', recipient: 'ron.day@gmail.com' }, edits: [[{ kind: 'removeRecipient', field: 'bcc', email: 'ron.day@gmail.com' }]] },
        { severity: 'info', messageId: 'offerToOtherGroups' },
      ],
    },
    { name: 'town-council: tell all other councillors', policy: TOWN, draft: labourNote(), expect: [{ severity: 'info', messageId: 'notifyAllCouncillors', evidence: GROUP }] },
    { name: 'district-model: do not decline another group', policy: DISTRICT, draft: labourNote(), expect: [{ severity: 'info', messageId: 'sameForOtherGroups', evidence: GROUP }] },
    { name: 'tower-hamlets: keep it from other groups', policy: HAMLETS, draft: labourNote(), expect: [{ severity: 'info', messageId: 'keepFromOtherGroups', evidence: GROUP }] },
    {
      name: 'the group named only in the subject, with an alias ("Conservatives Group")',
      draft: { from: 'Dan Hale <dan.hale@westmoor.gov.uk>', to: 'Bill Trent <bill.trent@westmoor.gov.uk>', subject: 'Planning briefing for the Conservatives Group', body: 'Bill,\n\nI will attend on Monday and take questions on the local plan.\n\nDan' },
      expect: [{ severity: 'info', messageId: 'offerToOtherGroups', evidence: { field: 'subject', quote: 'Conservatives Group' } }],
    },
    {
      name: 'embedded default: "your group’s meeting" to a titled councillor',
      policy: DEFAULT,
      draft: { from: 'Kim Ray <kim.ray@eastshire.gov.uk>', to: 'Cllr Ann Lowe <ann.lowe@eastshire.gov.uk>', subject: 'Budget', body: 'Dear Ann,\n\nAs requested for your group’s meeting on Friday, here is a short note on the budget gap.\n\nKim' },
      expect: [{ severity: 'info', messageId: 'oneGroupBriefing', evidence: { field: 'body', quote: 'your group' } }],
    },
    {
      name: 'party members expected at the meeting, said in the text',
      draft: labourNote({ body: 'Dear Asha and Cara,\n\nI will brief the Labour Group on Monday. I understand branch members will be attending as well.\n\nDan' }),
      expect: [
        { severity: 'warning', messageId: 'nonCouncillorsPresent', evidence: { field: 'body', quote: 'branch members will be attending' }, edits: [] },
        { severity: 'info', messageId: 'offerToOtherGroups', evidence: GROUP },
      ],
    },
  ],
});

describe('political-group-briefing messages', () => {
  it('names the group the briefing is for', () => {
    const f = checkAsCli({ from: { email: 'dan.hale@westmoor.gov.uk' }, to: [{ email: 'asha.verma@westmoor.gov.uk' }], cc: [], bcc: [], subject: 'Note for the Labour Group', body: 'Here is the briefing note.' }, CRAWLEY).find((x) => x.rule === 'political-group-briefing')!;
    expect(f.message).toContain('the Labour Group');
  });
});

describe('political-group-briefing on the Northbridge corpus', () => {
  let cases: CorpusCase[];
  beforeAll(async () => {
    cases = await loadCorpus();
  });
  itFiresOnItsCorpusLabels('political-group-briefing');
  it('warns about the party officials on 43 and only reminds on 42', () => {
    const policy = corpusPolicy();
    const sev = (file: string) => checkAsCli(cases.find((c) => c.file.startsWith(file))!.draft, policy).filter((f) => f.rule === 'political-group-briefing').map((f) => f.severity);
    expect(sev('42')).toEqual(['info']);
    expect(sev('43')).toEqual(['warning', 'warning', 'info']);
  });
});
