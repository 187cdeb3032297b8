/**
 * discourteous-tone: shouting in capitals, insults, threats and aggressive demands in an email
 * written by or to a councillor or an officer. Only the writer's own words count: quoted history,
 * the signature and a resident's words relayed by the writer are not the writer's discourtesy.
 * The words come from the `tone` lexicon family; the text model says whose words they are.
 */
import { findShouting, findToneProblems, properNouns, toSentenceCase } from '../analysis/tone.ts';
import { defineRule, type RuleContext, type RuleReport } from '../rule.ts';
import type { Edit } from '../types.ts';

/** The keys of `meta.messages`: the only ids a report may name. */
type MessageId = 'shouting' | 'insult' | 'threat' | 'demand';

// ---- helpers ----

const isCouncilPerson = (kind: string | undefined) => kind === 'councillor' || kind === 'officer';

/** Member/officer relations: the protocols govern how councillors and officers treat each other. */
function writesToCouncilPeople(ctx: RuleContext): boolean {
  return ctx.recipients.some((r) => isCouncilPerson(r.person.kind));
}

/**
 * district-model 2.1 and 3.1 (the Codes of Conduct): a member or an officer treats *everyone*
 * with respect and bullies no one, so insults, threats and demands count from a councillor or an
 * officer to anyone, and from anyone to them.
 */
function involvesCouncilPeople(ctx: RuleContext): boolean {
  return writesToCouncilPeople(ctx) || isCouncilPerson(ctx.sender?.kind);
}

const ADVICE = {
  insult: 'Rewrite the sentence to say what went wrong and what you need, without comment on the person',
  threat: 'Remove the threat and say what you will do next through the proper route (the Director, the Chief Executive or the Monitoring Officer)',
  demand: 'Ask for what you need and by when, as a request',
} as const;

export default defineRule<MessageId>({
  meta: {
    id: 'discourteous-tone',
    description: 'Shouting in capitals, insults, threats or aggressive demands in an email between councillors and officers, or from either of them to anyone.',
    defaultSeverity: 'warning',
    citations: {
      crawley: [
        { paragraph: '2.1', summary: 'Councillors and officers owe each other respect, trust and courtesy.' },
        { paragraph: '2.8', summary: 'Every dealing between the two is to be courteous, with no unfair pressure from either side.' },
        { paragraph: '3.2', summary: 'Officers are entitled to courtesy and not to be bullied, intimidated or harassed by councillors.' },
      ],
      'tower-hamlets': [
        { paragraph: '3.9', section: '§3 The relationship: Courtesy', summary: 'Stay courteous even in strong disagreement; no shouting or aggressive, rude raising of the voice.' },
        { paragraph: '3.10', section: '§3 The relationship: Bullying', summary: 'No bullying or harassment; offensive, intimidating or insulting conduct is bullying.' },
        { paragraph: '4.1', section: '§4 Member to Member expectations', summary: 'The same standards of courtesy and freedom from personal attacks apply between councillors.' },
      ],
      'district-model': [
        { paragraph: '2.1', summary: 'Members must show everyone respect and must not bully or harass.' },
        { paragraph: '3.1', summary: 'Officers likewise must show respect and must not bully or harass.' },
        { paragraph: '4.2', summary: 'Civility and courtesy underpin every dealing between Members and Officers.' },
      ],
      'surrey-heath': [
        { paragraph: '1.6', summary: 'Members must not pressure or try to intimidate officers.' },
        { paragraph: '2.2', summary: 'The Members’ Code asks them to treat others with respect and not to bully anyone.' },
        { paragraph: '2.3', summary: 'Both Members and officers keep to reasonable courtesy in their dealings.' },
        { paragraph: '4.8(a)', section: '§4 numbered as amended (printed 4.78)', summary: 'Criticism of officers must never become personal attack or abuse.' },
      ],
      'town-council': [
        { paragraph: '2.4.1', summary: 'Councillors can expect respect and courtesy from officers.' },
        { paragraph: '2.4.2', summary: 'Officers can expect respect and courtesy from councillors, and freedom from bullying or undue pressure.' },
      ],
    },
    messages: {
      shouting: 'This reads as shouting: “{excerpt}” is written in capitals. Write it in sentence case.',
      insult: '“{quote}” is insulting. Keep criticism to what happened, not the person.',
      threat: '“{quote}” reads as a threat. Say what you will do next through the proper route instead.',
      demand: '“{quote}” reads as an aggressive demand. Put it as a request with a date.',
    },
    fixable: true,
  },

  check(ctx) {
    if (!involvesCouncilPeople(ctx)) return [];
    const reports: RuleReport<MessageId>[] = [];

    // tower-hamlets 3.9: no shouting, between councillors and officers. Capitals in quotation
    // marks or in a resident's words relayed by the writer are not the writer's (the model says so).
    const runs = writesToCouncilPeople(ctx) ? findShouting(ctx) : [];
    if (runs.length > 0) {
      const nouns = properNouns(ctx);
      const edits: Edit[] = runs.map((run) => ({ kind: 'replaceText', field: 'body', start: run.start, end: run.end, text: toSentenceCase(ctx, run, nouns) }));
      const first = runs[0]!;
      const excerpt = first.quote.length > 60 ? `${first.quote.slice(0, 57).trimEnd()}…` : first.quote;
      reports.push({
        messageId: 'shouting',
        data: { excerpt },
        evidence: { field: 'body', start: first.start, end: first.end, quote: first.quote },
        suggestions: [{ title: runs.length === 1 ? 'Change the capitals to sentence case' : `Change the ${runs.length} passages in capitals to sentence case`, edits }],
      });
    }

    // crawley 3.2, district-model 2.1, surrey-heath 2.2: no insults, intimidation or bullying.
    for (const h of findToneProblems(ctx)) {
      // A shouted sentence that is only the demand ("SORT IT OUT.") is reported once, as shouting.
      if (runs.some((r) => r.start === h.start && r.end === h.end)) continue;
      reports.push({
        messageId: h.kind,
        data: { quote: h.quote },
        evidence: { field: 'body', start: h.start, end: h.end, quote: h.quote },
        suggestions: [{ title: ADVICE[h.kind], edits: [] }],
      });
    }
    return reports;
  },
});
