import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, normaliseDraft } from '../check.ts';
import { coreFreeMail } from '../free-mail.ts';
import { resolvePolicy } from '../../policy/resolve.ts';
import scorers from '../lexicon/data/topic-scorers.json' with { type: 'json' };
import type { Draft, RuleId } from '../types.ts';

// A borough with one councillor and one junior officer, so each scorer's mail can be written.
const policy = resolvePolicy(
  {
    council: { name: 'Westmoor Borough Council', domains: ['westmoor.gov.uk'], protocol: 'tower-hamlets' },
    councillors: [{ name: 'Ruth Penrose', email: 'cllr.ruth.penrose@westmoor.gov.uk', ward: 'Quayside' }],
    officers: [{ name: 'Dev Anand', email: 'dev.anand@westmoor.gov.uk', roles: [] }],
  },
  'westmoor test policy',
);
const CLLR = 'cllr.ruth.penrose@westmoor.gov.uk';
const OFFICER = 'dev.anand@westmoor.gov.uk';
const NOW = new Date('2027-02-10T10:00:00Z');

function draft(from: string, to: string, body: string): Draft {
  return normaliseDraft({ from: { email: from }, to: [{ email: to }], cc: [], bcc: [], subject: '', body, attachments: [] } as unknown as Draft);
}

function messages(d: Draft, rule: RuleId, withoutScorers = false): string[] {
  return check(d, policy, { now: NOW, freeMail: coreFreeMail, withoutScorers })
    .filter((f) => f.rule === rule)
    .map((f) => f.messageId);
}

// Each case is worded so that the rule's cues find nothing: only the scorer can read it.
const CASES: { rule: RuleId; messageId: string; from: string; to: string; flag: string; pass: string }[] = [
  {
    rule: 'favour-seeking',
    messageId: 'specialTreatment',
    from: CLLR,
    to: OFFICER,
    flag: "Between us, I'd be really grateful for a bit of leeway on the ticket on my car. It was picked up outside the business and I'd appreciate it if you could see what can be done.",
    pass: "Could you tell me how residents can appeal a parking ticket? Several residents have asked and I'd like to send them the link.",
  },
  {
    rule: 'pressure-on-officers',
    messageId: 'pressesOfficer',
    from: CLLR,
    to: OFFICER,
    flag: "I understand the draft report goes out on Friday. I really need it to come down on the side of the residents this time, and I'd like to see it before it is sent.",
    pass: 'I understand the report goes to committee on Friday. Could you let me know where I can read it once it is published?',
  },
  {
    rule: 'employment-matter-to-member',
    messageId: 'ownEmployment',
    from: OFFICER,
    to: CLLR,
    flag: "I hope you don't mind me writing to you directly. I have worked in the team for eleven years and I really believe I am being pushed out. Would you be willing to have a word on my behalf?",
    pass: "I hope you don't mind me writing to you directly. I have worked on the Mill Lane scheme for a year and I believe the residents will be pleased. Would you be willing to open it on Monday?",
  },
  {
    rule: 'official-letter-from-member',
    messageId: 'commitsCouncil',
    from: CLLR,
    to: 'info@builders.example.com',
    flag: 'Following our meeting on site, I can confirm the council will take the access strip off your hands and cover the cost of the new works next week.',
    pass: 'Following our meeting on site, I will ask the estates team whether the access strip is available and let you know what they say.',
  },
];

/** The held-out councils' names ("zennor-cross" → zennor: its first word, the one no other place shares), from the corpus itself. */
const HELD_OUT_WORDS = readdirSync(join(import.meta.dirname, '../../../tests/corpus/real-world/held-out'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name.split('-')[0]!);

describe('the learned topic scorers', () => {
  for (const c of CASES) {
    it(`${c.rule}: reads what its cues miss, and quotes the writer's sentence`, () => {
      const d = draft(c.from, c.to, c.flag);
      expect(messages(d, c.rule, true)).toEqual([]);
      expect(messages(d, c.rule)).toEqual([c.messageId]);
      const finding = check(d, policy, { now: NOW, freeMail: coreFreeMail }).find((f) => f.rule === c.rule)!;
      expect(c.flag).toContain(finding.evidence.quote);
    });

    it(`${c.rule}: leaves the same kind of mail alone when it asks for nothing of the kind`, () => {
      expect(messages(draft(c.from, c.to, c.pass), c.rule)).toEqual([]);
    });
  }

  it('judge only the mail they were trained on (a favour between two officers is not read)', () => {
    const favour = CASES[0]!;
    expect(messages(draft(OFFICER, 'someone.else@westmoor.gov.uk', favour.flag), 'favour-seeking')).toEqual([]);
  });

  it('ship a threshold and weights for each of the four rules, chosen by leave-one-council-out precision', () => {
    for (const rule of ['favour-seeking', 'pressure-on-officers', 'employment-matter-to-member', 'official-letter-from-member']) {
      const s = (scorers.scorers as Record<string, { threshold: number; weights: Record<string, number> }>)[rule]!;
      expect(s.threshold).toBeGreaterThanOrEqual(0.3);
      expect(Object.keys(s.weights).length).toBeGreaterThan(50);
      // Never trained on the held-out part: none of its councils' names is a word it knows.
      for (const held of HELD_OUT_WORDS) expect(s.weights).not.toHaveProperty(held);
    }
  });
});
